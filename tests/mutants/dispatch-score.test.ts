// A free bus goes where waiting people × the longest wait among them is largest:
// one person who has waited 50 minutes counts for less than 100 who have waited
// 40 seconds (3,001 < 100 × 41 = 4,100), though the wait alone is far longer.
//
//   lone (1 person, ready at 0) ── 1 km ── depot (exit) ── 1 km ── crowd (100 people, ready at 2,960 s)
//
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { FleetSpec } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const bus: FleetSpec = {
  id: 'bus', depot: 'depot', vehicles: 1, seats: 100, boardingSecondsPerPerson: 1, serves: [], mode: 'road',
  from: 3000, headway: null, timetable: [],
};

const s = scenario({
  nodes: [],
  network: {
    nodes: [{ id: 'lone', x: -1000, y: 0 }, { id: 'depot', x: 0, y: 0 }, { id: 'crowd', x: 1000, y: 0 }],
    roads: [
      road('a', 'lone', 'depot', { speedKmh: 36, capacityVehPerHour: 3600, oneway: false }),
      road('b', 'depot', 'crowd', { speedKmh: 36, capacityVehPerHour: 3600, oneway: false }),
    ],
  },
  settlements: [settlement('lone', 'lone', 1), settlement('crowd', 'crowd', 100)],
  shelters: [exit('depot', 'depot')],
  households: { size: 1, carShare: 0 },
  orders: [order(['lone']), order(['crowd'], { at: 2960 })],
  fleets: [bus],
});

function boardings(sc: typeof s): [number, string, number][] {
  const r = simulate(sc);
  const out: [number, string, number][] = [];
  for (let i = 0; i < r.log.length; i++) {
    if (r.log.kind[i] === LogKind.Departed) out.push([r.log.time[i], r.settlements[r.log.settlement[i]].id, r.log.people[i]]);
  }
  return out;
}

describe('dispatch weighs people by their wait', () => {
  it('the bus fetches the 100 first, then the one who waited longest', () => {
    // depot → crowd 100 s, board 100 × 1 s, → depot 100 s (3,300), → lone 100 s, board 1 s.
    expect(boardings(s)).toEqual([[3100, 'crowd', 100], [3400, 'lone', 1]]);
    expect(simulate(s).fleets[0]).toMatchObject({ trips: 2, carried: 101, maxWaitSeconds: 3400 });
  });

  it('counts only the people a bus left behind: 20 and 12 waiting, 10 seats', () => {
    // All ready at 0, so the wait weighs alike and the larger number wins each time:
    // 20 at lone first; then 12 at crowd against the 10 left at lone; then 10 against 2.
    const even = {
      ...s,
      settlements: [settlement('lone', 'lone', 20), settlement('crowd', 'crowd', 12)],
      orders: [order(['lone', 'crowd'])],
      fleets: [{ ...bus, seats: 10, from: 0 }],
    };
    // Each leg 100 s, boarding 10 s; the bus unloads at the depot between pickups.
    expect(boardings(even)).toEqual([[100, 'lone', 10], [310, 'crowd', 10], [520, 'lone', 10], [730, 'crowd', 2]]);
  });
});
