// The vehicle gauges are sampled at the end of every report bin, the last one too when it
// is shorter than the others (a horizon that is not a multiple of the bin), so the time
// series has them in its last row like in every other.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { timeseriesCsv } from '../../src/report/csv.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   town ──1 km, 360 veh/h──► out; 100 cars ready at 0 s: the last leaves after 99 headways
//   of 10 s, at 990 s plus its free-flow time, long after a horizon of 700 s.
function slowRoad(horizon: number, reportBinSeconds: number) {
  const s = scenario({ nodes: ['town', 'out'], horizon, reportBinSeconds, orders: [order(['town'])] });
  s.network.roads = [road('r', 'town', 'out', { capacityVehPerHour: 360 })];
  s.settlements = [settlement('town', 'town', 100)];
  s.shelters = [exit('out', 'out')];
  return s;
}

describe('the samples of a run', () => {
  it('end at the horizon when it cuts a bin short, with the vehicles still out then', () => {
    const r = simulate(slowRoad(700, 300));
    expect(r.endTime).toBe(700);
    expect(r.samples.time).toEqual([300, 600, 700]);
    // 700 s: the road has let out about 70 cars at one per 10 s; the rest are on it or at the origin.
    const out = r.samples.vehiclesOnRoad[2] + r.samples.vehiclesQueuedAtOrigin[2];
    expect(out).toBeGreaterThan(20);
    expect(out).toBeLessThan(r.samples.vehiclesOnRoad[1] + r.samples.vehiclesQueuedAtOrigin[1]);
    const last = timeseriesCsv(r).trim().split('\n').at(-1)?.split(',') ?? [];
    expect(last[0]).toBe('700');
    expect(last.slice(11, 13).map(Number)).toEqual([r.samples.vehiclesOnRoad[2], r.samples.vehiclesQueuedAtOrigin[2]]);
  });

  it('have the horizon alone when the horizon comes before the first bin ends', () => {
    const r = simulate(slowRoad(250, 300));
    expect(r.samples.time).toEqual([250]);
    expect(r.samples.vehiclesOnRoad[0] + r.samples.vehiclesQueuedAtOrigin[0]).toBeGreaterThan(50);
  });

  it('are at bin ends alone when the horizon is a multiple of the bin', () => {
    expect(simulate(slowRoad(900, 300)).samples.time).toEqual([300, 600, 900]);
  });
});
