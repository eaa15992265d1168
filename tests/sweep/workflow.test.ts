// The research workflow of `evacsim sweep`: designs from a file, chosen metrics,
// durations as seconds, replications that grow, a target interval width,
// paired differences, provenance, the folder lock and Parquet tables. Every
// expectation is computed from the library's own simulate() or sweep() results.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseCsv } from './csv.js';
import { peopleAt } from '../../src/report/metrics.js';
import { summarize } from '../../src/report/summary.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/simulate.js';
import { applyPoint } from '../../src/sweep/apply.js';
import { lockSweepFolder } from '../../src/sweep/folder-lock.js';
import { estimate } from '../../src/sweep/stats.js';
import { prepareSweep, runSweep, sweep } from '../../src/sweep/sweep.js';
import type { SweepRow } from '../../src/sweep/row.js';
import { evacsimVersion } from '../../src/sweep/version.js';
import { sweepFile, tempDir, timeless, writeSweepFile } from './fixtures.js';

/**
 * main() in this process. Worker threads are not what these tests are about
 * (tests/sweep/sweep.test.ts and cli.test.ts cover them): a sweep runs in this
 * thread unless the test names --workers.
 */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const threads = args[0] === 'sweep' && !args.includes('--workers') ? ['--workers', '0'] : [];
  const code = await main([...args, ...threads], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const journal = (dir: string): SweepRow[] => readFileSync(join(dir, 'runs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SweepRow);
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
/** A CSV without its last column (wallSeconds). */
const withoutWallTime = (csv: string) => csv.split('\n').map((line) => line.replace(/,[^,]*$/, '')).join('\n');

describe('--design FILE.csv', () => {
  it('runs the points of the file: a grid written out and read back gives the grid sweep', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    const design = join(root, 'points.csv');
    writeFileSync(design, 'orders[*].compliance,households.carShare\n0.5,0.6\n0.5,0.9\n0.9,0.6\n0.9,0.9\n');
    const grid = ['--set', 'orders[*].compliance=0.5,0.9', '--set', 'households.carShare=0.6,0.9'];
    const a = await cli(['sweep', file, ...grid, '--replications', '2', '--seed', '7', '--quiet', '--workers', '0', '--out', join(root, 'grid')]);
    const b = await cli(['sweep', file, '--design', design, '--replications', '2', '--seed', '7', '--quiet', '--workers', '0', '--out', join(root, 'file')]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(journal(join(root, 'file')).map(timeless)).toEqual(journal(join(root, 'grid')).map(timeless));
    expect(withoutWallTime(read(join(root, 'file'), 'runs.csv'))).toBe(withoutWallTime(read(join(root, 'grid'), 'runs.csv')));
    expect(read(join(root, 'file'), 'summary.csv')).toBe(read(join(root, 'grid'), 'summary.csv'));
  });

  it('takes values as --set writes them, quoted strings and durations included', async () => {
    const file = writeSweepFile();
    const design = join(tempDir(), 'd.csv');
    writeFileSync(design, 'orders[*].mobilization.kind,orders[0].mobilization.median\n"weibull",30m\nlognormal,1h\n');
    const result = await cli(['sweep', file, '--design', design, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0\t"weibull"\t"30m"\n1\t"lognormal"\t"1h"\n');
  });

  it('refuses a malformed file, naming the file and the line (exit 2)', async () => {
    const file = writeSweepFile();
    const design = join(tempDir(), 'bad.csv');
    writeFileSync(design, 'households.carShare,orders[*].compliance\n0.6,0.5\n0.7\n');
    const short = await cli(['sweep', file, '--design', design, '--dry-run']);
    expect(short.code).toBe(2);
    expect(short.stderr).toBe(`evacsim: ${design}: Invalid Record Length: expect 2, got 1 on line 3\n`);
    writeFileSync(design, 'households.carShare\n1.5\n');
    const invalid = await cli(['sweep', file, '--design', design, '--dry-run']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`households.carShare: must be between 0 and 1, got 1.5 (with households.carShare=1.5, at ${design}:2)`);
    const both = await cli(['sweep', file, '--design', design, '--set', 'households.carShare=0.5', '--dry-run']);
    expect(both.stderr).toBe('evacsim: --design FILE gives every parameter; leave out --set\n');
  });

  it('is taken by the library as points, and runSweep runs the points of a plan a caller edited', async () => {
    const raw = sweepFile();
    const plan = prepareSweep(raw, { parameters: [{ path: 'households.carShare', values: '0.6' }], seed: 3 });
    plan.points = [[0.9], [0.2]];
    const rows = await runSweep(raw, plan, { workers: 0 });
    expect(rows.map((r) => r.parameters['households.carShare'])).toEqual([0.9, 0.2]);
    const direct = await sweep(raw, { kind: 'points', parameters: [{ path: 'households.carShare' }], points: [[0.9], [0.2]], seed: 3 }, { workers: 0 });
    expect(rows.map(timeless)).toEqual(direct.map(timeless));
    plan.points = [[7]];
    await expect(runSweep(raw, plan, { workers: 0 })).rejects.toThrow(/households\.carShare: must be between 0 and 1, got 7/);
  });
});

describe('--metric', () => {
  const metrics = ['settlements[id=village].evacuated', 'districts.South.evacuated', 'targets[0].actual', 'evacuatedAt(1h)', 'clearance.p90', 'fleets[id=buses].carried'];

  it('records exactly the chosen summary paths, equal to those of a lone simulation', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'm');
    const args = ['sweep', file, '--set', 'households.carShare=0.6,0.9', '--seed', '5', '--quiet', '--workers', '0', '--out', out];
    const result = await cli([...args, ...metrics.flatMap((m) => ['--metric', m])]);
    expect(result.code).toBe(0);
    const [header] = read(out, 'runs.csv').split('\n');
    expect(header).toBe(['run', 'point', 'replication', 'households.carShare', 'seed', ...metrics, 'clearance.p90.reached', 'endTime', 'wallSeconds'].join(','));
    const raw = sweepFile();
    const plan = prepareSweep(raw, { parameters: [{ path: 'households.carShare', values: '0.6,0.9' }], seed: 5, metrics });
    for (const row of journal(out)) {
      const scenario = parseScenario(applyPoint(raw, plan, row.point).file);
      const sim = simulate(scenario, { seed: row.seed });
      const summary = summarize(sim, scenario);
      const village = summary.settlements.find((s) => s.id === 'village')!;
      const south = summary.settlements.filter((s) => s.district === 'South').reduce((n, s) => n + s.evacuated, 0);
      expect(row.metrics).toEqual({
        'settlements[id=village].evacuated': village.evacuated,
        'districts.South.evacuated': south,
        'targets[0].actual': summary.targets[0].actual,
        'evacuatedAt(1h)': peopleAt(sim, 3600).evacuated,
        'clearance.p90': summary.clearance.p90,
        'fleets[id=buses].carried': summary.fleets[0].carried,
      });
    }
    const columns = JSON.parse(read(out, 'columns.json'))['runs.csv'] as { name: string; type: string; unit: string }[];
    expect(columns.find((c) => c.name === 'clearance.p90')).toMatchObject({ type: 'number', unit: 's' });
    expect(columns.find((c) => c.name === 'evacuatedAt(1h)')).toMatchObject({ type: 'number', unit: 'people' });
  });

  it('refuses a path that selects nothing or no number, before any run (exit 2)', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'm');
    const missing = await cli(['sweep', file, '--metric', 'settlements[id=nowhere].evacuated', '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('evacsim: --metric settlements[id=nowhere].evacuated: selects nothing in the run summary; it must select one number\n');
    const text = await cli(['sweep', file, '--metric', 'settlements[0].name', '--out', out]);
    expect(text.stderr).toBe('evacsim: --metric settlements[0].name: is string, not a number\n');
    expect(existsSync(join(out, 'runs.jsonl'))).toBe(false);
  });
});

describe('durations in the tables', () => {
  it('are seconds in runs.csv, summary.csv and sensitivity.csv, and as written in the journal', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'd');
    expect((await cli(['sweep', file, '--set', 'orders[0].mobilization.median=30m,1.5h', '--quiet', '--out', out])).code).toBe(0);
    expect(journal(out).map((r) => r.parameters['orders[0].mobilization.median'])).toEqual(['30m', '1.5h']);
    expect(parseCsv(read(out, 'runs.csv')).map((r) => r['orders[0].mobilization.median'])).toEqual(['1800', '5400']);
    expect(new Set(parseCsv(read(out, 'summary.csv')).map((r) => r['orders[0].mobilization.median']))).toEqual(new Set(['1800', '5400']));
    expect(new Set(parseCsv(read(out, 'sensitivity.csv')).map((r) => `${r.from} ${r.to}`))).toEqual(new Set(['1800 5400']));
  });
});

describe('replications', () => {
  const GRID = ['--set', 'orders[*].compliance=0.5,0.9', '--seed', '7', '--quiet', '--workers', '0'];

  it('raised on an existing folder run only the new runs, and equal a one-shot sweep byte for byte', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    await cli(['sweep', file, ...GRID, '--replications', '2', '--out', join(root, 'grown')]);
    const before = journal(join(root, 'grown'));
    const grown = await cli(['sweep', file, ...GRID, '--replications', '5', '--resume', '--out', join(root, 'grown')]);
    expect(grown.stdout).toContain('10/10 runs done (6 new in');
    await cli(['sweep', file, ...GRID, '--replications', '5', '--out', join(root, 'once')]);
    for (const f of ['sweep.json', 'summary.csv', 'summary.md', 'sensitivity.csv']) expect(read(join(root, 'grown'), f)).toBe(read(join(root, 'once'), f));
    expect(withoutWallTime(read(join(root, 'grown'), 'runs.csv'))).toBe(withoutWallTime(read(join(root, 'once'), 'runs.csv')));
    const after = journal(join(root, 'grown'));
    for (const row of before) expect(after[row.run]).toEqual(row);
    const lower = await cli(['sweep', file, ...GRID, '--replications', '3', '--resume', '--out', join(root, 'grown')]);
    expect(lower.code).toBe(2);
    expect(lower.stderr).toContain('has 5 replications; --replications 3 would drop runs');
  });

  it('grow with --ci-width until every half-width is within it, or the cap', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'ci');
    const width = 0.02;
    const result = await cli(['sweep', file, ...GRID, '--metric', 'people.evacuatedShare', '--replications', '2', '--ci-width', String(width), '--max-replications', '30', '--out', out]);
    expect(result.code).toBe(0);
    const replications = (JSON.parse(read(out, 'sweep.json')) as { design: { replications: number } }).design.replications;
    expect(result.stdout).toContain(`; ${replications} replications per point`);
    expect(replications).toBeGreaterThan(2);
    const halves = parseCsv(read(out, 'summary.csv')).map((r) => Number(r.ciHigh) - Number(r.mean));
    if (halves.some((h) => h > width)) {
      expect(replications).toBe(30);
      expect(result.stderr).toContain('stopped at 30 replications per point (--max-replications 30)');
    }
    // The first two replications were not enough: that is why it grew.
    const rows = journal(out).filter((r) => r.replication < 2);
    const wider = [0, 1].map((p) => {
      const e = estimate(rows.filter((r) => r.point === p).map((r) => r.metrics['people.evacuatedShare'] as number));
      return (e.ciHigh as number) - (e.mean as number);
    });
    expect(Math.max(...wider)).toBeGreaterThan(width);
  });

  it('with --compare-to, give paired differences from the reference point with t intervals', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'cmp');
    expect((await cli(['sweep', file, ...GRID, '--replications', '4', '--compare-to', '0', '--out', out])).code).toBe(0);
    const rows = journal(out);
    const diffs = [0, 1, 2, 3].map((r) => {
      const at = (p: number) => rows.find((x) => x.point === p && x.replication === r)!.metrics['people.evacuated'] as number;
      return at(1) - at(0);
    });
    const e = estimate(diffs);
    const line = parseCsv(read(out, 'differences.csv')).find((x) => x.metric === 'people.evacuated')!;
    expect(line).toMatchObject({ point: '1', reference: '0', pairs: '4', censored: '0' });
    expect([Number(line.mean), Number(line.ciLow), Number(line.ciHigh)]).toEqual([e.mean, e.ciLow, e.ciHigh]);
    expect(read(out, 'summary.md')).toContain('## Paired differences from point 0');
    // Common random numbers: replication r has one seed at both points.
    expect(rows.filter((r) => r.replication === 2).map((r) => r.seed).every((s, _, all) => s === all[0])).toBe(true);
  });
});

describe('provenance', () => {
  it('records the evacsim version and scenario fingerprint; resume and merge refuse another unless told', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    const out = join(root, 's');
    const args = ['sweep', file, '--set', 'households.carShare=0.6', '--quiet', '--workers', '0', '--out', out];
    expect((await cli(args)).code).toBe(0);
    const manifest = JSON.parse(read(out, 'sweep.json'));
    expect(manifest.evacsim).toEqual({ version: evacsimVersion() });
    expect(evacsimVersion()).toBe(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).version);
    writeFileSync(join(out, 'sweep.json'), JSON.stringify({ ...manifest, evacsim: { version: '0.0.1' } }));
    const refused = await cli([...args, '--resume']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`was made by another evacsim or on another scenario (evacsim version 0.0.1 vs ${evacsimVersion()})`);
    expect((await cli([...args, '--resume', '--ignore-provenance'])).code).toBe(0);
    await cli(['sweep', file, '--set', 'households.carShare=0.6', '--quiet', '--out', join(root, 't')]);
    const merge = await cli(['merge', out, join(root, 't'), '--out', join(root, 'm')]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain('a sweep made by another evacsim or on another scenario');
    expect((await cli(['merge', out, join(root, 't'), '--out', join(root, 'm'), '--ignore-provenance'])).code).toBe(0);
  });

  it('refuses --set seed, which would be overridden by the run seeds', async () => {
    const result = await cli(['sweep', writeSweepFile(), '--set', 'seed=1,2', '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('parameter seed (a --set, --free or a design file\'s column): run seeds derive from the sweep seed; give it with --seed S');
  });
});

describe('the folder lock', () => {
  it('keeps a second sweep out of a folder another live process writes', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'locked');
    const release = await lockSweepFolder(out);
    try {
      const second = await cli(['sweep', file, '--quiet', '--resume', '--out', out]);
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(new RegExp(`is being written by process ${process.pid} on .*; wait for it to finish`));
      const merge = await cli(['merge', out, '--out', out]);
      expect(merge.code).toBe(2);
    } finally {
      await release();
    }
    expect((await cli(['sweep', file, '--quiet', '--resume', '--out', out])).code).toBe(0);
  });
});

describe('--format parquet', () => {
  it('writes the tables as Parquet with the same content as the CSV, described in columns.json', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    const args = ['sweep', file, '--set', 'orders[*].compliance=0.5,0.9', '--replications', '2', '--quiet', '--workers', '0'];
    await cli([...args, '--out', join(root, 'csv')]);
    expect((await cli([...args, '--format', 'parquet', '--out', join(root, 'pq')])).code).toBe(0);
    for (const table of ['runs', 'summary', 'sensitivity']) {
      const fromParquet = await parquetReadObjects({ file: await asyncBufferFromFile(join(root, 'pq', `${table}.parquet`)) });
      const fromCsv = parseCsv(read(join(root, 'csv'), `${table}.csv`));
      const columns = (JSON.parse(read(join(root, 'pq'), 'columns.json')) as Record<string, { name: string }[]>)[`${table}.parquet`];
      expect(columns.map((c) => c.name)).toEqual(Object.keys(fromCsv[0]));
      const norm = (v: unknown) => (v === null || v === undefined ? '' : String(v));
      const skip = table === 'runs' ? 'wallSeconds' : '';
      expect(fromParquet.map((r) => columns.filter((c) => c.name !== skip).map((c) => norm(r[c.name])))).toEqual(fromCsv.map((r) => columns.filter((c) => c.name !== skip).map((c) => r[c.name])));
    }
    expect(existsSync(join(root, 'pq', 'runs.csv'))).toBe(false);
  });
});

describe('--method sobol and --method morris', () => {
  it('write the indices of the design to sensitivity.csv and summary.md, as the library computes them from the rows', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    const set = ['--set', 'orders[*].compliance=0.4:0.9', '--set', 'households.carShare=0.5:0.9'];
    const sobol = await cli(['sweep', file, ...set, '--method', 'sobol', '--samples', '8', '--seed', '3', '--quiet', '--workers', '0', '--out', join(root, 's')]);
    expect(sobol.code).toBe(0);
    expect(sobol.stdout).toContain('32/32 runs done');
    const rows = parseCsv(read(join(root, 's'), 'sensitivity.csv'));
    expect(rows.map((r) => [r.parameter, r.metric, r.index])).toEqual(
      ['orders[*].compliance', 'households.carShare'].flatMap((p) => [[p, 'clearance.p90', 'S1'], [p, 'clearance.p90', 'ST']]).concat(
        ['orders[*].compliance', 'households.carShare'].flatMap((p) => [[p, 'people.evacuatedShare', 'S1'], [p, 'people.evacuatedShare', 'ST']]),
      ),
    );
    const { sensitivityIndices } = await import('../../src/sweep/indices.js');
    const plan = prepareSweep(sweepFile(), { kind: 'sobol', samples: 8, seed: 3, parameters: [{ path: 'orders[*].compliance', values: '0.4:0.9' }, { path: 'households.carShare', values: '0.5:0.9' }] });
    const expected = sensitivityIndices(plan, journal(join(root, 's')));
    expect(rows.map((r) => (r.value === '' ? null : Number(r.value)))).toEqual(expected.map((x) => x.value));
    expect(read(join(root, 's'), 'summary.md')).toContain('Sobol indices from the point means');
    const morris = await cli(['sweep', file, ...set, '--method', 'morris', '--trajectories', '3', '--quiet', '--workers', '0', '--out', join(root, 'm')]);
    expect(morris.stdout).toContain('9/9 runs done');
    expect(new Set(parseCsv(read(join(root, 'm'), 'sensitivity.csv')).map((r) => r.index))).toEqual(new Set(['mu', 'muStar', 'sigma']));
  });
});

describe('sweep --workers', () => {
  it('0 runs the sweep in this thread, in run order; a negative count is refused', async () => {
    const file = writeSweepFile();
    const root = tempDir();
    const args = ['sweep', file, '--set', 'households.carShare=0.6,0.9', '--seed', '5', '--quiet'];
    const here = await cli([...args, '--workers', '0', '--out', join(root, 'here')]);
    expect(here.stdout).toMatch(/ runs\/s in this thread\)\n/);
    expect(journal(join(root, 'here')).map((r) => r.run)).toEqual([0, 1]);
    const refused = await cli([...args, '--workers', '-1', '--out', join(root, 'no')]);
    expect([refused.code, refused.stderr]).toEqual([2, 'evacsim: --workers must be a whole number (0: no worker threads), got -1\n']);
  });

  it('more threads than a few per core are refused before anything is written (1e9 started one per run)', async () => {
    const file = writeSweepFile();
    const out = join(tempDir(), 'many');
    const cap = Math.max(64, 4 * availableParallelism());
    const refused = await cli(['sweep', file, '--set', 'households.carShare=0.6,0.9', '--quiet', '--workers', '1e9', '--out', out]);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      `evacsim: --workers 1000000000 is more than ${cap} threads (4 per core of the ${availableParallelism()} here, and at least 64); threads beyond the cores only wait, each with a copy of the scenario\n`,
    ]);
    expect(existsSync(out)).toBe(false);
    expect((await cli(['sweep', file, '--set', 'households.carShare=0.6', '--quiet', '--workers', String(cap), '--dry-run'])).code).toBe(0);
  });
});
