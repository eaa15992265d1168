// The shipped Kubernetes Indexed Job (deploy/kubernetes/sweep-job.yaml): a
// valid batch/v1 Job whose pods each run one shard, with as many shards as
// completions, memory requested, and a command that evacsim accepts as written.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, inject, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const job = YAML.parse(readFileSync(join(ROOT, 'deploy', 'kubernetes', 'sweep-job.yaml'), 'utf8'));
const NPX = 'npx --no-install evacsim';
/** What `npx --no-install evacsim` runs from the repository root: the package's own bin, by its shebang. */
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin.evacsim);
/**
 * The Slurm jobs (tests/sweep/slurm-jobs.ts) run `npx --no-install evacsim` from the repository
 * root, as the pods do from theirs, and fail when it does not resolve. While they run, this line
 * runs the bin npx resolves to, spared npm's 2-3 s of CPU start-up; otherwise it goes through npx.
 */
const LAUNCHER = inject('slurmJobs') === null ? NPX : BIN;

describe('the Kubernetes Indexed Job manifest', () => {
  const spec = job.spec;
  const pod = spec.template.spec;
  const [container] = pod.containers;
  const command = container.args[0] as string;

  it('is a batch/v1 Indexed Job that restarts failed pods, which resume their shard', () => {
    expect([job.apiVersion, job.kind, spec.completionMode]).toEqual(['batch/v1', 'Job', 'Indexed']);
    expect(pod.restartPolicy).toBe('OnFailure');
    expect(command).toContain('--resume');
    expect(spec.parallelism).toBeLessThanOrEqual(spec.completions);
  });

  it('splits the sweep into exactly as many shards as completions, one per pod index', () => {
    expect(command).toContain(`--shard "$JOB_COMPLETION_INDEX/${spec.completions}"`);
    expect(command).toContain('--out "/results/shard-$JOB_COMPLETION_INDEX"');
  });

  it('requests CPU and memory, and mounts every volume it names', () => {
    expect(container.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.stringMatching(/^\d+(Gi|Mi)$/) });
    expect(container.resources.limits.memory).toMatch(/^\d+(Gi|Mi)$/);
    expect(command).toContain(`--workers ${container.resources.requests.cpu}`);
    const volumes = pod.volumes.map((v: { name: string }) => v.name).sort();
    expect(container.volumeMounts.map((m: { name: string }) => m.name).sort()).toEqual(volumes);
  });

  it("runs a command evacsim accepts: the pod's shell line, on the shipped scenario, checks as a dry run", () => {
    expect(command.startsWith(`${NPX} sweep `)).toBe(true);
    const line = command.replace(NPX, LAUNCHER).replace('/scenarios/kursk-2024.json', join(ROOT, 'scenarios', 'kursk-2024.json'));
    const result = spawnSync('sh', ['-c', `${line} --dry-run`], { cwd: ROOT, env: { ...process.env, JOB_COMPLETION_INDEX: '3' }, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^sweep of .*: grid, 10 points × 30 replications = 300 runs; shard 3\/10 runs 30; seed 7\n/);
  });
});
