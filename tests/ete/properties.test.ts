// Invariants of ETE rows on random small scenarios (hazards and buses included).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { clearance } from '../../src/report/clearance.js';
import { eteRows, sortedByTime } from '../../src/ete/table.js';
import { TripRecorder } from '../../src/ete/trips.js';
import { buildZones } from '../../src/ete/zones.js';
import { simulate } from '../../src/simulation/simulate.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';

const KEYS = ['p50', 'p90', 'p95', 'p100'] as const;

describe('ETE rows (properties)', () => {
  test('the whole-scenario zone is the run clearance counted from the first order; groups add up', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true }), (s) => {
        const result = simulate(s);
        const rows = eteRows(result, s, buildZones(s, [{ kind: 'settlement' }]));
        const all = rows[0];
        const c = clearance(result);
        for (const key of KEYS) expect(all[key] === null ? null : all[key]! + all.orderAt!).toBe(c[key]);
        for (let i = 0; i < rows.length; i += 3) {
          const [everyone, car, transit] = rows.slice(i, i + 3);
          expect(car.people + transit.people).toBe(everyone.people);
          expect(car.trapped + transit.trapped).toBe(everyone.trapped);
          expect(everyone.complied).toBe(everyone.people + everyone.trapped);
          expect(everyone.told).toBeGreaterThanOrEqual(everyone.complied);
          for (const r of [everyone, car, transit]) {
            const times = KEYS.map((k) => r[k]);
            for (let k = 1; k < times.length; k++) if (times[k] !== null) expect(times[k]!).toBeGreaterThanOrEqual(times[k - 1]!);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  test('leaving a zone never comes after reaching the destination', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true }), (s) => {
        const recorder = new TripRecorder();
        const result = simulate(s, { trace: recorder.trace });
        const visits = recorder.visits(result, new Map(s.network.nodes.map((n, i) => [n.id, i])));
        const zones = buildZones(s, [{ kind: 'settlement' }]);
        const atDestination = eteRows(result, s, zones);
        const leftZone = eteRows(result, s, zones, { end: 'zone', visits });
        atDestination.forEach((r, i) => {
          for (const key of KEYS) {
            expect(leftZone[i][key] === null).toBe(r[key] === null);
            if (r[key] !== null) expect(leftZone[i][key]!).toBeLessThanOrEqual(r[key]!);
          }
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('the time order of leave-the-zone events', () => {
  test('is exact below the millisecond and keeps ties in their order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (times) => {
        const sorted = sortTimes(times);
        expect(sorted).toEqual([...times].sort((a, b) => a - b));
      }),
    );
    expect(sortTimes([1.0004, 1.0001, 1.0004])).toEqual([1.0001, 1.0004, 1.0004]);
  });
});

function sortTimes(times: number[]): number[] {
  return Array.from(sortedByTime({ time: Float64Array.from(times), people: new Int32Array(times.length), car: new Uint8Array(times.length), facility: new Int8Array(times.length) }).time);
}
