// The Slurm recipe under a real scheduler: deploy/slurm/sweep.sbatch submitted
// as a three-task job array with `sbatch --wait` on a single-node cluster,
// then deploy/slurm/merge.sbatch; the merged folder equals the sweep one
// machine makes. The jobs run in the background from the global setup
// (slurm-jobs.ts); this file waits for them. Skipped (saying why) off root or
// without Slurm, but never in CI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { slurmMissing } from './slurm-cluster.js';
import { SWEEP_WORDS, type SlurmDone, donePath } from './slurm-jobs.js';
import { tempDir } from './fixtures.js';

const why = slurmMissing();
if (why !== null && process.env.CI !== 'true') console.warn(`skipping the Slurm job array test: ${why}`);
const runIt = why === null || process.env.CI === 'true';

/** done.json once the background jobs have ended (they may still be running when this file starts). */
async function ended(path: string, timeoutMs: number): Promise<SlurmDone> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`the Slurm jobs did not end within ${timeoutMs / 1000} s (${path})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return JSON.parse(readFileSync(path, 'utf8')) as SlurmDone;
}

describe.runIf(runIt)('the Slurm job array recipe', () => {
  it('runs a sharded sweep as an array job, merges after any end, and equals one machine', async () => {
    if (why !== null) throw new Error(`CI must run the Slurm test, but ${why} (.ci/run installs slurm-wlm and munge)`);
    const jobs = inject('slurmJobs');
    expect(jobs, 'the global setup starts the Slurm jobs when Slurm can run').not.toBeNull();
    if (jobs === null) return;
    const done = await ended(donePath(jobs), 170_000);
    expect(done.error).toBeNull();
    const { out, file } = jobs;
    const logs = () => [0, 1, 2].map((i) => readFileSync(join(out, `task-${i}.out`), 'utf8')).join('\n');
    expect(done.array?.status, `${done.array?.stderr}\n${logs()}`).toBe(0);
    expect(logs()).toContain('of shard 2/3 done');
    expect(done.merge?.status, readFileSync(join(out, 'merge.out'), 'utf8')).toBe(0);

    const one = join(tempDir(), 'one');
    let said = '';
    const code = await main(['sweep', file, ...SWEEP_WORDS, '--workers', '0', '--quiet', '--out', one], { out: () => undefined, err: (t) => (said += t) });
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
