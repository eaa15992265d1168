// Bad input to `sweep`, `merge` and `calibrate` gives one line naming where the
// problem is and exit code 2, never an internal error, and loses nothing
// already written: --out folders that are files, links to nothing or not
// writable; unreadable or malformed shard folders; an --out that is a shard or
// holds other files; targets that are folders; contradictory options.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { folderProblem } from '../../src/cli/folders.js';
import { reason } from '../../src/cli/file-errors.js';
import { tempDir, writeSweepFile } from './fixtures.js';
import { compileMetrics } from '../../src/sweep/metrics.js';
import { InputError } from '../../src/errors.js';
import { manifestShapeProblem } from '../../src/sweep/manifest.js';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The command line run in this process; a sweep or calibration runs in this thread. */
async function cli(args: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const threads = ['sweep', 'calibrate'].includes(args[0]) && !args.includes('--workers') ? ['--workers', '0'] : [];
  const code = await main([...args, ...threads], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Whether file permissions stop this process (they do not for root). */
const permissionsApply = (() => {
  const dir = tempDir();
  chmodSync(dir, 0o555);
  try {
    mkdirSync(join(dir, 'x'));
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(dir, 0o755);
  }
})();

const SET = ['--set', 'households.carShare=0.6,0.9', '--seed', '7', '--quiet'];
const GRID = ['--set', 'orders[*].compliance=0.5:0.9:0.4', '--set', 'households.carShare=0.6,0.9', '--replications', '3', '--seed', '7', '--quiet'];

function journalRuns(dir: string): number[] {
  return readFileSync(join(dir, 'runs.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { run: number }).run);
}

/** Two shard folders of one sweep, in a fresh folder; returns the folder and the scenario file. */
async function shards(): Promise<{ root: string; file: string }> {
  const file = writeSweepFile();
  const root = tempDir();
  for (const i of [0, 1]) expect((await cli(['sweep', file, ...SET, '--shard', `${i}/2`, '--out', join(root, `shard${i}`)])).code).toBe(0);
  return { root, file };
}

describe('--out that cannot be a folder', () => {
  it('an existing file is refused by sweep, merge and calibrate (exit 2), the scenario file too', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    const taken = join(root, 'taken');
    writeFileSync(taken, 'keep me');
    const sweep = await cli(['sweep', file, ...SET, '--out', taken]);
    expect([sweep.code, sweep.stderr]).toEqual([2, `evacsim: --out ${taken}: it is a file, not a folder; name a folder\n`]);
    const own = await cli(['sweep', file, ...SET, '--out', file]);
    expect([own.code, own.stderr]).toEqual([2, `evacsim: --out ${file}: it is a file, not a folder; name a folder\n`]);
    const below = await cli(['sweep', file, ...SET, '--out', join(taken, 'sub')]);
    expect([below.code, below.stderr]).toEqual([2, `evacsim: --out ${join(taken, 'sub')}: ${taken} is a file, not a folder; name a folder\n`]);
    const calibrate = await cli(['calibrate', file, '--free', 'households.carShare=0.5:0.9', '--samples', '2', '--quiet', '--out', taken]);
    expect([calibrate.code, calibrate.stderr]).toEqual([2, `evacsim: --out ${taken}: it is a file, not a folder; name a folder\n`]);
    const { root: shardRoot } = await shards();
    const merge = await cli(['merge', join(shardRoot, 'shard0'), join(shardRoot, 'shard1'), '--out', taken]);
    expect([merge.code, merge.stderr]).toEqual([2, `evacsim: --out ${taken}: it is a file, not a folder; name a folder\n`]);
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
  });

  it('a symbolic link to nothing on the way is named', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    const dangling = join(root, 'dangl');
    symlinkSync(join(root, 'nowhere'), dangling);
    const below = await cli(['sweep', file, ...SET, '--out', join(dangling, 's')]);
    expect([below.code, below.stderr]).toEqual([2, `evacsim: --out ${join(dangling, 's')}: ${dangling} is a symbolic link to ${join(root, 'nowhere')}, which does not exist; name a folder\n`]);
    const itself = await cli(['sweep', file, ...SET, '--out', dangling]);
    expect([itself.code, itself.stderr]).toEqual([2, `evacsim: --out ${dangling}: it is a symbolic link to ${join(root, 'nowhere')}, which does not exist; name a folder\n`]);
  });

  it('a folder that cannot be made for want of permission says so', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir 'ro/x'"), { code: 'EACCES' });
    expect(folderProblem('ro/x', denied)).toBe('permission denied');
    expect(reason(Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' }))).toBe('it is a folder, not a file');
  });

  it.skipIf(!permissionsApply)('a read-only parent folder is refused by sweep, merge and calibrate (exit 2)', async () => {
    const { root, file } = await shards();
    const readOnly = join(root, 'ro');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    try {
      const out = join(readOnly, 'x');
      const expected = `evacsim: --out ${out}: permission denied\n`;
      expect(await cli(['sweep', file, ...SET, '--out', out])).toMatchObject({ code: 2, stderr: expected });
      expect(await cli(['calibrate', file, '--free', 'households.carShare=0.5:0.9', '--samples', '2', '--quiet', '--out', out])).toMatchObject({ code: 2, stderr: expected });
      expect(await cli(['merge', join(root, 'shard0'), join(root, 'shard1'), '--out', out])).toMatchObject({ code: 2, stderr: expected });
      expect(await cli(['sweep', file, ...SET, '--out', readOnly])).toMatchObject({ code: 2, stderr: `evacsim: cannot write ${readOnly}: permission denied\n` });
    } finally {
      chmodSync(readOnly, 0o755);
    }
  });
});

describe('shard folders that cannot be read', () => {
  it('a runs.jsonl that is a folder is named, by merge and by sweep --resume', async () => {
    const { root, file } = await shards();
    const journal = join(root, 'shard1', 'runs.jsonl');
    rmSync(journal);
    mkdirSync(journal);
    const merge = await cli(['merge', join(root, 'shard0'), join(root, 'shard1'), '--out', join(root, 'm')]);
    expect([merge.code, merge.stderr]).toEqual([2, `evacsim: cannot read ${journal}: it is a folder, not a file\n`]);
    expect(existsSync(join(root, 'm'))).toBe(false);
    const resume = await cli(['sweep', file, ...SET, '--shard', '1/2', '--resume', '--out', join(root, 'shard1')]);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain(journal);
    expect(resume.stderr).not.toContain('internal error');
  });

  it('a FIFO in place of a shard\'s sweep.json or runs.jsonl is refused at once by merge (it waited for ever)', async () => {
    const { root } = await shards();
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'evacsim.js');
    for (const name of ['sweep.json', 'runs.jsonl']) {
      const path = join(root, 'shard1', name);
      const kept = readFileSync(path);
      rmSync(path);
      expect(spawnSync('mkfifo', [path]).status).toBe(0);
      const merge = spawnSync(process.execPath, [bin, 'merge', join(root, 'shard0'), join(root, 'shard1'), '--out', join(root, 'm')], { encoding: 'utf8', timeout: 20_000 });
      const expected = name === 'sweep.json' ? `${path}: cannot be read (it is a FIFO (named pipe), not a regular file)` : `cannot read ${path}: it is a FIFO (named pipe), not a regular file`;
      expect([merge.status, merge.stderr]).toEqual([2, `evacsim: ${expected}\n`]);
      expect(existsSync(join(root, 'm'))).toBe(false);
      rmSync(path);
      writeFileSync(path, kept);
    }
  });

  it('a FIFO as the lock owner file of a locked folder does not hang the sweep (it waited for ever, deaf to SIGTERM)', async () => {
    const { root, file } = await shards();
    const folder = join(root, 'shard1');
    mkdirSync(join(folder, '.sweep.lock'));
    expect(spawnSync('mkfifo', [join(folder, '.sweep.lock.owner')]).status).toBe(0);
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'evacsim.js');
    const resume = spawnSync(process.execPath, [bin, 'sweep', file, ...SET, '--shard', '1/2', '--resume', '--workers', '0', '--out', folder], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
    expect([resume.status, resume.stderr]).toEqual([2, `evacsim: ${folder} is being written by another process; wait for it to finish (if it is gone, remove ${join(folder, '.sweep.lock')})\n`]);
  });

  it.skipIf(!permissionsApply)('an unreadable runs.jsonl is named by merge', async () => {
    const { root } = await shards();
    const journal = join(root, 'shard1', 'runs.jsonl');
    chmodSync(journal, 0);
    try {
      const merge = await cli(['merge', join(root, 'shard0'), join(root, 'shard1'), '--out', join(root, 'm')]);
      expect([merge.code, merge.stderr]).toEqual([2, `evacsim: cannot read ${journal}: permission denied\n`]);
    } finally {
      chmodSync(journal, 0o644);
    }
  });

  it('a sweep.json without "format", or not an object, says so (it said "format undefined")', async () => {
    const { root } = await shards();
    const path = join(root, 'shard1', 'sweep.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    for (const [text, said] of [[JSON.stringify({ ...manifest, format: undefined }), 'no "format" key'], ['null', 'no "format" key'], ['{"format": 2}', 'format 2']]) {
      writeFileSync(path, text);
      const merge = await cli(['merge', join(root, 'shard0'), join(root, 'shard1'), '--out', join(root, 'm')]);
      expect([merge.code, merge.stderr]).toEqual([2, `evacsim: ${path}: not an evacsim sweep manifest of this version (${said}, expected ${manifest.format})\n`]);
    }
  });

  it('a sweep.json without "scenario" is named with the missing key, by merge and by sweep --resume', async () => {
    const { root, file } = await shards();
    const path = join(root, 'shard1', 'sweep.json');
    const { scenario: _, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify(rest));
    const expected = `evacsim: ${path}: not a valid sweep manifest: "scenario" is missing\n`;
    for (const dirs of [['shard0', 'shard1'], ['shard1', 'shard0']]) {
      const merge = await cli(['merge', ...dirs.map((d) => join(root, d)), '--out', join(root, 'm')]);
      expect([merge.code, merge.stderr]).toEqual([2, expected]);
    }
    const resume = await cli(['sweep', file, ...SET, '--shard', '1/2', '--resume', '--out', join(root, 'shard1')]);
    expect([resume.code, resume.stderr]).toEqual([2, expected]);
  });

  it('the shape check of a manifest names the first key missing or of the wrong kind, and passes a whole one', async () => {
    const { root } = await shards();
    const whole = JSON.parse(readFileSync(join(root, 'shard0', 'sweep.json'), 'utf8')) as Record<string, any>;
    expect(manifestShapeProblem(whole)).toBeNull();
    expect(manifestShapeProblem([])).toBe('not a JSON object');
    expect(manifestShapeProblem({ ...whole, design: { ...whole.design, kind: 'spiral' } })).toBe('"design.kind" has an unexpected value ("spiral")');
    expect(manifestShapeProblem({ ...whole, reports: { ...whole.reports, format: undefined } })).toBe('"reports.format" is missing');
    expect(manifestShapeProblem({ ...whole, runs: Number.NaN })).toBe('"runs" has an unexpected value (null)');
  });
});

describe('what --out may already hold', () => {
  it('merge refuses to write into one of its shard folders, named by any path', async () => {
    const { root } = await shards();
    const [a, b] = [join(root, 'shard0'), join(root, 'shard1')];
    const before = readFileSync(join(a, 'sweep.json'), 'utf8');
    const direct = await cli(['merge', a, b, '--out', a]);
    expect([direct.code, direct.stderr]).toEqual([2, `evacsim: --out ${a} is one of the folders to merge; merging into it would replace that shard: choose another --out\n`]);
    symlinkSync(b, join(root, 'link'));
    const linked = await cli(['merge', a, b, '--out', join(root, 'link')]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toBe(`evacsim: --out ${join(root, 'link')} is ${b}, one of the folders to merge; merging into it would replace that shard: choose another --out\n`);
    expect(readFileSync(join(a, 'sweep.json'), 'utf8')).toBe(before);
    expect(journalRuns(a)).toEqual([0]);
    // A shard of the sweep that is not among the inputs is refused too.
    const other = await cli(['merge', a, '--partial', '--out', b]);
    expect([other.code, other.stderr]).toEqual([2, `evacsim: ${b} holds shard 1/2 of this sweep; name it among the folders to merge, or choose another --out\n`]);
  });

  it('merge refuses a shard folder named twice, by any path, naming it, before writing anything', async () => {
    const { root } = await shards();
    const [a, b] = [join(root, 'shard0'), join(root, 'shard1')];
    symlinkSync(a, join(root, 'link'));
    const out = join(root, 'm');
    const cases: [string[], string][] = [
      [[a, a], `${a} is named twice among the folders to merge`],
      [[a, b, `${a}/`], `${a} is named twice among the folders to merge (again as ${a}/)`],
      [[`${root}/./shard0`, b, join(root, 'link')], `${root}/./shard0 is named twice among the folders to merge (again as ${join(root, 'link')})`],
    ];
    for (const [dirs, said] of cases) {
      // --partial too: without the check, the shard's runs counted once and the merge went ahead.
      for (const partial of [[], ['--partial']]) {
        const r = await cli(['merge', ...dirs, ...partial, '--out', out]);
        expect([r.code, r.stderr]).toEqual([2, `evacsim: ${said}; name each shard folder once\n`]);
      }
    }
    expect(existsSync(out)).toBe(false);
    // Relative paths, as typed in the sweep's folder.
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'evacsim.js');
    const relative = spawnSync(process.execPath, [bin, 'merge', 'shard0', 'shard1', './shard0/', '--out', 'm'], { cwd: root, encoding: 'utf8' });
    expect([relative.status, relative.stderr]).toEqual([2, 'evacsim: shard0 is named twice among the folders to merge (again as ./shard0/); name each shard folder once\n']);
    expect(existsSync(out)).toBe(false);
  });

  it('sweep and merge refuse a folder of other files and leave them as they were', async () => {
    const { root, file } = await shards();
    const foreign = join(root, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'runs.csv'), 'precious');
    writeFileSync(join(foreign, 'summary.md'), 'notes');
    const expected = `evacsim: ${foreign} is not empty and holds no sweep (it has runs.csv, summary.md); choose a new or empty folder for --out\n`;
    for (const resume of [[], ['--resume']]) {
      const sweep = await cli(['sweep', file, ...SET, ...resume, '--out', foreign]);
      expect([sweep.code, sweep.stderr]).toEqual([2, expected]);
    }
    const merge = await cli(['merge', join(root, 'shard0'), join(root, 'shard1'), '--out', foreign]);
    expect([merge.code, merge.stderr]).toEqual([2, expected]);
    expect(readdirSync(foreign).sort()).toEqual(['runs.csv', 'summary.md']);
    expect(readFileSync(join(foreign, 'runs.csv'), 'utf8')).toBe('precious');
    // An empty folder is fine.
    mkdirSync(join(root, 'empty'));
    expect((await cli(['sweep', file, ...SET, '--out', join(root, 'empty')])).code).toBe(0);
  });

  it('merge into a folder holding this merged sweep keeps the runs only that folder holds', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    const [shard0, merged] = [join(root, 'shard0'), join(root, 'merged')];
    expect((await cli(['sweep', file, ...GRID, '--shard', '0/2', '--out', shard0])).code).toBe(0);
    expect((await cli(['merge', shard0, '--partial', '--out', merged])).code).toBe(0);
    expect((await cli(['sweep', file, ...GRID, '--resume', '--out', merged])).code).toBe(0);
    expect(journalRuns(merged)).toHaveLength(12);
    const again = await cli(['merge', shard0, '--out', merged]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`merged 12 of 12 runs from 1 folder and 6 runs only ${merged} held into ${merged}\n`);
    expect(journalRuns(merged)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(readFileSync(join(merged, 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(13);
  });
});

describe('the targets of a sweep', () => {
  it('are all checked before any run: a summary.md that is a folder leaves no table written', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'sweep');
    mkdirSync(join(out, 'summary.md'), { recursive: true });
    const result = await cli(['sweep', file, ...SET, '--out', out]);
    expect([result.code, result.stderr]).toEqual([2, `evacsim: cannot write ${join(out, 'summary.md')}: it is a folder, not a regular file; name a file to create or replace\n`]);
    expect(readdirSync(out)).toEqual(['summary.md']);
  });
});

describe('contradictory or misnamed options', () => {
  it('--max-replications below --replications is a usage error', async () => {
    const out = join(tempDir(), 'ci');
    const result = await cli(['sweep', writeSweepFile(), '--set', 'households.carShare=0.6', '--metric', 'people.evacuatedShare', '--ci-width', '1', '--replications', '5', '--max-replications', '2', '--quiet', '--out', out]);
    expect([result.code, result.stderr]).toEqual([2, 'evacsim: --max-replications 2 is below --replications 5; --ci-width adds replications up to the cap, so give a cap of at least 5\n']);
    expect(existsSync(out)).toBe(false);
  });

  it('a --free path given twice names --free; a design column given twice names the file', async () => {
    const file = writeSweepFile();
    const free = await cli(['calibrate', file, '--free', 'households.carShare=0.5:0.9', '--free', 'households.carShare=0.6:0.8', '--dry-run']);
    expect([free.code, free.stderr]).toEqual([2, 'evacsim: --free households.carShare is given twice; give each free parameter once\n']);
    const design = join(tempDir(), 'points.csv');
    writeFileSync(design, 'households.carShare,households.carShare\n0.6,0.7\n');
    const twice = await cli(['sweep', file, '--design', design, '--dry-run']);
    expect([twice.code, twice.stderr]).toEqual([2, `evacsim: ${design}: columns 1 and 2 of the header both name households.carShare; give each parameter one column\n`]);
  });

  it('calibrate --free takes a range LOW:HIGH only, LOW below HIGH', async () => {
    const file = writeSweepFile();
    const notRange = (text: string, path: string) => `evacsim: --free ${text}: give a range LOW:HIGH, as in ${path}=0.5:0.9, or 2h:12h for durations (a list or a single value is not a range)\n`;
    const cases: [string, string][] = [
      ['x=0.5', notRange('x=0.5', 'x')],
      ['x=0.5,0.6', notRange('x=0.5,0.6', 'x')],
      ['households.carShare=a:b', notRange('households.carShare=a:b', 'households.carShare')],
      ['households.carShare=0.9:0.5', 'evacsim: --free households.carShare=0.9:0.5: LOW must be below HIGH, as in households.carShare=0.5:0.9, or 2h:12h for durations\n'],
      ['households.carShare', 'evacsim: --free households.carShare: expected PATH=LOW:HIGH, such as households.carShare=0.45:0.85\n'],
    ];
    for (const [free, expected] of cases) {
      const result = await cli(['calibrate', file, '--free', free, '--dry-run']);
      expect([result.code, result.stderr]).toEqual([2, expected]);
    }
    for (const free of ['households.carShare=0.5:0.9', 'orders[0].mobilization.median=10m:90m', 'fleets[0].vehicles=1:4:1']) {
      expect((await cli(['calibrate', file, '--free', free, '--samples', '2', '--dry-run'])).code).toBe(0);
    }
  });
});

describe('--metric', () => {
  it('an evacuatedAt instant that is not one is refused before any run, naming --metric', () => {
    expect(() => compileMetrics(['evacuatedAt(xyz)'])).toThrow(
      new InputError('--metric evacuatedAt(xyz): invalid instant "xyz": expected a duration from the start, such as "90s", "45m", "6h", "2d" or "1h30m", or an ISO date-time such as "2024-08-06T03:00:00+03:00"'),
    );
    expect(compileMetrics(['evacuatedAt(2h)'])[0].name).toBe('evacuatedAt(2h)');
    expect(() => compileMetrics(['a..b'])).toThrow(new InputError('--metric a..b: expected a field name at character 3'));
  });

  it('an ISO instant the scenario cannot place is refused naming --metric', async () => {
    const file = writeSweepFile();
    const r = await cli(['sweep', file, ...SET, '--metric', 'evacuatedAt(2020-01-01T00:00:00Z)', '--out', join(tempDir(), 's')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^evacsim: --metric evacuatedAt\(2020-01-01T00:00:00Z\): /);
  });
});
