// The shelter-then-exit network of the routing tests:
//   o ──A (1 km)──► a ──toS (1 km)──► s (shelter) ──on (2 km)──► x (exit)
//                   a ──direct (3 km)────────────────────────────► x
// Every road 1,800 veh/h at 60 km/h; 1,000 cars from o. Once the shelter fills, the exit
// is 180 s from a by `on` or by `direct`.
import type { OrderSpec, RoutingMode, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from './build.js';

/** The network under `mode`, with `places` in the shelter, the cars leaving by `mobilization`, equilibrium over `iterations` runs. */
export function shelterThenExit(mode: RoutingMode, places: number, mobilization: OrderSpec['mobilization'], iterations: number): Scenario {
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
    orders: [order(['o'], { mobilization })],
    routing: { mode, periodSeconds: 120, smoothing: 0.5, iterations, binSeconds: 300 },
  });
}
