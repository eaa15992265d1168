// Rail slots: a timetable is read in time order, whatever order the file lists it in;
// a headway gives a departure every headway from the fleet's start, each used once.
//
//   station ══rail 6 km, 60 km/h (360 s)══ terminal (exit, depot)
//
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { FleetSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

function line(train: Partial<FleetSpec>): Scenario {
  return scenario({
      nodes: [],
      network: {
        nodes: [{ id: 'station', x: 0, y: 0 }, { id: 'terminal', x: 6000, y: 0 }],
        roads: [road('rail', 'station', 'terminal', { lengthKm: 6, speedKmh: 60, capacityVehPerHour: 4, mode: 'rail', oneway: false })],
      },
      settlements: [settlement('town', 'station', 100)],
      shelters: [exit('terminal', 'terminal')],
      households: { size: 1, carShare: 0 },
      orders: [order(['town'])],
      fleets: [{
        id: 'train', depot: 'terminal', vehicles: 1, seats: 60, boardingSecondsPerPerson: 1, serves: [], mode: 'rail',
        from: 0, headway: null, timetable: [], ...train,
      }],
    });
}

function arrivals(s: Scenario): [number, number][] {
  const r = simulate(s);
  const out: [number, number][] = [];
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) out.push([r.log.time[i], r.log.people[i]]);
  return out;
}

describe('rail slots', () => {
  it('a timetable listed out of order runs in time order: 1000, then 3000 (5000 is not needed)', () => {
    // 1000: station 1360, 60 board in 60 s, terminal 1780; 3000: station 3360, 40 s, terminal 3760.
    expect(arrivals(line({ timetable: [5000, 1000, 3000] }))).toEqual([[1780, 60], [3760, 40]]);
  });

  it('a headway of 2000 s from 500 s: leaves at 500, back at 1280, waits for the 2500 slot', () => {
    // 500: station 860, 60 s, terminal 1280; the 2500 slot: station 2860, 40 s, terminal 3260.
    expect(arrivals(line({ headway: 2000, from: 500 }))).toEqual([[1280, 60], [3260, 40]]);
  });

  it('two trains on a headway of 2000 s share the slots: one leaves at 0, the other at 2000', () => {
    // 0: the first takes 60 (terminal 780); 2000: the second takes 40 (station 2360, terminal 2760).
    expect(arrivals(line({ headway: 2000, vehicles: 2 }))).toEqual([[780, 60], [2760, 40]]);
  });
});
