// The vehicle gauges of a report bin are read at the end of the bin's last instant, after
// every event at it, as the people counts of the time series are: a car arriving exactly at
// a bin's end is off the road in that row, and a run whose last arrival is at a bin's end
// ends with that bin.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { timeseriesCsv } from '../../src/report/csv.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   town ──1 km at 72 km/h (50 s), 1,800 veh/h──► out; `cars` cars ready at 0 s enter 2 s
//   apart and arrive at 50 + 2k s: with 1,776 cars the last arrives at 3,600 s, the end of
//   the first one-hour bin; with 1,777, one more arrives at 3,602 s.
function road1800(cars: number) {
  const s = scenario({ nodes: ['town', 'out'], orders: [order(['town'])] });
  s.network.roads = [road('r', 'town', 'out', { speedKmh: 72, capacityVehPerHour: 1800 })];
  s.settlements = [settlement('town', 'town', cars)];
  s.shelters = [exit('out', 'out')];
  return s;
}

/** The time series rows as [time, inTransit, vehiclesOnRoad]. */
function rows(cars: number): number[][] {
  const lines = timeseriesCsv(simulate(road1800(cars))).trim().split('\n').slice(1);
  return lines.map((line) => line.split(',')).map((f) => [Number(f[0]), Number(f[5]), Number(f[11])]);
}

describe('the vehicle gauges at the end of a bin', () => {
  it('count a car arriving at the instant the bin ends as off the road, as the people counts do', () => {
    // 3,600 s: the car of 3,600 s has arrived, the one of 3,602 s is on the road.
    expect(rows(1777)).toEqual([[3600, 1, 1], [7200, 0, 0]]);
  });

  it('end the run with the bin of its last arrival when that comes at the bin end', () => {
    const r = simulate(road1800(1776));
    expect(r.endTime).toBe(3600);
    expect(r.samples.time).toEqual([3600]);
    expect(rows(1776)).toEqual([[3600, 0, 0]]);
  });
});
