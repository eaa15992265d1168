// ETE studies over variants and replications: means and confidence intervals
// follow from the single runs, shares a run missed are never averaged away, and
// the study warns of its variants and of their runs.
import { describe, expect, test } from 'vitest';
import { combineReplications } from '../../src/ete/replications.js';
import { replicationSeed, runEteStudy } from '../../src/ete/study.js';
import { eteRows, type EteRow } from '../../src/ete/table.js';
import { buildZones } from '../../src/ete/zones.js';
import { simulate } from '../../src/simulation/simulate.js';
import { estimate } from '../../src/sweep/stats.js';
import { eteMetrics } from '../../src/ete/metrics.js';
import type { Scenario } from '../../src/scenario/types.js';
import { runEnd } from '../../src/check/unfinished.js';
import { unfinishedReplications } from '../../src/check/unfinished-replications.js';
import { quickVariantWarnings } from '../../src/check/variant-warnings.js';
import { order, settlement } from '../helpers/build.js';
import { town } from '../helpers/town.js';

describe('runEteStudy', () => {
  test('replications give the mean and a 95 % t interval of the single runs', () => {
    const s = town();
    const study = runEteStudy([{ name: 'base', scenario: s }], { zones: [{ kind: 'district' }], replications: 4, seed: 11 });
    const zones = buildZones(s, [{ kind: 'district' }]);
    const single = study.seeds[0].seeds.map((seed) => eteRows(simulate(s, { seed }), s, zones));
    const row = study.rows.find((r) => r.zone === 'D' && r.group === 'all')!;
    const p90s = single.map((rows) => rows.find((r) => r.zone === 'D' && r.group === 'all')!.p90 as number);
    expect(new Set(p90s).size).toBeGreaterThan(1);
    const e = estimate(p90s);
    expect(row.p90).toBeCloseTo(e.mean as number, 9);
    expect(row.ci95.p90).toEqual([e.ciLow, e.ciHigh]);
    expect(row.ci95.p90![0]).toBeLessThan(row.p90!);
    expect(study.seeds).toEqual([{ variant: 'base', seeds: [0, 1, 2, 3].map((r) => replicationSeed(11, r)) }]);
    expect(study.seeds[0].seeds[0]).toBe(11);
  });

  test('every variant runs with the same seeds, and rows come variant by variant', () => {
    const s = town();
    const slow = { ...s, orders: [order(['town'], { mobilization: { kind: 'uniform', median: 3600, shape: null } })] };
    const study = runEteStudy([{ name: 'base', scenario: s }, { name: 'slow', scenario: slow }], { zones: [], replications: 2 });
    expect(study.rows.map((r) => `${r.variant}/${r.zone}/${r.group}`)).toEqual([
      'base/all/all', 'base/all/car', 'base/all/transit-dependent',
      'slow/all/all', 'slow/all/car', 'slow/all/transit-dependent',
    ]);
    expect(study.rows[3].p50!).toBeGreaterThan(study.rows[0].p50!);
  });

  test('a variant that sets its seed runs on its own seeds, whatever the order of the variants', () => {
    const s = town();
    const reseeded = { ...s, seed: s.seed + 8 };
    const p90 = (scenario: Scenario, seed: number) => eteRows(simulate(scenario, { seed }), scenario, buildZones(scenario, []))[0].p90;
    // The two seeds give different runs, so a variant run on the other's seed would show.
    expect(p90(s, s.seed)).not.toBe(p90(s, reseeded.seed));
    for (const order of [['base', 'reseeded'], ['reseeded', 'base']]) {
      const given = { base: s, reseeded };
      const variants = order.map((name) => ({ name, scenario: given[name as keyof typeof given] }));
      const study = runEteStudy(variants, { zones: [], replications: 2 });
      const row = (name: string) => study.rows.find((r) => r.variant === name && r.zone === 'all' && r.group === 'all')!;
      expect(row('base').unreached.p90).toBe(0);
      expect(row('base').p90).toBeCloseTo(((p90(s, s.seed) as number) + (p90(s, replicationSeed(s.seed, 1)) as number)) / 2, 9);
      expect(row('reseeded').p90).toBeCloseTo(((p90(s, reseeded.seed) as number) + (p90(s, replicationSeed(reseeded.seed, 1)) as number)) / 2, 9);
      expect(study.seeds).toEqual(order.map((name) => ({ variant: name, seeds: [0, 1].map((r) => replicationSeed(given[name as keyof typeof given].seed, r)) })));
    }
    // --seed replaces every variant's seed, as `run --seed` does.
    const forced = runEteStudy([{ name: 'base', scenario: s }, { name: 'reseeded', scenario: reseeded }], { zones: [], seed: 3 });
    expect(forced.seeds.map((v) => v.seeds)).toEqual([[3], [3]]);
  });

  test("warns, variant by variant, of the study's own runs that ended with people still waiting or travelling", () => {
    const s = town();
    // Ready from 0 to 3,600 s (uniform, median 1,800 s), 200 s to the exit: a 40-minute horizon ends each run with some left.
    const short = { ...s, horizon: 2400 };
    const study = runEteStudy([{ name: 'base', scenario: s }, { name: 'short', scenario: short }], { zones: [], replications: 3 });
    const ends = study.seeds[1].seeds.map((seed) => runEnd(simulate(short, { seed })));
    expect(ends.every((e) => e.waiting > 0)).toBe(true);
    expect(study.unfinished).toEqual(unfinishedReplications('short', ends));
    expect(study.unfinished).toHaveLength(1);
    expect(study.unfinished[0].message).toMatch(/^in 3 of 3 replications of variant "short" the run ends at the horizon \(40m 0s\) with (up to )?\d+ people still waiting/);
    expect(study.warnings).toEqual([]);
  });

  test("carries its variants' quick warnings, named by variant as ete prints them", () => {
    const s = town();
    const twin = { ...s, settlements: [...s.settlements, settlement('Town', 'town', 5, { district: 'D' })] };
    const study = runEteStudy([{ name: 'base', scenario: s }, { name: 'twin', scenario: twin }], { zones: [] });
    expect(study.warnings).toEqual(quickVariantWarnings([{ name: 'base', scenario: s }, { name: 'twin', scenario: twin }]));
    expect(study.warnings.map((w) => w.message)).toEqual(['"Town" differs only in case from settlements[0].id "town" (in variant "twin")']);
  });

  test('a zone only some variants have is listed, in the order the variants first have it', () => {
    const s = town();
    const moved = { ...s, settlements: [{ ...s.settlements[0], district: 'E' }] };
    const study = runEteStudy([{ name: 'base', scenario: s }, { name: 'moved', scenario: moved }], { zones: [{ kind: 'district' }] });
    expect(study.zones).toEqual(['all', 'D', 'E']);
    expect(study.rows.filter((r) => r.group === 'all').map((r) => `${r.variant}/${r.zone}`)).toEqual(['base/all', 'base/D', 'moved/all', 'moved/E']);
  });
});

describe('combineReplications', () => {
  const row = (p100: number | null): EteRow => ({ zone: 'z', group: 'all', told: 10, zonePopulation: 10, complied: 10, people: 10, trapped: 0, orderAt: 0, p50: 1, p90: 2, p95: 3, p100, readyPeople: 10, cars: 4, ready: { p50: 0, p90: 1, p95: 2, p100: 3 } });

  test('a share one run did not reach has no mean, and the runs that missed it are counted', () => {
    const [combined] = combineReplications('v', [[row(100)], [row(null)], [row(140)]]);
    expect(combined.p100).toBeNull();
    expect(combined.ci95.p100).toBeNull();
    expect(combined.unreached).toEqual({ p50: 0, p90: 0, p95: 0, p100: 1 });
    expect(combined.p50).toBe(1);
  });

  test('a row with nobody to leave in any run misses no share: the tables say "nobody told" or "nobody to leave", not "not reached"', () => {
    const nobody = (told: number): EteRow => ({ ...row(null), told, complied: 0, people: 0, p50: null, p90: null, p95: null, p100: null });
    for (const told of [0, 10]) {
      const [combined] = combineReplications('v', [[nobody(told)], [nobody(told)], [nobody(told)]]);
      expect(combined.unreached).toEqual({ p50: 0, p90: 0, p95: 0, p100: 0 });
      expect(combined).toMatchObject({ people: 0, p50: null, p90: null, p95: null, p100: null });
    }
    // One run with people to leave that missed the share counts; the run with nobody to leave does not.
    const [mixed] = combineReplications('v', [[nobody(10)], [row(null)]]);
    expect(mixed.unreached.p100).toBe(1);
    expect(mixed.nobodyToLeave).toBe(1);
  });

  test('runs with nobody to leave have no share to reach: the means and intervals are of the runs with people to leave', () => {
    // Stochastic compliance in a small zone: in two of four runs nobody complied, and nobody was left on the road.
    const nobody: EteRow = { ...row(null), complied: 0, people: 0, p50: null, p90: null, p95: null, p100: null };
    const [combined] = combineReplications('v', [[nobody], [row(100)], [row(140)], [nobody]]);
    expect(combined.nobodyToLeave).toBe(2);
    expect(combined.unreached).toEqual({ p50: 0, p90: 0, p95: 0, p100: 0 });
    expect(combined.p100).toBe(120);
    // Two runs: mean 120, sd 20·√2, half-width t(0.975, 1) · 20 = 12.7062 × 20.
    expect(combined.ci95.p100![0]).toBeCloseTo(120 - 254.124, 2);
    expect(combined.ci95.p100![1]).toBeCloseTo(120 + 254.124, 2);
    expect(combined.p50).toBe(1);
    expect(combined.ci95.p50).toEqual([1, 1]);
    expect(combined.replications).toBe(4);
    expect(combined.people).toBe(5);
    // A study whose every run had people to leave counts none.
    expect(combineReplications('v', [[row(100)], [row(140)]])[0].nobodyToLeave).toBe(0);
  });

  test('trip generation is of the runs with people ready: a zone whose people were all captured once ready was mobilized all the same', () => {
    // Everyone ready by 3 s, then captured on the road: nobody to leave, a hundred ready.
    const captured: EteRow = { ...row(null), people: 0, trapped: 10, p50: null, p90: null, p95: null, p100: null };
    const [combined] = combineReplications('v', [[captured], [captured]]);
    expect(combined).toMatchObject({ nobodyToLeave: 2, nobodyReady: 0, p100: null, ready: { p50: 0, p90: 1, p95: 2, p100: 3 } });
    expect(combined.unreached.p100).toBe(0);
    // A run where nobody complied has nobody ready either: left out of both.
    const nobody: EteRow = { ...captured, complied: 0, trapped: 0, readyPeople: 0, ready: { p50: null, p90: null, p95: null, p100: null } };
    const [mixed] = combineReplications('v', [[nobody], [captured], [row(100)]]);
    expect(mixed).toMatchObject({ nobodyToLeave: 2, nobodyReady: 1, p100: 100, ready: { p100: 3 } });
    expect(mixed.readyUnreached.p100).toBe(0);
  });

  test('one replication has a mean and no interval', () => {
    const [combined] = combineReplications('v', [[row(100)]]);
    expect(combined).toMatchObject({ p100: 100, replications: 1, ci95: { p100: null } });
  });
});

describe('eteMetrics', () => {
  test('names each figure ete.<zone>.<group>.<share>, with the values of eteRows', () => {
    const s = town();
    const result = simulate(s);
    const metrics = eteMetrics(result, s);
    const row = eteRows(result, s, buildZones(s, [{ kind: 'district' }])).find((r) => r.zone === 'D' && r.group === 'all')!;
    expect(metrics['ete.D.all.p90']).toBe(row.p90);
    expect(metrics['ete.D.all.people']).toBe(60);
    expect(metrics['ete.D.all.ready.p90']).toBe(row.ready.p90);
    expect(metrics['ete.D.all.ready.p90']).not.toBeNull();
    expect(metrics['ete.all.transit-dependent.p50']).toBeNull();
  });
});
