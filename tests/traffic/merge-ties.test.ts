// Heads of two approaches that reach a merge at the same instant: the node model
// chooses between them (capacity-proportional, ties to the link whose id sorts first),
// never the order in which their events happen to run nor the order roads are listed in.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   t1 ──A1 (1 km, 1,200 veh/h)──┐
//                                 m ──M (1 km, 1,200 veh/h)──► x
//   t2 ──A2 (1 km, 1,200 veh/h)──┘
// 1,000 cars at each town, released at once: each origin loads its road one car every
// 3 s, so from 100 s a head reaches m on both approaches every 3 s, at the same instants,
// and M takes one car every 3 s. Equal weights, so the approaches alternate, A1 (the
// id that sorts first) first: A1 leaves at 100 + 6k, A2 at 103 + 6k, k = 0 … 999.
function merge(townsListed: [string, string], roadsReversed = false): Scenario {
  const s = scenario({
    nodes: ['t1', 't2', 'm', 'x'],
    network: {
      nodes: [{ id: 't1', x: 0, y: 1000 }, { id: 't2', x: 0, y: -1000 }, { id: 'm', x: 1000, y: 0 }, { id: 'x', x: 2000, y: 0 }],
      roads: [
        road('A1', 't1', 'm', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 1200 }),
        road('A2', 't2', 'm', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 1200 }),
        road('M', 'm', 'x', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 1200 }),
      ],
    },
    // The listing order of the towns decides whose events run first at a shared instant.
    settlements: townsListed.map((t) => settlement(t, t, 1000)),
    shelters: [exit('x', 'x')],
    orders: [order(townsListed)],
  });
  if (roadsReversed) s.network.roads.reverse();
  return s;
}

function exits(s: Scenario): [number[], number[]] {
  const left: [number[], number[]] = [[], []];
  const ids = s.network.roads.map((r) => r.id);
  simulate(s, { trace: (l, _v, t, entering) => { if (!entering && (ids[l] === 'A1' || ids[l] === 'A2')) left[ids[l] === 'A1' ? 0 : 1].push(t); } });
  return left;
}

describe('a merge whose approaches bring heads at the same instants', () => {
  const expected = [0, 1].map((i) => Array.from({ length: 1000 }, (_, k) => 100 + 3 * i + 6 * k));

  it.each([
    ['t1', 't2'],
    ['t2', 't1'],
  ] as [string, string][])('alternates from the first car, A1 first, whichever town is listed first (%s, %s)', (...towns) => {
    const [a1, a2] = exits(merge(towns));
    expect(a1).toEqual(expected[0]);
    expect(a2).toEqual(expected[1]);
  });

  it('alternates the same way, A1 first, with the roads listed in reverse', () => {
    // Before, ties went to the lower link index: listed M, A2, A1, A2 went first and each
    // approach's cars left 3 s earlier or later than with the roads listed A1, A2, M.
    const [a1, a2] = exits(merge(['t1', 't2'], true));
    expect(a1).toEqual(expected[0]);
    expect(a2).toEqual(expected[1]);
  });
});
