// A car departing at the instant another car reaches its node competes with it for the
// road on (the node model picks), whichever of their events was scheduled first:
// departures come first at their instant, so the arriving head sees the departing one.
// Before, the head took the road alone when its event happened to run first.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   u ──A (1 km at 36 km/h: 100 s; 600 veh/h)──► n ──M (1,800 veh/h)──► x
//   w ──W──► y (elsewhere)
// One car leaves u at 0 s and reaches n at 100 s, when one car of n departs. The car of n
// weighs as much as M (an origin merges as wide as the link it loads onto), three times A:
// the node model lets it go first, and A's car one headway of M (2 s) later.
function tie(withOtherDeparture: boolean): Scenario {
  const s = scenario({
    nodes: ['u', 'n', 'x', 'w', 'y'],
    orders: [order(['u'], { at: 0 }), order(['n'], { at: 100 }), ...(withOtherDeparture ? [order(['w'], { at: 50 })] : [])],
  });
  s.network.roads = [
    road('A', 'u', 'n', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 600 }),
    road('M', 'n', 'x', { capacityVehPerHour: 1800 }),
    road('W', 'w', 'y'),
  ];
  s.settlements = [settlement('u', 'u', 1), settlement('n', 'n', 1), settlement('w', 'w', withOtherDeparture ? 1 : 0)];
  s.shelters = [exit('x', 'x'), exit('y', 'y')];
  return s;
}

/** When the car on A left it for M. */
function exitOfA(s: Scenario): number {
  const exits: number[] = [];
  simulate(s, { trace: (l, _v, t, entering) => !entering && l === 0 && exits.push(t) });
  expect(exits).toHaveLength(1);
  return exits[0];
}

describe('a departure at the instant a head reaches its node', () => {
  it('competes with the head at the merge, whatever was scheduled in between', () => {
    // Alone, the departure event for 100 s is scheduled at 0 s, before A's head event; with
    // a departure at 50 s in between, it is scheduled after it.
    expect(exitOfA(tie(false))).toBe(102);
    expect(exitOfA(tie(true))).toBe(102);
  });
});
