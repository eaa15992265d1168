// Nodes captured at one instant (a front reaching a row of them, or one capture naming
// several) are taken in the order of their ids, not of the listing: each capture loses
// the vehicles on the roads it touches and wakes the heads waiting elsewhere, and the
// order of those steps could change what follows. On a 300,000-person grid with a front
// sweeping whole columns at once, a shuffled file trapped 16,820 people against 16,818.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/network/compile.js';
import { simulate } from '../../src/simulation/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

/** Towns o and p, 2 km before a and b, both on the way to x; a and b captured together at 60 s; nodes listed `order`. */
function twoWays(nodeOrder: string[]): Scenario {
  const at: Record<string, [number, number]> = { o: [0, 0], a: [2000, 0], p: [0, 1000], b: [2000, 1000], x: [4000, 500] };
  return scenario({
    nodes: nodeOrder,
    network: {
      nodes: nodeOrder.map((id) => ({ id, x: at[id][0], y: at[id][1] })),
      roads: [road('oa', 'o', 'a', { lengthKm: 2 }), road('ax', 'a', 'x', { lengthKm: 2 }), road('pb', 'p', 'b', { lengthKm: 2 }), road('bx', 'b', 'x', { lengthKm: 2 })],
    },
    settlements: [settlement('o', 'o', 3), settlement('p', 'p', 3)],
    shelters: [exit('x', 'x')],
    orders: [order(['o', 'p'])],
    hazards: [{ kind: 'capture', settlements: [], nodes: ['b', 'a'], at: 60 }],
  });
}

/** The roads vehicles were lost on, in the order they were lost. */
function lostOn(s: Scenario): string[] {
  const net = compileScenario(s);
  const lost: string[] = [];
  simulate(s, { network: net, trace: (l, _v, _t, _entering, gone) => { if (gone && l < net.linkCount) lost.push(net.linkIds[l]); } });
  return lost;
}

describe('nodes captured at one instant', () => {
  it('are taken in the order of their ids, however the nodes are listed', () => {
    // Each town's 3 cars are on the 2 km road into the captured node at 60 s.
    const expected = ['oa', 'oa', 'oa', 'pb', 'pb', 'pb'];
    expect(lostOn(twoWays(['o', 'a', 'p', 'b', 'x']))).toEqual(expected);
    expect(lostOn(twoWays(['x', 'b', 'p', 'a', 'o']))).toEqual(expected);
  });
});
