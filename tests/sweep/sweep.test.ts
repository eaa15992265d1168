// The library entry: sweep() runs every point × replication, each row the same
// as a lone simulation with the run's seed, whatever the number of workers.
import { describe, expect, it } from 'vitest';
import { ScenarioError, InputError } from '../../src/errors.js';
import { summarize } from '../../src/report/summary.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/simulate.js';
import { applyPoint } from '../../src/sweep/apply.js';
import { prepareSweep, runSweep, sweep } from '../../src/sweep/sweep.js';
import { compileMetrics, METRICS, runMetrics } from '../../src/sweep/metrics.js';
import { runSeed } from '../../src/sweep/seeds.js';
import type { SweepDesign } from '../../src/sweep/design.js';
import type { SweepRow } from '../../src/sweep/row.js';
import { sweepFile, timeless } from './fixtures.js';

const design: SweepDesign = {
  parameters: [
    { path: 'orders[*].compliance', values: '0.5:0.9:0.4' },
    { path: 'households.carShare', values: '0.6,0.9' },
  ],
  replications: 2,
  seed: 7,
};

describe('sweep', () => {
  it('gives one row per run, in run order, with its parameters and derived seed', async () => {
    const rows = await sweep(sweepFile(), design, { workers: 0 });
    expect(rows.map((r) => r.run)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rows.map((r) => r.parameters)).toEqual([0.5, 0.5, 0.9, 0.9, 0.5, 0.5, 0.9, 0.9].map((c, i) => ({
      'orders[*].compliance': c,
      'households.carShare': i % 2 === 0 ? 0.6 : 0.9,
    })));
    expect(rows.map((r) => r.point)).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    expect(rows.map((r) => r.replication)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(rows.map((r) => r.seed)).toEqual(rows.map((r) => runSeed(7, null, r.replication)));
  });

  it('a row holds exactly the metrics of a lone simulation of its point with its seed', async () => {
    const raw = sweepFile();
    const plan = prepareSweep(raw, design);
    const [row] = await runSweep(raw, plan, { workers: 0, skip: new Set([0, 1, 2, 3, 4, 5, 7]) });
    expect(row.run).toBe(6);
    const scenario = parseScenario(applyPoint(raw, plan, row.point).file);
    expect(scenario.households.carShare).toBe(0.6);
    expect(scenario.orders.map((o) => o.compliance)).toEqual([0.9, 0.9]);
    const result = simulate(scenario, { seed: row.seed });
    const summary = summarize(result, scenario);
    expect(row.metrics).toEqual(runMetrics(compileMetrics(METRICS), { scenario, result, summary }));
    expect(row.metrics['clearance.p90']).toBe(summary.clearance.p90);
    expect(row.endTime).toBe(summary.endTime);
    expect(row.wallSeconds).toBeGreaterThanOrEqual(0);
  });

  it('in this thread, on one worker or on two, gives identical rows', async () => {
    const [here, one, two] = await Promise.all([0, 1, 2].map((workers) => sweep(sweepFile(), design, { workers })));
    expect(one.map(timeless)).toEqual(here.map(timeless));
    expect(two.map(timeless)).toEqual(here.map(timeless));
  });

  it('shards hold disjoint runs that together give the whole sweep', async () => {
    const whole = await sweep(sweepFile(), design, { workers: 0 });
    const parts = await Promise.all([0, 1, 2].map((index) => sweep(sweepFile(), design, { workers: 0, shard: { index, count: 3 } })));
    // One run of each block of three, the shards' turn shifted by one a block (shard.ts).
    expect(parts.map((rows) => rows.map((r) => r.run))).toEqual([[0, 5, 7], [1, 3], [2, 4, 6]]);
    expect(parts.flat().sort((a, b) => a.run - b.run).map(timeless)).toEqual(whole.map(timeless));
  });

  it('hands each row to onRow as it finishes and skips runs already done', async () => {
    const seen: SweepRow[] = [];
    const rows = await sweep(sweepFile(), design, { workers: 2, skip: new Set([0, 3]), onRow: (r) => seen.push(r) });
    expect(rows.map((r) => r.run)).toEqual([1, 2, 4, 5, 6, 7]);
    expect(seen.map((r) => r.run).sort()).toEqual([1, 2, 4, 5, 6, 7]);
  });

  it('checks every point before the first run: an invalid value is reported at its path', async () => {
    const seen: SweepRow[] = [];
    const bad: SweepDesign = { parameters: [{ path: 'households.carShare', values: '0.5,1.5' }] };
    const error = await sweep(sweepFile(), bad, { workers: 0, onRow: (r) => seen.push(r) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).issues).toEqual([
      { path: 'households.carShare', message: expect.stringMatching(/between 0 and 1.*\(with households\.carShare=1\.5\)$/) },
    ]);
    expect(seen).toEqual([]);
  });

  it('names the parameter values behind a broken reference', () => {
    const bad: SweepDesign = { parameters: [{ path: 'settlements[id=hamlet].node', values: 'town,nowhere' }] };
    expect(() => prepareSweep(sweepFile(), bad)).toThrow(/nowhere.*\(with settlements\[id=hamlet\]\.node="nowhere"\)/s);
  });

  it('refuses a path that selects nothing, and an invalid scenario', () => {
    expect(() => prepareSweep(sweepFile(), { parameters: [{ path: 'orders[districts=East].compliance', values: '1' }] })).toThrow(InputError);
    expect(() => prepareSweep({ name: 'x' }, { parameters: [] })).toThrow(ScenarioError);
  });

  it('refuses a metric read after the horizon of a point, which would give the count at the end under a later time', () => {
    const late: SweepDesign = { parameters: [{ path: 'horizon', values: '2d,6h' }], metrics: ['evacuatedAt(1d)'] };
    expect(() => prepareSweep(sweepFile(), late)).toThrow(
      new InputError('--metric evacuatedAt(1d): read at 1d 0h 0m, after the horizon (6h 0m) of point 1: the run ends before it; lengthen the horizon or read earlier'),
    );
    expect(prepareSweep(sweepFile(), { ...late, parameters: [{ path: 'horizon', values: '2d,1d' }] }).points).toEqual([['2d'], ['1d']]);
  });

  it('refuses two parameters that write the same place, where the later would overwrite the earlier unseen', () => {
    const both: SweepDesign = { parameters: [{ path: 'orders[*].compliance', values: '0.5,0.9' }, { path: 'orders[0].compliance', values: '0.7' }] };
    expect(() => prepareSweep(sweepFile(), both)).toThrow(
      new InputError('--set orders[*].compliance and --set orders[0].compliance both write orders[0].compliance: the later one overwrites it, so orders[*].compliance would not hold there the value its column gives; give each place one parameter'),
    );
    expect(prepareSweep(sweepFile(), { parameters: [{ path: 'orders[1].compliance', values: '0.5,0.9' }, { path: 'orders[0].compliance', values: '0.7' }] }).points).toHaveLength(2);
  });

  it('refuses a negative number of workers', async () => {
    await expect(sweep(sweepFile(), design, { workers: -1 })).rejects.toThrow(/workers/);
  });

  it.each([
    { index: 0, count: 0 },
    { index: 3, count: 2 },
    { index: -1, count: 2 },
    { index: 0.5, count: 2 },
    { index: 0, count: Number.NaN },
  ])('refuses the shard %j before any run', async (shard) => {
    await expect(sweep(sweepFile(), design, { workers: 0, shard })).rejects.toThrow(InputError);
  });
});
