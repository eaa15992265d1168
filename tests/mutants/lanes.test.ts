// Every lane counts: a road's default capacity is its class's capacity per lane
// times its lanes, and it holds lanes × length ÷ jam spacing vehicles.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

function arrivals(s: Scenario): number[] {
  const r = simulate(s);
  const out: number[] = [];
  for (let i = 0; i < r.log.length; i++) {
    if (r.log.kind[i] === LogKind.Evacuated) for (let k = 0; k < r.log.people[i]; k++) out.push(r.log.time[i]);
  }
  return out;
}

describe('default capacity counts every lane', () => {
  //   town ──r (1 km, primary: 80 km/h, 1,500 veh/h a lane, no capacity given)──► out
  const primary = (lanes: number) =>
    scenario({
      nodes: ['town', 'out'],
      network: {
        nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'out', x: 1000, y: 0 }],
        roads: [road('r', 'town', 'out', { class: 'primary', lanes })],
      },
      settlements: [settlement('town', 'town', 10)],
      shelters: [exit('out', 'out')],
      orders: [order(['town'])],
    });

  for (const [lanes, headway] of [[1, 2.4], [2, 1.2], [3, 0.8]]) {
    it(`${lanes} lane(s): 10 cars arrive ${headway} s apart after the free-flow 45 s`, () => {
      const times = arrivals(primary(lanes));
      expect(times).toHaveLength(10);
      for (const [k, t] of times.entries()) expect(t).toBeCloseTo(45 + headway * k, 9);
    });
  }
});

describe('storage counts every lane', () => {
  //   a ══r1 (150 m, 2 lanes: holds 150 × 2 ÷ 7.5 = 40)══► b ──r2 (1 km, 36 veh/h)──► out
  const holding = (lanes: number) =>
    scenario({
      nodes: ['a', 'b', 'out'],
      network: {
        nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 150, y: 0 }, { id: 'out', x: 1150, y: 0 }],
        roads: [
          road('r1', 'a', 'b', { lengthKm: 0.15, lanes, capacityVehPerHour: 3600 }),
          road('r2', 'b', 'out', { lengthKm: 1, capacityVehPerHour: 36 }),
        ],
      },
      settlements: [settlement('a', 'a', 100)],
      shelters: [exit('out', 'out')],
      orders: [order(['a'])],
      horizon: 3600,
    });

  for (const [lanes, held] of [[1, 20], [2, 40], [3, 60]]) {
    it(`${lanes} lane(s) of 150 m hold ${held} cars behind the bottleneck`, () => {
      const r1 = simulate(holding(lanes)).links.find((l) => l.id === 'r1');
      // 100 cars queue for a road that lets one out every 100 s: the first link fills.
      expect(r1?.peakQueue).toBe(held);
    });
  }
});
