// The Slurm recipe under a real scheduler: deploy/slurm/sweep.sbatch submitted
// as a three-task job array with `sbatch --wait` on a single-node cluster,
// then deploy/slurm/merge.sbatch; the merged folder equals the sweep one
// machine makes. Skipped (saying why) off root or without Slurm, but never in CI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { slurmMissing, startCluster, type Cluster } from './slurm-cluster.js';
import { tempDir, writeSweepFile } from './fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const why = slurmMissing();
if (why !== null && process.env.CI !== 'true') console.warn(`skipping the Slurm job array test: ${why}`);
const runIt = why === null || process.env.CI === 'true';

describe.runIf(runIt)('the Slurm job array recipe', () => {
  let cluster: Cluster;
  beforeAll(() => {
    if (why !== null) throw new Error(`CI must run the Slurm test, but ${why} (.ci/run installs slurm-wlm and munge)`);
    cluster = startCluster(tempDir());
  }, 60_000);
  afterAll(() => cluster?.stop());

  const sbatch = (args: string[], env: Record<string, string>) =>
    spawnSync('sbatch', ['--wait', `--chdir=${ROOT}`, ...args], { env: { ...cluster.env, ...env }, encoding: 'utf8' });

  it('runs a sharded sweep as an array job, merges after any end, and equals one machine', async () => {
    const file = writeSweepFile();
    const out = tempDir();
    const sweepArgs = "--set orders[*].compliance=0.5,0.9 --set households.carShare=0.6,0.9 --replications 3 --seed 7";
    const env = { SCENARIO: file, OUT: out, SWEEP_ARGS: sweepArgs };
    const array = sbatch(['--array=0-2', '--cpus-per-task=1', '--mem=500M', `--output=${out}/task-%a.out`, 'deploy/slurm/sweep.sbatch'], env);
    const logs = () => [0, 1, 2].map((i) => readFileSync(join(out, `task-${i}.out`), 'utf8')).join('\n');
    expect(array.status, `${array.stderr}\n${logs()}`).toBe(0);
    expect(logs()).toContain('of shard 2/3 done');
    const merged = sbatch([`--output=${out}/merge.out`, '--mem=500M', 'deploy/slurm/merge.sbatch'], env);
    expect(merged.status, readFileSync(join(out, 'merge.out'), 'utf8')).toBe(0);

    const one = join(tempDir(), 'one');
    let said = '';
    const code = await main(['sweep', file, ...sweepArgs.split(' '), '--workers', '0', '--quiet', '--out', one], { out: () => undefined, err: (t) => (said += t) });
    expect(code, said).toBe(0);
    const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
    for (const f of ['summary.csv', 'summary.md', 'sensitivity.csv']) expect(read(join(out, 'all'), f)).toBe(read(one, f));
    const strip = (csv: string) => csv.split('\n').map((l) => l.replace(/,[^,]*$/, '')).join('\n');
    expect(strip(read(join(out, 'all'), 'runs.csv'))).toBe(strip(read(one, 'runs.csv')));
    // The manifests differ only in the scenario file's name as each run was given it.
    const manifest = (dir: string) => ({ ...JSON.parse(read(dir, 'sweep.json')), scenario: null });
    expect(manifest(join(out, 'all'))).toEqual(manifest(one));
  }, 180_000);
});
