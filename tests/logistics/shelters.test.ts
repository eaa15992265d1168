// A shelter that fills: arrivals beyond its capacity go on to the next destination.
//
//   town ──1 km── shelter (capacity 7) ──1 km── exit
//
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

describe('shelter capacity', () => {
  const s = scenario({
    nodes: [],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'mid', x: 1000, y: 0 }, { id: 'far', x: 2000, y: 0 }],
      roads: [road('a', 'town', 'mid', { speedKmh: 36 }), road('b', 'mid', 'far', { speedKmh: 36 })],
    },
    settlements: [settlement('town', 'town', 20)],
    shelters: [exit('shelter', 'mid', 7), exit('edge', 'far')],
    households: { size: 3, carShare: 1 },
    orders: [order(['town'])],
  });

  it('admits people up to its capacity and sends the rest on to the exit', () => {
    const r = simulate(s);
    const byDestination = [0, 0];
    for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) byDestination[r.log.destination[i]] += r.log.people[i];
    expect(byDestination).toEqual([7, 13]);
    // All 7 cars are on the road to the shelter when the third fills it (at 112 s): that
    // one goes on with the 2 people who did not fit, and the 4 behind it turn to the exit.
    expect(r.vehicles.rerouted).toBe(5);
    expect(r.vehicles.reroutedBy).toEqual({ fullShelter: 5, hazard: 0, congestion: 0 });
  });
});
