// The two-route case of the traffic tests: 3,000 cars from o to x, through a fork at a
// where a short narrow road (10 km, 600 veh/h) and a 10 % longer wide one (11 km,
// 1,800 veh/h) lead on to b:
//   o ──in (1 km, 3,600 veh/h)──► a ══ narrow or wide ══► b ──out (1 km)──► x
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from './build.js';

export function twoRoutes(mode: RoutingMode): Scenario {
  return scenario({
    nodes: ['o', 'a', 'b', 'x'],
    network: {
      nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'a', x: 1000, y: 0 }, { id: 'b', x: 11000, y: 0 }, { id: 'x', x: 12000, y: 0 }],
      roads: [
        road('in', 'o', 'a', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 3600, lanes: 2 }),
        road('narrow', 'a', 'b', { lengthKm: 10, speedKmh: 60, capacityVehPerHour: 600 }),
        road('wide', 'a', 'b', { lengthKm: 11, speedKmh: 60, capacityVehPerHour: 1800, lanes: 2 }),
        road('out', 'b', 'x', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 3600, lanes: 2 }),
      ],
    },
    settlements: [settlement('o', 'o', 3000)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'])],
    routing: { mode, periodSeconds: 120, smoothing: 0.5, iterations: 8, binSeconds: 300 },
  });
}
