// From rows to findings: per-point estimates, the sensitivity ranking, the
// journal's checks, and the CSV and Markdown tables.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { planSweep, resolveDesign, runRef, type SweepDesign, type SweepPlan } from '../../src/sweep/design.js';
import { journalLine, parseJournal } from '../../src/sweep/journal.js';
import { summaryMarkdown } from '../../src/sweep/markdown.js';
import { METRICS, type Metrics } from '../../src/sweep/metrics.js';
import type { SweepRow } from '../../src/sweep/row.js';
import { leastSquares, sensitivity, sensitivityMetrics, summarizePoints } from '../../src/sweep/summary.js';
import { csvOf, field, runsCsv, summaryCsv } from '../../src/sweep/tables.js';

const plan = (design: SweepDesign) => planSweep(resolveDesign(design, 1, METRICS));

/** Rows of `p` whose metrics come from `f(parameter values, replication)`; other metrics are 0. */
function rows(p: SweepPlan, f: (values: SweepPlan['points'][number], replication: number) => Partial<Metrics>): SweepRow[] {
  return Array.from({ length: p.runs }, (_, run) => {
    const ref = runRef(p, run);
    const values = p.points[ref.point];
    const metrics = Object.fromEntries(METRICS.map((m) => [m, 0])) as Metrics;
    Object.assign(metrics, f(values, ref.replication));
    const parameters = Object.fromEntries(p.parameters.map((x, i) => [x.name, values[i]]));
    return { ...ref, parameters, metrics, endTime: 86_400, wallSeconds: 0.5 };
  });
}

const grid = plan({ parameters: [{ path: 'a', values: '0:2:1' }, { path: 'b', values: 'x,y' }], replications: 3 });
// p90 = 1000 + 100·a + (b = y ? 10 : 0) + replication; share = 0.5 + 0.1·a (b has no effect on it).
const gridRows = rows(grid, ([a, b], r) => ({
  'clearance.p90': 1000 + 100 * (a as number) + (b === 'y' ? 10 : 0) + r,
  'people.evacuatedShare': 0.5 + 0.1 * (a as number),
  'clearance.p100': r === 0 ? null : 5,
}));

describe('summarizePoints', () => {
  it('estimates every metric per point over its replications, a time not reached counted as censored', () => {
    const points = summarizePoints(grid, gridRows);
    expect(points.map((s) => s.point)).toEqual([0, 1, 2, 3, 4, 5]);
    const last = points[5];
    expect(last.values).toEqual([2, 'y']);
    expect(last.runs).toBe(3);
    expect(last.metrics['clearance.p90'].mean).toBe(1211);
    expect(last.metrics['clearance.p90'].sd).toBe(1);
    expect(last.metrics['clearance.p100']).toMatchObject({ runs: 3, n: 2, censored: 1, mean: null, sd: null, median: 5, medianAbove: false });
  });

  it('lists only the points that have runs', () => {
    expect(summarizePoints(grid, gridRows.filter((r) => r.point === 4)).map((s) => s.point)).toEqual([4]);
  });
});

describe('sensitivityMetrics', () => {
  const chosen = (metrics: string[]) => sensitivityMetrics(planSweep(resolveDesign({ parameters: [{ path: 'a', values: '0,1' }], metrics }, 1, METRICS)));

  it('are p90 clearance and the evacuated share by default', () => {
    expect(sensitivityMetrics(grid)).toEqual(['clearance.p90', 'people.evacuatedShare']);
  });

  it('are two of the chosen metrics, the headline ones first, also when only one headline metric is chosen', () => {
    expect(chosen(['clearance.p90', 'districts.North.evacuated'])).toEqual(['clearance.p90', 'districts.North.evacuated']);
    expect(chosen(['people.stayed', 'people.evacuatedShare', 'engine.events'])).toEqual(['people.evacuatedShare', 'people.stayed']);
    expect(chosen(['targets.total', 'people.stayed', 'engine.events', 'people.trapped'])).toEqual(['people.stayed', 'engine.events']);
    expect(chosen(['people.stayed'])).toEqual(['people.stayed']);
  });
});

describe('sensitivity', () => {
  it('on a grid, is the change of the mean from the first to the last level, largest p90 change first', () => {
    const ranking = sensitivity(grid, gridRows);
    expect(ranking.map((r) => [r.parameter, r.from, r.to, r.method])).toEqual([
      ['a', 0, 2, 'levels'],
      ['b', 'x', 'y', 'levels'],
    ]);
    expect(ranking[0].change['clearance.p90']).toMatchObject({ statistic: 'mean', censored: 0 });
    expect(ranking[0].change['clearance.p90'].value).toBeCloseTo(200, 9);
    expect(ranking[0].change['people.evacuatedShare'].value).toBeCloseTo(0.2, 9);
    expect(ranking[1].change['clearance.p90'].value).toBeCloseTo(10, 9);
    expect(ranking[1].change['people.evacuatedShare'].value).toBeCloseTo(0, 9);
  });

  it('on Latin hypercube ranges, is the multiple least-squares coefficient times the width of the range', () => {
    const lhs = plan({ kind: 'lhs', samples: 25, seed: 4, parameters: [{ path: 'c', values: '0.5:0.9' }, { path: 'd', values: '1h:5h' }] });
    const lhsRows = rows(lhs, ([c, d]) => ({
      'clearance.p90': 3600 * Number.parseFloat(d as string) - 1000 * (c as number),
      'people.evacuatedShare': c as number,
    }));
    const ranking = sensitivity(lhs, lhsRows);
    expect(ranking.map((r) => [r.parameter, r.from, r.to, r.method])).toEqual([
      ['d', '1h', '5h', 'linear'],
      ['c', 0.5, 0.9, 'linear'],
    ]);
    expect(ranking[0].change['clearance.p90'].value).toBeCloseTo(4 * 3600, 6);
    expect(ranking[1].change['clearance.p90'].value).toBeCloseTo(-400, 6);
    expect(ranking[0].change['people.evacuatedShare'].value).toBeCloseTo(0, 9);
    expect(ranking[1].change['people.evacuatedShare'].value).toBeCloseTo(0.4, 9);
  });

  it('compares a time some runs did not reach by medians on both sides, and leaves a bound-only cell empty', () => {
    // p90 = 1000 at horizon 2; at horizon 1 the runs end at 500, replication 0 reached at 400, the others not.
    const h = plan({ parameters: [{ path: 'horizon', values: '1,2' }], replications: 3 });
    const hRows = rows(h, ([horizon], r) => ({ 'clearance.p90': horizon === 1 ? (r === 0 ? 400 : null) : 1000 })).map((row) =>
      row.parameters.horizon === 1 ? { ...row, endTime: 500 } : row,
    );
    const [cell] = sensitivity(h, hRows).map((x) => x.change['clearance.p90']);
    // Dropping the censored runs would give 400 − 1000: a shorter horizon "speeds clearance up".
    expect(cell).toEqual({ value: null, statistic: 'median', censored: 2 });
    const partly = hRows.map((row) => (row.parameters.horizon === 1 && row.replication === 1 ? { ...row, metrics: { ...row.metrics, 'clearance.p90': 450 } } : row));
    const [median] = sensitivity(h, partly).map((x) => x.change['clearance.p90']);
    expect(median).toEqual({ value: 1000 - 450, statistic: 'median', censored: 1 });
  });

  it('on a Latin hypercube, leaves a fit empty when a run did not reach the time', () => {
    const lhs = plan({ kind: 'lhs', samples: 10, seed: 4, parameters: [{ path: 'c', values: '0.5:0.9' }] });
    const lhsRows = rows(lhs, ([c]) => ({ 'clearance.p90': (c as number) > 0.8 ? null : 100 * (c as number) }));
    const censored = lhsRows.filter((r) => r.metrics['clearance.p90'] === null).length;
    expect(censored).toBeGreaterThan(0);
    expect(sensitivity(lhs, lhsRows)[0].change['clearance.p90']).toEqual({ value: null, statistic: 'slope', censored });
  });

  it('leaves out parameters that take a single value', () => {
    const fixed = plan({ parameters: [{ path: 'a', values: '1' }, { path: 'b', values: '1,2' }] });
    expect(sensitivity(fixed, rows(fixed, () => ({}))).map((r) => r.parameter)).toEqual(['b']);
  });
});

describe('leastSquares', () => {
  it('recovers exact coefficients and gives null for a singular design', () => {
    const x = [[1, 0, 1], [1, 1, 0], [1, 2, 5], [1, 3, 2], [1, 4, 4]];
    expect(leastSquares(x, x.map(([, a, b]) => 7 + 2 * a - 3 * b))!.map((v) => Number(v.toFixed(9)))).toEqual([7, 2, -3]);
    expect(leastSquares([[1, 1], [1, 1], [1, 1]], [1, 2, 3])).toBeNull();
    expect(leastSquares([[1, 2]], [1])).toBeNull();
  });
});

describe('the journal', () => {
  it('reads back the lines it writes', () => {
    const text = gridRows.map(journalLine).join('');
    expect(parseJournal(text, grid, 'runs.jsonl')).toEqual(gridRows);
  });

  it('keeps the first of duplicate runs', () => {
    const again = { ...gridRows[0], wallSeconds: 9 };
    expect(parseJournal(journalLine(gridRows[0]) + journalLine(again), grid, 'j')).toEqual([gridRows[0]]);
  });

  it('refuses a damaged line and a run of another sweep, naming the line', () => {
    expect(() => parseJournal(`${journalLine(gridRows[0])}{"run":`, grid, 'runs.jsonl')).toThrow(/runs\.jsonl:2: not a JSON line/);
    const other = { ...gridRows[1], seed: 123 };
    expect(() => parseJournal(journalLine(other), grid, 'runs.jsonl')).toThrow(InputError);
    expect(() => parseJournal(journalLine({ ...gridRows[1], run: 99 }), grid, 'runs.jsonl')).toThrow(/run 99 is not one of the 18 runs/);
  });

  it('refuses a line whose values are not what a run writes, naming the line and the value', () => {
    const [first, second] = gridRows;
    const metric = grid.design.metrics[0];
    const line = (row: object) => journalLine(first) + journalLine(row as typeof second);
    // Text for a number was added up as text (a mean of 24002400); other text ended a merge in an internal error.
    for (const value of ['4800', 'abc', true, [1]]) {
      expect(() => parseJournal(line({ ...second, metrics: { ...second.metrics, [metric]: value } }), grid, 'runs.jsonl'))
        .toThrow(`runs.jsonl:2: metric ${JSON.stringify(metric)} is ${JSON.stringify(value)}, not a number or null`);
    }
    // 1e999 reads as Infinity, which the tables wrote as Infinity and NaN.
    const infinite = journalLine(first) + journalLine(second).replace(`"${metric}":${JSON.stringify(second.metrics[metric])}`, `"${metric}":1e999`);
    expect(() => parseJournal(infinite, grid, 'runs.jsonl')).toThrow(`runs.jsonl:2: metric ${JSON.stringify(metric)} is Infinity, not a number or null`);
    const { [metric]: _, ...without } = second.metrics;
    expect(() => parseJournal(line({ ...second, metrics: without }), grid, 'runs.jsonl')).toThrow(`runs.jsonl:2: metric ${JSON.stringify(metric)} is missing`);
    expect(() => parseJournal(line({ ...second, endTime: 'soon' }), grid, 'runs.jsonl')).toThrow('runs.jsonl:2: endTime is "soon", not a number of seconds');
    // An empty metric (not reached) is what a run writes.
    expect(parseJournal(line({ ...second, metrics: { ...second.metrics, [metric]: null } }), grid, 'runs.jsonl')).toHaveLength(2);
  });
});

describe('tables', () => {
  it('runs.csv has one row per run in run order, parameters before the seed, metrics, then wall time', () => {
    const csv = runsCsv(grid, [...gridRows].reverse()).split('\n');
    const reached = ['p50', 'p90', 'p95', 'p100'].map((p) => `clearance.${p}.reached`);
    expect(csv[0]).toBe(['run', 'point', 'replication', 'a', 'b', 'seed', ...METRICS, ...reached, 'endTime', 'wallSeconds'].join(','));
    expect(csv.length).toBe(grid.runs + 2);
    expect(csv[1].startsWith(`0,0,0,0,x,${gridRows[0].seed},`)).toBe(true);
    expect(csv[1].endsWith(',false,86400,0.5')).toBe(true);
  });

  it('summary.csv has one row per point and metric, with n, mean, sd and the interval', () => {
    const csv = summaryCsv(grid, summarizePoints(grid, gridRows)).split('\n');
    expect(csv[0]).toBe('point,a,b,runs,metric,n,censored,mean,sd,ciLow,ciHigh,median,medianAbove');
    expect(csv.length).toBe(6 * METRICS.length + 2);
    const p90 = csv.find((line) => line.startsWith('5,2,y,3,clearance.p90,')) as string;
    const [, , , , , n, censored, mean, sd, low, high, median, above] = p90.split(',');
    expect([n, censored, mean, sd, median, above]).toEqual(['3', '0', '1211', '1', '1211', 'false']);
    expect(Number(low)).toBeCloseTo(1211 - 4.302652730 / Math.sqrt(3), 8);
    expect(Number(high)).toBeCloseTo(1211 + 4.302652730 / Math.sqrt(3), 8);
  });

  it('quotes text fields as RFC 4180 asks and writes null as empty', () => {
    expect(field('orders[district="a,b"].x')).toBe('"orders[district=""a,b""].x"');
    expect(field(null)).toBe('');
    expect(field(true)).toBe('true');
    expect(field(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('prefixes text a spreadsheet would run as a formula with a quote, as the run tables do; numbers stay', () => {
    expect(field('=1+1')).toBe(`"'=1+1"`);
    expect(field('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(field(-3)).toBe('-3');
    expect(csvOf({ columns: [{ name: 'v', type: 'string', unit: '', meaning: '' }], rows: [['+x'], ['-3']] })).toBe(`v\n"'+x"\n-3\n`);
  });

  it('summary.md shows the design, the points with intervals, the ranking and every metric', () => {
    const md = summaryMarkdown('test', grid, summarizePoints(grid, gridRows), sensitivity(grid, gridRows), grid.runs);
    expect(md).toContain('Full grid: 6 parameter points × 3 replications = 18 runs; seed 1, common random numbers');
    expect(md).toContain('| 5 | 2 | y | 3 | 0 ± 0 | 70.0% ± 0.00 pp | 0 ± 0 | 0s ± 0s | 20m 11s ± 2s | ');
    expect(md).toContain('| `a` | 0 | 2 | +3m 20s | +20.00 pp | levels |');
    expect(md).toContain('| 5 | clearance.p90 | 3 | 0 | 1211 | 1 | 1208.52 – 1213.48 | 1211 |');
    expect(md).toContain('| 5 | clearance.p100 | 2 | 1 |  |  |  | 5 |');
  });

  it('summary.md writes duration values as the time columns do, not at full precision', () => {
    // 1234.5678901 s rounds to 1,235 s = 20m 35s; 87.06529340473577 min = 5,223.9 s, rounded to the minute from an hour on: 1h 27m.
    const durations = plan({ parameters: [{ path: 'orders[0].mobilization.median', values: '1234.5678901s,87.06529340473577m,2h' }], replications: 2 });
    const durationRows = rows(durations, (_, r) => ({ 'clearance.p90': 1000 + r }));
    const md = summaryMarkdown('test', durations, summarizePoints(durations, durationRows), sensitivity(durations, durationRows), durations.runs);
    expect(md).toMatch(/\n\| 0 \| 20m 35s \| 2 \| /);
    expect(md).toMatch(/\n\| 1 \| 1h 27m \| 2 \| /);
    expect(md).toMatch(/\n\| 2 \| 2h 0m \| 2 \| /);
    expect(md).toContain('| `orders[0].mobilization.median` | 20m 35s | 2h 0m |');
    expect(md).not.toMatch(/1234\.5678901s \||87\.06529340473577m \|/);
  });

  it('a duration of several units ("5h50m", as scenarios write them) is seconds in the tables and a time in summary.md', () => {
    // 5h50m = 5 × 3600 + 50 × 60 = 21,000 s; "1h 30m" = 5,400 s.
    const durations = plan({ parameters: [{ path: 'horizon', values: '5h50m,"1h 30m"' }], replications: 1 });
    const durationRows = rows(durations, (_, r) => ({ 'clearance.p90': 1000 + r }));
    expect(runsCsv(durations, durationRows).split('\n').slice(1, 3).map((line) => line.split(',')[3])).toEqual(['21000', '5400']);
    const md = summaryMarkdown('test', durations, summarizePoints(durations, durationRows), sensitivity(durations, durationRows), durations.runs);
    expect(md).toMatch(/\n\| 0 \| 5h 50m \| 1 \| /);
    expect(md).toMatch(/\n\| 1 \| 1h 30m \| 1 \| /);
  });
});
