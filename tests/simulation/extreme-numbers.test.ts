// Valid but extreme numbers, in every routing mode, with hazards at and around their
// edges: a 1 m and a 5,000 km road, 1 and 300 km/h, 1 and 10^6 veh/h, 20 lanes,
// slowdowns of factor 10^-9, closures, captures and weather starting at 0 or at the
// horizon, a stuckSeconds of 10^-300, a horizon of 1 s. Every run must end, with a
// finite, non-negative summary whose people add up (the fuzz harness checks that),
// the same summary when run again, and nobody in before the order plus the free-flow
// time of the fastest way out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exercise } from '../helpers/fuzz.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/simulate.js';
import { summarize } from '../../src/report/summary.js';
import { LogKind } from '../../src/result.js';

const ROADS = ['r1', 'r2', 'r3', 'r4'];

const road = fc.record({
  lengthKm: fc.constantFrom(0.001, 0.5, 5, 5000),
  speedKmh: fc.constantFrom(1, 60, 300),
  capacityVehPerHour: fc.constantFrom(1, 600, 1800, 1e6),
  lanes: fc.constantFrom(1, 2, 20),
});

const instant = (horizon: number) => fc.oneof(fc.constant(0), fc.constant(horizon), fc.integer({ min: 0, max: horizon }));

const hazard = (horizon: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('closure'), roads: fc.subarray(ROADS, { minLength: 1 }), from: instant(horizon), length: fc.constantFrom(1, 600, 1e6) }),
    fc.record({ kind: fc.constant('slowdown'), roads: fc.subarray(ROADS, { minLength: 1 }), from: instant(horizon), length: fc.constantFrom(1, 600, 1e6), factor: fc.constantFrom(1e-9, 0.001, 0.5) }),
    fc.record({ kind: fc.constant('weather'), from: instant(horizon), length: fc.constantFrom(1, 7200), speedFactor: fc.constantFrom(1e-6, 0.5), capacityFactor: fc.constantFrom(0.1, 1) }),
    fc.record({ kind: fc.constant('capture'), nodes: fc.subarray(['town', 'mid', 'alt', 'safe'], { minLength: 1 }), at: instant(horizon) }),
  );

const file = fc
  .record({
    horizon: fc.constantFrom(1, 600, 86400),
    roads: fc.array(road, { minLength: 4, maxLength: 4 }),
    mode: fc.constantFrom('free-flow', 'adaptive', 'equilibrium'),
    population: fc.constantFrom(1, 10, 500),
    carShare: fc.constantFrom(0, 0.5, 1),
    compliance: fc.constantFrom(0, 0.3, 1),
    stuckSeconds: fc.constantFrom(1e-300, 0.5, 600),
    bin: fc.constantFrom(1, 60, 3600),
    fleet: fc.option(fc.record({ depot: fc.constantFrom('safe', 'alt'), vehicles: fc.constantFrom(0, 1, 3), seats: fc.constantFrom(1, 40) })),
  })
  .chain((f) => fc.record({ f: fc.constant(f), hazards: fc.array(hazard(f.horizon), { maxLength: 3 }) }))
  .map(({ f, hazards }) => ({
    name: 'extremes',
    horizon: f.horizon,
    stuckSeconds: f.stuckSeconds,
    reportBinSeconds: f.bin,
    routing: { mode: f.mode, iterations: 2 },
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'mid', x: 5000, y: 0 }, { id: 'safe', x: 10000, y: 0 }, { id: 'alt', x: 5000, y: 5000 }],
      roads: [['town', 'mid'], ['mid', 'safe'], ['town', 'alt'], ['alt', 'safe']].map(([from, to], i) => ({ id: ROADS[i], from, to, ...f.roads[i] })),
    },
    settlements: [{ id: 'town', node: 'town', population: f.population }],
    shelters: [{ id: 'safe', node: 'safe' }, { id: 'hall', node: 'mid', capacity: 100 }],
    households: { size: 1, carShare: f.carShare },
    orders: [{ at: 0, settlements: ['town'], compliance: f.compliance, mobilization: { kind: 'fixed', median: 0 } }],
    fleets: f.fleet === null ? [] : [{ id: 'bus', serves: ['town'], ...f.fleet }],
    hazards: hazards.map((h) => {
      if (h.kind === 'capture') return h;
      const { length, ...rest } = h;
      return { ...rest, until: h.from + length };
    }),
  }));

/** Seconds of the fastest way from town to a destination at free flow. */
function fastest(roads: { lengthKm: number; speedKmh: number }[]): number {
  const t = roads.map((r) => (r.lengthKm / r.speedKmh) * 3600);
  return Math.min(t[0], t[2] + t[3]);
}

describe('valid extreme numbers', () => {
  it('end with a finite summary that adds up, again the same, and nobody in too early (property)', () => {
    fc.assert(
      fc.property(file, (raw) => {
        expect(exercise(raw)).toBe('simulated');
        const s = parseScenario(raw);
        const first = simulate(s);
        expect(JSON.stringify(summarize(simulate(s), s))).toBe(JSON.stringify(summarize(first, s)));
        const bound = fastest(raw.network.roads) * (1 - 1e-12);
        for (let i = 0; i < first.log.length; i++) {
          if (first.log.kind[i] === LogKind.Evacuated) expect(first.log.time[i]).toBeGreaterThanOrEqual(bound);
        }
      }),
      { numRuns: 60 },
    );
  });
});
