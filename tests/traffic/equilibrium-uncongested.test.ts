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
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   o ──A (1 km)──► a ──toS (1 km)──► s (shelter) ──on (2 km)──► x (exit)
//                   a ──direct (3 km)────────────────────────────► x
// Every road 1,800 veh/h at 60 km/h; the cars leave over an hour (uniform, median
// `median` s), a few hundred an hour at most: no car ever waits for another. Cars
// head for the shelter until it fills, then for the exit, by `on` or `direct`, both
// 180 s from a.
function shelterThenExit(mode: RoutingMode, places: number, median: number): Scenario {
  return scenario({
    nodes: ['o', 'a', 's', 'x'],
    network: {
      nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'a', x: 1000, y: 0 }, { id: 's', x: 2000, y: 0 }, { id: 'x', x: 4000, y: 0 }],
      roads: [
        road('A', 'o', 'a', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 1800 }),
        road('toS', 'a', 's', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 1800 }),
        road('on', 's', 'x', { lengthKm: 2, speedKmh: 60, capacityVehPerHour: 1800 }),
        road('direct', 'a', 'x', { lengthKm: 3, speedKmh: 60, capacityVehPerHour: 1800 }),
      ],
    },
    settlements: [settlement('o', 'o', 1000)],
    shelters: [exit('s', 's', places), exit('x', 'x')],
    orders: [order(['o'], { mobilization: { kind: 'uniform', median, shape: null } })],
    routing: { mode, periodSeconds: 120, smoothing: 0.5, iterations: 4, binSeconds: 300 },
  });
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
