// Two routes whose bottleneck is a link past the fork: the choice at the fork prices the
// narrow road from the trees (tests/traffic/equilibrium-deep.test.ts).
//
//   o ──in──► a ──n1 (5 km)──► c ──narrow (5 km, 600 veh/h)──► b ──out──► x
//             └──w1 (5.5 km)──► d ──wide (5.5 km, 1,800 veh/h)──┘
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from './build.js';

export function bottleneckPastFork(mode: RoutingMode): Scenario {
  const road2 = { speedKmh: 60, capacityVehPerHour: 1800, lanes: 2 };
  return scenario({
    nodes: ['o', 'a', 'c', 'd', 'b', 'x'],
    network: {
      nodes: [
        { id: 'o', x: 0, y: 0 }, { id: 'a', x: 1000, y: 0 }, { id: 'c', x: 6000, y: 0 },
        { id: 'd', x: 6000, y: 500 }, { id: 'b', x: 11000, y: 0 }, { id: 'x', x: 12000, y: 0 },
      ],
      roads: [
        road('in', 'o', 'a', { lengthKm: 1, ...road2, capacityVehPerHour: 3600 }),
        road('n1', 'a', 'c', { lengthKm: 5, ...road2 }),
        road('narrow', 'c', 'b', { lengthKm: 5, speedKmh: 60, capacityVehPerHour: 600 }),
        road('w1', 'a', 'd', { lengthKm: 5.5, ...road2 }),
        road('wide', 'd', 'b', { lengthKm: 5.5, ...road2 }),
        road('out', 'b', 'x', { lengthKm: 1, ...road2, capacityVehPerHour: 3600 }),
      ],
    },
    settlements: [settlement('o', 'o', 3000)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'])],
    routing: { mode, periodSeconds: 120, smoothing: 0.5, iterations: 12, binSeconds: 300 },
  });
}
