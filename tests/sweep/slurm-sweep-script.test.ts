// deploy/slurm/sweep.sbatch's arguments, run by bash outside Slurm with a
// stand-in `npx` that writes the words it was given: SWEEP_ARGS is read as the
// words of a command line (quotes keep a space in a word, nothing is expanded
// or run), and options after the script pass as the shell gave them.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './fixtures.js';
import { sweepArgs } from './slurm-jobs.js';

const SCRIPT = join(import.meta.dirname, '..', '..', 'deploy', 'slurm', 'sweep.sbatch');

/** Runs sweep.sbatch as array task 1 of 3 with `env` and `args`; `words` are those npx received, null when it did not run. */
function sweepWith(env: Record<string, string>, args: string[] = []) {
  const dir = tempDir();
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const said = join(dir, 'npx-args');
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\nprintf '%s\\0' "$@" > '${said}'\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  const r = spawnSync('bash', [SCRIPT, ...args], {
    cwd: dir,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '3', SLURM_CPUS_PER_TASK: '2', ...env },
    encoding: 'utf8',
  });
  const words = existsSync(said) ? readFileSync(said, 'utf8').split('\0').slice(0, -1) : null;
  return { ...r, words };
}

/** What the script gives npx around the sweep's own words. */
const around = (scenario: string, words: string[], out = 'sweep') => [
  '--no-install', 'evacsim', 'sweep', scenario, ...words, '--workers', '2', '--shard', '1/3', '--resume', '--quiet', '--out', `${out}/shard-1`,
];

describe('deploy/slurm/sweep.sbatch passes the sweep its words', () => {
  it('keeps a quoted value with a space in SWEEP_ARGS one word, and a scenario and folder with spaces', () => {
    const args = `--set 'settlements[id=new town].population=100,200' --set "households.carShare=0.6, 0.8" --metric evacuated\\ share --seed 7`;
    const r = sweepWith({ SWEEP_ARGS: args, SCENARIO: 'my scenarios/a b.json', OUT: 'out dir' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.words).toEqual(around('my scenarios/a b.json', [
      '--set', 'settlements[id=new town].population=100,200', '--set', 'households.carShare=0.6, 0.8', '--metric', 'evacuated share', '--seed', '7',
    ], 'out dir'));
  });

  it('expands and runs nothing SWEEP_ARGS holds: $, `…` and wildcards stay as written', () => {
    const dir = tempDir();
    const r = sweepWith({ SWEEP_ARGS: `--set orders[*].compliance=0.5,0.9 --note $(touch ${dir}/ran) \`touch ${dir}/ran\` $HOME *` });
    expect(r.status, r.stderr).toBe(0);
    expect(r.words).toEqual(around('scenarios/kursk-2024.json', [
      '--set', 'orders[*].compliance=0.5,0.9', '--note', `$(touch`, `${dir}/ran)`, `\`touch`, `${dir}/ran\``, '$HOME', '*',
    ]));
    expect(existsSync(join(dir, 'ran'))).toBe(false);
  });

  it('round-trips the words the Slurm cluster test quotes, a single quote too', () => {
    const words = ['--set', "settlements[id=o'hara].population=1, 2", '--seed', '7'];
    const r = sweepWith({ SWEEP_ARGS: sweepArgs(words) });
    expect(r.words).toEqual(around('scenarios/kursk-2024.json', words));
  });

  it('without SWEEP_ARGS runs the default sweep', () => {
    const r = sweepWith({});
    expect(r.words).toEqual(around('scenarios/kursk-2024.json', [
      '--set', 'orders[*].compliance=0.5:0.9:0.1', '--set', 'households.carShare=0.6,0.8', '--replications', '30', '--seed', '7',
    ]));
  });

  it('takes the options after the script as given, instead of SWEEP_ARGS', () => {
    const r = sweepWith({ SWEEP_ARGS: '--seed 1' }, ['--set', 'settlements[id=new town].population=100,200', '--seed', '7']);
    expect(r.words).toEqual(around('scenarios/kursk-2024.json', ['--set', 'settlements[id=new town].population=100,200', '--seed', '7']));
  });

  it('an unmatched quote in SWEEP_ARGS exits 2 naming it, before any sweep', () => {
    const r = sweepWith({ SWEEP_ARGS: "--set 'settlements[id=new town].population=100,200" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("evacsim-sweep: SWEEP_ARGS cannot be read as words (an unmatched quote?): --set 'settlements[id=new town].population=100,200");
    expect(r.words).toBeNull();
  });
});
