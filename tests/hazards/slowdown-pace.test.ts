// A slowdown sets the speed of every vehicle on its road while it lasts, not only of
// those entering then: a car on the road when it starts or ends drives the rest of its
// way at the new speed. Arrivals are checked against the distance integrated by hand.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { HazardSpec } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { driveEnd } from '../helpers/drive.js';

//   town ──5 km, 36 km/h (10 m/s, 500 s)──► out; one car, leaving at `at`.
function arrival(at: number, hazards: HazardSpec[], horizon = 86400): number | null {
  const s = scenario({ nodes: ['town', 'out'], horizon, orders: [order(['town'], { at })], hazards });
  s.network.roads = [road('r', 'town', 'out', { lengthKm: 5, speedKmh: 36, capacityVehPerHour: 3600 })];
  s.settlements = [settlement('town', 'town', 1)];
  s.shelters = [exit('out', 'out')];
  const r = simulate(s);
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) return r.log.time[i];
  return null;
}

const slowdown = (from: number, until: number, factor: number): HazardSpec => ({ kind: 'slowdown', roads: ['r'], from, until, factor });

describe('a slowdown and the vehicles already on its road', () => {
  it('slows a car that entered before it began', () => {
    // 0–100 s: 1,000 m; 100–200 s at 5 m/s: 500 m; the last 3,500 m at 10 m/s: 350 s.
    expect(arrival(0, [slowdown(100, 200, 0.5)])).toBeCloseTo(550, 9);
  });

  it('lets a car that entered during it speed up when it ends', () => {
    // 150–200 s at 5 m/s: 250 m; the last 4,750 m at 10 m/s: 475 s (was 150 + 1,000 s).
    expect(arrival(150, [slowdown(100, 200, 0.5)])).toBeCloseTo(675, 9);
  });

  it('does not hold a car for days after a slowdown of factor 0.001', () => {
    // 150–200 s at 0.01 m/s: 0.5 m; the last 4,999.5 m at 10 m/s: 499.95 s
    // (was 150 + 500,000 s, far beyond the horizon).
    expect(arrival(150, [slowdown(100, 200, 0.001)])).toBeCloseTo(699.95, 9);
  });

  it('brings one car in when the distance at the speeds in force adds up to the road (property)', () => {
    const hazard = fc.record({
      from: fc.integer({ min: 0, max: 2000 }),
      length: fc.integer({ min: 1, max: 2000 }),
      factor: fc.constantFrom(1e-6, 0.001, 0.1, 0.3, 0.5, 0.9, 1),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.array(hazard, { maxLength: 4 }), (at, hs) => {
        const hazards = hs.map((h) => slowdown(h.from, h.from + h.length, h.factor));
        const expected = integrate(at, 5000, 10, hazards);
        const actual = arrival(at, hazards, 10 * 86400);
        expect(actual).not.toBeNull();
        expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-6 * expected);
      }),
      { numRuns: 200 },
    );
  });
});

/** When a car entering at `at` has driven `length` metres at `speed` × the slowdowns in force. */
function integrate(at: number, length: number, speed: number, hazards: HazardSpec[]): number {
  const edges = hazards.flatMap((h) => (h.kind === 'slowdown' ? [h.from, h.until as number] : []));
  const factorAt = (t: number) =>
    hazards.reduce((f, h) => (h.kind === 'slowdown' && h.from <= t && t < (h.until as number) ? f * h.factor : f), 1);
  return driveEnd(at, length, speed, factorAt, edges);
}
