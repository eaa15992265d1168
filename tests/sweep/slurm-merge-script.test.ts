// deploy/slurm/merge.sbatch when the merge fails, run by bash outside Slurm with
// a stand-in `npx` that fails as `evacsim merge` does when runs are missing:
// the script must still say what to do, also when no shard logged a failure
// (a task killed at its time limit, or never started, leaves no failures.jsonl).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './fixtures.js';

const SCRIPT = join(import.meta.dirname, '..', '..', 'deploy', 'slurm', 'merge.sbatch');

/** Runs merge.sbatch on a sweep folder whose shards hold `failures` (lines of failures.jsonl per shard, null: no file). */
function mergeWith(failures: (number | null)[]) {
  const dir = tempDir();
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'npx'), '#!/bin/sh\necho "evacsim: 4 of 12 runs are missing" >&2\nexit 2\n');
  chmodSync(join(bin, 'npx'), 0o755);
  const out = join(dir, 'sweep');
  failures.forEach((lines, i) => {
    mkdirSync(join(out, `shard-${i}`), { recursive: true });
    if (lines !== null) writeFileSync(join(out, `shard-${i}`, 'failures.jsonl'), '{}\n'.repeat(lines));
  });
  return spawnSync('bash', [SCRIPT], { cwd: dir, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, OUT: out }, encoding: 'utf8' });
}

describe('deploy/slurm/merge.sbatch when runs are missing', () => {
  it('says to resubmit the array, with the failures logged, when shards logged failures', () => {
    const r = mergeWith([2, null, 1]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('runs are missing (3 failures logged in');
  });

  it('says so too when no shard logged a failure (a task killed or never started)', () => {
    const r = mergeWith([null, null]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('runs are missing (0 failures logged in');
    expect(r.stderr).toContain('resubmit the array');
  });
});
