// At a merge, every road waiting for the merged link competes for each place it
// frees, not only the road that began to wait first.
//
//   p ──P (1 km, 36 km/h: 100 s, 3,600 veh/h)──┐
//                                              m ──M (1 km, 36 km/h, 360 veh/h: one every 10 s)──► x (exit)
//   q ──Q (1.01 km, 36 km/h: 101 s, 1,800 veh/h)──┘
//
// Four cars start at p and four at q; they reach m at 100–103 s (P) and 101–107 s (Q).
// P and Q weigh 1/headway, 1 : 0.5, in the fair queueing of the merge: tags 1 s and 2 s apart.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const s = scenario({
  nodes: [],
  network: {
    nodes: [{ id: 'p', x: 0, y: 0 }, { id: 'q', x: 0, y: 1000 }, { id: 'm', x: 1000, y: 500 }, { id: 'x', x: 2000, y: 500 }],
    roads: [
      road('P', 'p', 'm', { speedKmh: 36, capacityVehPerHour: 3600, lanes: 2 }),
      road('Q', 'q', 'm', { lengthKm: 1.01, speedKmh: 36, capacityVehPerHour: 1800, lanes: 2 }),
      road('M', 'm', 'x', { speedKmh: 36, capacityVehPerHour: 360 }),
    ],
  },
  settlements: [settlement('p', 'p', 4), settlement('q', 'q', 4)],
  shelters: [exit('x', 'x')],
  orders: [order(['p', 'q'])],
});

describe('a merge serves every waiting road', () => {
  it('the merged link takes a car every 10 s, from P and Q in their 2 : 1 capacity shares', () => {
    const into: [string, number][] = [];
    let from = '';
    simulate(s, {
      trace: (link, _v, t, entering) => {
        if (!entering) from = ['P', 'Q', 'M'][link] ?? 'origin';
        else if (link === 2) into.push([from, t]);
      },
    });
    // 100: P's first car finds M free. Then each waiting head's tag is its own headway after
    // its approach's last tag, or after the link's virtual time (0): P's second car 1, Q's
    // first 2. 110 P (1; P's next 2); 120 P (2, tie with Q, P's id first; next 3); 130 Q (2;
    // next 4); 140 P (3); P is empty, Q takes 150, 160 and 170.
    expect(into).toEqual([
      ['P', 100], ['P', 110], ['P', 120], ['Q', 130], ['P', 140], ['Q', 150], ['Q', 160], ['Q', 170],
    ]);
  });
});
