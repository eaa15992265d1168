// The slow fork of the turn-pocket tests: a two-lane road (one pocket) into a very slow
// road and a moderate one, 12 cars whose draws under seed 3 are known.
import { exit, order, road, scenario, settlement } from './build.js';

//            ┌─ toX (1 km, 3.6 veh/h: one car per 1,000 s) ── X (exit)
//   o ══in══ f
//            └─ toS (1 km, 360 veh/h: one car per 10 s) ──── S (shelter)
// `in`: 1 km, two lanes (one pocket), 3,600 veh/h; every road at 36 km/h (100 s a km).
// 12 cars leave o at 0, one a second onto `in` (car k at k s, at f at 100 + k s); half
// and half for X and S, which under seed 3 draws X S S X X S X S S X X X.
export const slowFork = scenario({
  nodes: ['o', 'f', 'X', 'S'],
  network: {
    nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'f', x: 1000, y: 0 }, { id: 'X', x: 2000, y: 1000 }, { id: 'S', x: 2000, y: -1000 }],
    roads: [
      road('in', 'o', 'f', { lengthKm: 1, speedKmh: 36, lanes: 2, capacityVehPerHour: 3600 }),
      road('toX', 'f', 'X', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 3.6 }),
      road('toS', 'f', 'S', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 360 }),
    ],
  },
  settlements: [settlement('o', 'o', 12)],
  shelters: [exit('X', 'X'), exit('S', 'S', 100_000)],
  shelterShare: 0.5,
  orders: [order(['o'])],
  routing: { mode: 'free-flow', periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 },
  seed: 3,
});
