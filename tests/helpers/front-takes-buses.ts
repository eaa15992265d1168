// A front that takes a school's pickup while two of its three buses board there:
//
//   front at x = −500 m ──► town (x = 0, school of 20) ◄──1 km──► garage (x = 1 km, 3 buses of 10 seats) ──2 km──► exit
//
// It advances east at 43.2 km/day (0.5 m/s), so it reaches the town at 1,000 s and the
// garage at 3,000 s. The buses leave the garage at 0 s, the first two for ten people each
// (100 s on the road), and board for 3,000 s (300 s a person); the third stays parked.
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from './build.js';

/** The scenario, the front going `maxDepthKm` deep: 0.6 stops it past the town, 2 past the garage. */
export function frontTakesBuses(maxDepthKm: number): Scenario {
  return scenario({
    nodes: [],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'garage', x: 1000, y: 0 }, { id: 'exit', x: 3000, y: 0 }],
      roads: [
        road('g', 'town', 'garage', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 3600, oneway: false }),
        road('e', 'garage', 'exit', { lengthKm: 2, speedKmh: 36, capacityVehPerHour: 3600 }),
      ],
    },
    settlements: [settlement('school', 'town', 20, { facility: 'school', mobilization: { kind: 'fixed', median: 0, shape: null } })],
    shelters: [exit('exit', 'exit')],
    orders: [order(['school'])],
    fleets: [{ id: 'buses', depot: 'garage', vehicles: 3, seats: 10, boardingSecondsPerPerson: 300, serves: ['school'], mode: 'road', from: 0, headway: null, timetable: [] }],
    hazards: [{ kind: 'front', line: [[-500, -1000], [-500, 1000]], towards: [1000, 0], speedKmPerDay: 43.2, maxDepthKm, from: 0 }],
  });
}
