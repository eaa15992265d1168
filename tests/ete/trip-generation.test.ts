// Trip generation beside the ETE: when the people who chose to leave were ready to set
// out, from the run's own demand. Hand-derived times, a road-bound zone, the demand the
// ETE rebuilds against the run's log, and "nobody arrives before being ready".
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { eteRows, type EteRow } from '../../src/ete/table.js';
import { buildZones } from '../../src/ete/zones.js';
import { runEteStudy } from '../../src/ete/study.js';
import { eteCsv, eteJson, eteText } from '../../src/ete/output.js';
import { renderEteReport } from '../../src/html/ete-report.js';
import { simulate } from '../../src/simulation/simulate.js';
import { runDemand } from '../../src/demand/run-demand.js';
import { LogKind } from '../../src/result.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';

const KEYS = ['p50', 'p90', 'p95', 'p100'] as const;
const zoneD = (rows: EteRow[]) => rows.find((r) => r.zone === 'D' && r.group === 'all')!;
const TWO_HOURS = { kind: 'fixed' as const, median: 7200, shape: null };

/**
 * District D: 90 people told at 0 and 10 told at 1 h, everyone ready 2 h after their
 * order, one person a household with a car, 2 km from the exit. From D's order (0 s): 90 %
 * ready at 2 h (the first 90), 95 % and 100 % at 3 h (the other 10 are ready at 1 h + 2 h).
 */
function staged(capacityVehPerHour: number | null = null) {
  return scenario({
    nodes: ['a', 'b', 'exit'],
    network: {
      nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 0, y: 10 }, { id: 'exit', x: 2000, y: 0 }],
      roads: [road('ra', 'a', 'exit', { lengthKm: 2, capacityVehPerHour }), road('rb', 'b', 'exit', { lengthKm: 2 })],
    },
    settlements: [settlement('a', 'a', 90, { district: 'D' }), settlement('b', 'b', 10, { district: 'D' })],
    shelters: [exit('exit', 'exit')],
    orders: [order(['a'], { mobilization: TWO_HOURS }), order(['b'], { at: 3600, mobilization: TWO_HOURS })],
  });
}

describe('trip generation', () => {
  test('90 % of zone D are ready 2 h after its order, 95 and 100 % at 3 h; each ETE share minutes later (mobilization-bound)', () => {
    const s = staged();
    const d = zoneD(eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }])));
    expect(d.ready).toEqual({ p50: 7200, p90: 7200, p95: 10800, p100: 10800 });
    for (const key of KEYS) {
      expect(d[key]!).toBeGreaterThan(d.ready[key]!);
      // The drive and the queue of 90 cars setting off at once on a local road: minutes, not hours.
      expect(d[key]! - d.ready[key]!).toBeLessThan(1200);
    }
  });

  test('the text, ete.json, ete.csv and the report give them', () => {
    const s = staged();
    const study = runEteStudy([{ name: 'base', scenario: s }], { zones: [{ kind: 'district' }] });
    const text = eteText(study, 'staged').split('\n');
    const at = (heading: string, zone: string) => text[text.indexOf(heading) + 1 + ['all', 'D'].indexOf(zone) + 1];
    expect(at('90 % of the people who chose to leave ready to set out (trip generation):', 'D')).toMatch(/^D\s+100\s+2h 0m$/);
    expect(at('100 % of the people who chose to leave ready to set out (trip generation):', 'D')).toMatch(/^D\s+100\s+3h 0m$/);
    const row = JSON.parse(eteJson(study)).rows.find((r: { zone: string; group: string }) => r.zone === 'D' && r.group === 'all');
    expect(row.ready).toEqual({ p50: 7200, p90: 7200, p95: 10800, p100: 10800 });
    expect(row.readyUnreached).toEqual({ p50: 0, p90: 0, p95: 0, p100: 0 });
    const [header, , d] = eteCsv(study).split('\n');
    const column = (name: string) => d.split(',')[header.split(',').indexOf(name)];
    expect([column('readyP90'), column('readyP100')]).toEqual(['7200', '10800']);
    expect(renderEteReport(study, 'staged')).toContain('Trip generation');
    // The vehicle demand: one car per household of one, 100 in D.
    expect(at('Cars of the people who chose to leave, one per household that drives (vehicle demand):', 'D')).toMatch(/^D\s+100$/);
    expect(row.cars).toBe(100);
    expect(column('cars')).toBe('100');
    expect(renderEteReport(study, 'staged')).toMatch(/Vehicle demand.*<td>D<\/td><td class="num">100<\/td>/s);
  });

  test('people whose order comes after the horizon were never told: not in trip generation or the vehicle demand', () => {
    // b's order at 1 h, the horizon at 30 min: only a's 90 were told and chose to leave.
    const s = { ...staged(), horizon: 1800 };
    const rows = eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }, { kind: 'settlement' }]));
    const of = (zone: string) => rows.find((r) => r.zone === zone && r.group === 'all')!;
    expect([of('D').complied, of('D').readyPeople, of('D').cars]).toEqual([90, 90, 90]);
    expect([of('b').told, of('b').readyPeople, of('b').cars]).toEqual([0, 0, 0]);
    // a's people are ready at 2 h, after the run's end: trip generation not reached, on a base of those told.
    expect(of('a').readyPeople).toBe(90);
    expect(of('a').ready.p50).toBeNull();
  });

  test('cars: one per household that drives, none for those a fleet carries', () => {
    // 100 people in households of 4 (25 households) with half of them driving: 12 cars
    // (⌊25 × 0.5⌋), carrying 48 people; the other 52 wait for a fleet (transit-dependent).
    const s = { ...staged(), settlements: [settlement('a', 'a', 100, { district: 'D' })], orders: [order(['a'], { mobilization: TWO_HOURS })], households: { size: 4, carShare: 0.5, rideShare: 0 } };
    const rows = eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }]));
    const of = (group: string) => rows.find((r) => r.zone === 'D' && r.group === group)!;
    expect([of('all').cars, of('car').cars, of('transit-dependent').cars]).toEqual([12, 12, 0]);
    expect(of('car').readyPeople).toBe(48);
  });

  test('with the run ending before the last are ready, their shares are not reached', () => {
    const s = { ...staged(), horizon: 9000 };
    const d = zoneD(eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }])));
    expect(d.ready).toEqual({ p50: 7200, p90: 7200, p95: null, p100: null });
  });

  test('people captured before they were ready never set out: out of the base, so 100 % of D is ready at 2 h', () => {
    // b is captured at 2.5 h, before its 10 people are ready at 3 h: the base is a's 90.
    // (Counted at the instant their draw made them ready, 95 and 100 % were at 3 h.)
    const s = { ...staged(), hazards: [{ kind: 'capture' as const, settlements: ['b'], nodes: [], at: 9000 }] };
    const d = zoneD(eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }])));
    expect(d.readyPeople).toBe(90);
    // One car per household of one: b's 10 never drive.
    expect(d.cars).toBe(90);
    expect(d.ready).toEqual({ p50: 7200, p90: 7200, p95: 7200, p100: 7200 });
    expect(d.trapped).toBe(10);
    // Captured at 3 h, the instant they are ready, they do not set out either; at 3 h + 1 s they do.
    const at = (t: number) => {
      const captured = { ...s, hazards: [{ ...s.hazards[0], at: t }] };
      return zoneD(eteRows(simulate(captured), captured, buildZones(captured, [{ kind: 'district' }])));
    };
    expect(at(10800).readyPeople).toBe(90);
    expect(at(10801).readyPeople).toBe(100);
    expect(at(10801).ready.p100).toBe(10800);
  });

  test('a zone behind a narrow road is network-bound: its ETE far beyond its trip generation', () => {
    // 90 cars on a road of 60 vehicles an hour, all ready at 2 h: the 90th leaves about 1.5 h later.
    const s = staged(60);
    const study = runEteStudy([{ name: 'base', scenario: s }], { zones: [{ kind: 'settlement' }] });
    const a = study.rows.find((r) => r.zone === 'a' && r.group === 'all')!;
    expect(a.ready.p90).toBe(7200);
    expect(a.p90! - a.ready.p90!).toBeGreaterThan(4000);
    expect(a.p100! - a.ready.p100!).toBeGreaterThan(5000);
  });

  test('replications: the mean and interval of the runs, as the ETE times', () => {
    const s = scenario({
      nodes: ['town', 'exit'],
      network: { nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'exit', x: 2000, y: 0 }], roads: [road('r', 'town', 'exit', { lengthKm: 2 })] },
      settlements: [settlement('town', 'town', 60, { district: 'D' })],
      shelters: [exit('exit', 'exit')],
      orders: [order(['town'], { mobilization: { kind: 'uniform', median: 1800, shape: null } })],
    });
    const study = runEteStudy([{ name: 'base', scenario: s }], { zones: [{ kind: 'district' }], replications: 3 });
    const single = study.seeds[0].seeds.map((seed) => zoneD(eteRows(simulate(s, { seed }), s, buildZones(s, [{ kind: 'district' }]))).ready.p90!);
    const d = study.rows.find((r) => r.zone === 'D' && r.group === 'all')!;
    expect(d.ready.p90).toBeCloseTo(single.reduce((a, b) => a + b, 0) / 3, 6);
    expect(d.readyCi95.p90).not.toBeNull();
    expect(new Set(single).size).toBe(3);
  });
});

describe('trip generation (properties)', () => {
  test('the demand simulate() tells its onDemand is the one runDemand builds, unchanged by the run', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true, capture: true, stochastic: true }), fc.integer({ min: 1, max: 1000 }), (s, seed) => {
        let told: unknown;
        simulate(s, { seed, onDemand: (d) => { told = d; } });
        expect(told).toEqual(runDemand(s, seed).demand);
      }),
      { numRuns: 40, seed: 17 },
    );
  });

  test('the demand it reads is the run\'s: Told, Stayed and ReadyForFleet rows agree, and its people are the rows\' complied', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true, capture: true, stochastic: true }), (s) => {
        const result = simulate(s);
        const { demand } = runDemand(s, s.seed);
        const { log } = result;
        const logged: string[] = [];
        const told = new Map<number, number>();
        const stayed = new Map<number, number>();
        for (let row = 0; row < log.length; row++) {
          const sIdx = log.settlement[row];
          if (log.kind[row] === LogKind.ReadyForFleet) logged.push(`${log.time[row]}/${sIdx}/${log.people[row]}`);
          if (log.kind[row] === LogKind.Told) told.set(sIdx, log.people[row]);
          if (log.kind[row] === LogKind.Stayed) stayed.set(sIdx, log.people[row]);
        }
        const expected: string[] = [];
        for (let k = 0; k < demand.count; k++) {
          const sIdx = demand.settlement[k];
          const capturedAt = result.settlements[sIdx].capturedAt;
          if (demand.car[k] || demand.ready[k] > result.endTime || (capturedAt !== null && demand.ready[k] >= capturedAt)) continue;
          expected.push(`${demand.ready[k]}/${sIdx}/${demand.people[k]}`);
        }
        expect(logged.sort()).toEqual(expected.sort());
        for (const [sIdx, people] of told) {
          expect(people).toBe(demand.told[sIdx]);
          expect(people - (stayed.get(sIdx) ?? 0)).toBe(demand.complied[sIdx]);
        }
        const rows = eteRows(result, s, buildZones(s, [{ kind: 'settlement' }]));
        for (const row of rows.filter((r) => r.zone !== 'all' && r.orderAt !== null && r.group === 'all')) {
          const sIdx = s.settlements.findIndex((x) => x.id === row.zone);
          expect(row.complied).toBe(demand.complied[sIdx]);
        }
      }),
      { numRuns: 30 },
    );
  });

  test('nobody arrives before being ready: where nobody was trapped, each ETE share comes no earlier than its trip generation', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true }), (s) => {
        const result = simulate(s);
        for (const row of eteRows(result, s, buildZones(s, [{ kind: 'settlement' }]))) {
          if (row.trapped > 0) continue;
          for (const key of KEYS) {
            if (row[key] === null) continue;
            expect(row.ready[key]).not.toBeNull();
            expect(row.ready[key]!).toBeLessThanOrEqual(row[key]!);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
