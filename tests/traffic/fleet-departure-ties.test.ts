// A bus setting off from its pickup at the instant a car reaches the node competes with
// the car for the road on (the node model picks), whichever of their events was scheduled
// first: fleet events, like departures, come first at their instant. Before, the car took
// the road alone when its head event happened to be scheduled before the bus's.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   u ──A (1 km at 36 km/h: 100 s; 600 veh/h)──► n ──M (1,800 veh/h)──► x
// One car leaves u at 0 s and reaches n at 100 s. A bus parked at n boards the school's one
// pupil from when the pupil is ready until 100 s and sets off then. Ready at 0 s, the bus's
// event for 100 s is scheduled before the car's head event for 100 s (scheduled as the car
// enters A); ready at 40 s, after it. The bus weighs as much as M (an origin
// merges as wide as the link it loads onto), three times A: the node model lets it go
// first, and A's car one headway of M (2 s) later.
function tie(pupilReady: number): Scenario {
  const town = settlement('u', 'u', 1);
  const school = settlement('school', 'n', 1, { facility: 'school', mobilization: { kind: 'fixed', median: pupilReady, shape: null } });
  const s = scenario({ nodes: ['u', 'n', 'x'], orders: [order(['u', 'school'])] });
  s.network.roads = [
    road('A', 'u', 'n', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 600 }),
    road('M', 'n', 'x', { capacityVehPerHour: 1800 }),
  ];
  s.settlements = [town, school];
  s.shelters = [exit('x', 'x')];
  s.fleets = [{
    id: 'bus', depot: 'n', vehicles: 1, seats: 1, boardingSecondsPerPerson: 100 - pupilReady, serves: ['school'], mode: 'road',
    from: 0, headway: null, timetable: [],
  }];
  return s;
}

/** When the car on A left it for M, and when the bus left n's origin queue for M. */
function exits(s: Scenario): { car: number; bus: number } {
  const onM: number[] = [];
  const offA: number[] = [];
  simulate(s, {
    trace: (l, _v, t, entering) => {
      if (!entering && l === 0) offA.push(t);
      if (entering && l === 1) onM.push(t);
    },
  });
  expect(offA).toHaveLength(1);
  expect(onM).toHaveLength(2);
  return { car: offA[0], bus: onM.find((t) => t !== offA[0]) as number };
}

describe('a bus setting off at the instant a car reaches its node', () => {
  it('competes with the car at the merge, whenever its event was scheduled', () => {
    expect(exits(tie(0))).toEqual({ car: 102, bus: 100 });
    expect(exits(tie(40))).toEqual({ car: 102, bus: 100 });
  });
});
