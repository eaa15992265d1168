// A lane head that waits in the lane because the turn pocket held another turn steps into
// the pocket as soon as it empties, and lets the vehicles behind it pass.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { compileScenario } from '../../src/network/compile.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//            ┌─ toX (1 km, 3.6 veh/h: one car per 1,000 s) ── X (exit)
//   o ══in══ f
//            └─ toS (1 km, 360 veh/h: one car per 10 s) ──── S (shelter)
// `in`: 1 km, two lanes (one pocket), 3,600 veh/h; every road at 36 km/h (100 s a km).
// 12 cars leave o at 0, one a second onto `in` (car k at k s, at f at 100 + k s); half
// and half for X and S, which under seed 3 draws X S S X X S X S S X X X.
const fork = scenario({
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

describe('a turn pocket that empties', () => {
  it('takes the lane head that waited beside it, and the cars behind pass', () => {
    // 100 s: car 0 enters toX (the next may at 1,100 s). 101 s: car 1 enters toS (next at
    // 111 s). 102 s: car 2, for S, steps into the pocket. 103 s: car 3, for X, finds the
    // pocket holding the S turn and waits in the lane, holding cars 4–11. 111 s: car 2
    // enters toS and the pocket is empty: car 3 steps into it one exit headway later (112 s),
    // car 4 (X) joins it, and car 5 (S) enters toS at 121 s, cars 7 and 8 at 131 and 141 s.
    // Before, car 3 stood in the lane until its next look, `stuckSeconds` (600 s) after it
    // began to wait, and cars 5, 7 and 8 entered toS at 705, 715 and 725 s.
    const net = compileScenario(fork);
    const toS = net.linkIndex.get('toS') as number;
    const entries: number[] = [];
    simulate(fork, { network: net, trace: (l, _v, t, entering) => { if (entering && l === toS) entries.push(t); } });
    expect(entries).toEqual([101, 111, 121, 131, 141]);
  });
});
