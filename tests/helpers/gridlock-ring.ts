// The gridlock ring of the traffic and warning tests.
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from './build.js';

//        r0 ───ab──► r1
//   X ◄── ▲            │          one-way ring of 30 m one-lane links (4 cars each); 200
//         da          bc          cars at each ring node go, half and half, to the exit X
//         │            ▼          (beyond r0) or the shelter S (beyond r2), both behind
//        r3 ◄──cd─── r2 ──► S     slow 60 veh/h links. Shelter-goers pass r0 and r1,
//                                 exit-goers r2 and r3: the ring fills, and once the head of
//                                 every ring link waits for the next, nothing can move.
export const ring: Scenario = scenario({
  nodes: ['r0', 'r1', 'r2', 'r3', 'X', 'S'],
  network: {
    nodes: [
      { id: 'r0', x: 0, y: 30 }, { id: 'r1', x: 30, y: 30 }, { id: 'r2', x: 30, y: 0 }, { id: 'r3', x: 0, y: 0 },
      { id: 'X', x: -1000, y: 30 }, { id: 'S', x: 1030, y: 0 },
    ],
    roads: [
      road('ab', 'r0', 'r1', { lengthKm: 0.03 }),
      road('bc', 'r1', 'r2', { lengthKm: 0.03 }),
      road('cd', 'r2', 'r3', { lengthKm: 0.03 }),
      road('da', 'r3', 'r0', { lengthKm: 0.03 }),
      road('toX', 'r0', 'X', { lengthKm: 1, capacityVehPerHour: 60 }),
      road('toS', 'r2', 'S', { lengthKm: 1, capacityVehPerHour: 60 }),
    ],
  },
  settlements: ['r0', 'r1', 'r2', 'r3'].map((n) => settlement(n, n, 200)),
  shelters: [exit('X', 'X'), exit('S', 'S', 100_000)],
  shelterShare: 0.5,
  orders: [order(['r0', 'r1', 'r2', 'r3'])],
  routing: { mode: 'free-flow', periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 },
  stuckSeconds: 60,
  horizon: 6 * 3600,
  // Whether the ring locks, and when, follows the settlements' shelter-or-exit draws: under
  // seed 4 it locks at 1,122.6 s.
  seed: 4,
});
