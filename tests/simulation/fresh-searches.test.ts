// Route tables are repaired after captures and closures and updated after refreshes of the
// estimates, never searched afresh for a change of costs (network/routing.ts): a run gives
// the very same result, to the last bit, as one that searches every table afresh after
// every change (`freshRouteSearches`), on random scenarios with hazards, captures and
// buses in every routing mode, and on Kursk 2024 and a generated border region.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/index.js';
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';

/** The whole result as text, typed arrays included. */
function bytes(s: Scenario, fresh: boolean): string {
  const result = simulate(s, { freshRouteSearches: fresh });
  return JSON.stringify(result, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v));
}

describe('repaired and updated route tables', () => {
  it('give the result of tables searched afresh after every change (property)', () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ hazards: true, fleets: true, capture: true }),
        fc.constantFrom<RoutingMode>('free-flow', 'adaptive', 'equilibrium'),
        (scenario, mode) => {
          const s = { ...scenario, routing: { ...scenario.routing, mode, iterations: 2 } };
          expect(bytes(s, false)).toBe(bytes(s, true));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('give the result of tables searched afresh when a route grows cheaper by less than the rounding beyond it', () => {
    // When the slowdown on `ua` ends, `u` reaches `a` one unit in the last place sooner than
    // `b` (998.8999999999999 s against 998.9 s), and `w` reaches either in 1164.9 s: its
    // route stands, its destination is `a` now, and so are those of the cars from `x`.
    const s = parseScenario({
      name: 'rounded-away',
      horizon: '6h',
      network: {
        nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 0, y: 2 }, { id: 'u', x: 1, y: 1 }, { id: 'w', x: 2, y: 1 }, { id: 'x', x: 3, y: 1 }],
        roads: [
          { id: 'ua', from: 'u', to: 'a', lengthKm: 9.988999999999999, speedKmh: 36, oneway: true },
          { id: 'ub', from: 'u', to: 'b', lengthKm: 9.989, speedKmh: 36, oneway: true },
          { id: 'wu', from: 'w', to: 'u', lengthKm: 1.660000000000001, speedKmh: 36, oneway: true },
          { id: 'xw', from: 'x', to: 'w', lengthKm: 1, speedKmh: 36, oneway: true },
        ],
      },
      settlements: [{ id: 'x', node: 'x', population: 20 }],
      shelters: [{ id: 'a', node: 'a' }, { id: 'b', node: 'b' }],
      orders: [{ at: 0, settlements: ['x'], mobilization: { kind: 'uniform', median: '1h' } }],
      hazards: [{ kind: 'slowdown', roads: ['ua'], from: 0, until: '1h', factor: 0.5 }],
      routing: { mode: 'free-flow' },
    });
    expect(simulate(s).vehicles.rerouted).toBe(0);
    expect(bytes(s, false)).toBe(bytes(s, true));
  });

  it('give the result of tables searched afresh on Kursk 2024 and a border region with a front and buses', () => {
    const kursk = parseScenario(JSON.parse(readFileSync('scenarios/kursk-2024.json', 'utf8')));
    expect(bytes(kursk, false)).toBe(bytes(kursk, true));
    const region = parseScenario(generate('region', { people: 30000, seed: 2 }));
    expect(bytes(region, false)).toBe(bytes(region, true));
  });
});
