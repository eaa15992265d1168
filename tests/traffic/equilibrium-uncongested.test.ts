// Equilibrium routing on a network where nothing ever queues: the learned errors are
// 0, so every run is the adaptive one and no vehicle counts as rerouted for
// congestion. A link's experienced time is a difference of clock readings, and
// `(entered + free-flow) − entered` is not always the free-flow time in floating point:
// that rounding must not be learned as an error, where it broke exact ties between
// routes (a full shelter's road on to the exit, or a direct road of the same length)
// and sent cars off their free-flow route as if a queue had been seen.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import type { SimulationResult } from '../../src/result.js';
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { shelterThenExit as shelterThenExitNetwork } from '../helpers/shelter-then-exit.js';

// The network of tests/helpers/shelter-then-exit.ts; the cars leave over an hour (uniform,
// median `median` s), a few hundred an hour at most: no car ever waits for another.
function shelterThenExit(mode: RoutingMode, places: number, median: number): Scenario {
  return shelterThenExitNetwork(mode, places, { kind: 'uniform', median, shape: null }, 4);
}

/** The result without the routing report: what the run did. */
function outcome(result: SimulationResult): unknown {
  const { routing: _routing, ...rest } = result;
  return rest;
}

describe('equilibrium routing where nothing queues', () => {
  it('repeats the adaptive run: no congestion reroutes, the same routes', () => {
    const adaptive = simulate(shelterThenExit('adaptive', 500, 1800));
    const equilibrium = simulate(shelterThenExit('equilibrium', 500, 1800));
    // 26 cars were on their way to the shelter when it filled; none met a queue.
    expect(adaptive.vehicles.reroutedBy).toEqual({ fullShelter: 26, hazard: 0, congestion: 0 });
    expect(equilibrium.vehicles.reroutedBy).toEqual(adaptive.vehicles.reroutedBy);
    expect(outcome(equilibrium)).toEqual(outcome(adaptive));
    // Nothing was learned: the first run taught nothing new.
    expect(equilibrium.routing?.stoppedBy).toBe('repeat');
    expect(equilibrium.routing?.iterations).toBe(1);
  });

  it('learns nothing, whatever the shelter and the spread of departures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1800, max: 7200 }), (places, median) => {
        const adaptive = simulate(shelterThenExit('adaptive', places, median));
        const equilibrium = simulate(shelterThenExit('equilibrium', places, median));
        expect(equilibrium.vehicles.reroutedBy.congestion).toBe(0);
        expect(outcome(equilibrium)).toEqual(outcome(adaptive));
        expect(equilibrium.routing?.stoppedBy).toBe('repeat');
      }),
      { numRuns: 15 },
    );
  });
});
