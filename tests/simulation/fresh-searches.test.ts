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

  it('give the result of tables searched afresh on Kursk 2024 and a border region with a front and buses', () => {
    const kursk = parseScenario(JSON.parse(readFileSync('scenarios/kursk-2024.json', 'utf8')));
    expect(bytes(kursk, false)).toBe(bytes(kursk, true));
    const region = parseScenario(generate('region', { people: 30000, seed: 2 }));
    expect(bytes(region, false)).toBe(bytes(region, true));
  });
});
