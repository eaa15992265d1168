// A capacity in force above the top of a road's triangle: a control point raising it, or a
// weather speed factor without a capacity factor. The wave then runs as fast as the
// triangle through that capacity needs, so the road's upstream end takes what its
// downstream end lets out, smoothly, one headway apart.
//
//   o ──U (1 km, two lanes, 3,600 veh/h)──► p ──A (1 km, one lane, 36 km/h, 600 veh/h)──► x
//
// A's default triangle: v = 10 m/s, C = 1/6 veh/s, k_j = 1/7.5 veh/m, so w = C / (k_j − C/v)
// = 1.43 m/s and a top of J / (L/v + L/w) = 133.3 / (100 + 700 s) = 600 veh/h, its capacity.
// 600 cars released at o reach p one a second and queue there for A.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import type { HazardSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const CARS = 600;

function corridor(hazards: HazardSpec[]): Scenario {
  return scenario({
    nodes: ['o', 'p', 'x'],
    network: {
      nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'p', x: 1000, y: 0 }, { id: 'x', x: 2000, y: 0 }],
      roads: [
        road('U', 'o', 'p', { lanes: 2, speedKmh: 36, capacityVehPerHour: 3600 }),
        road('A', 'p', 'x', { speedKmh: 36, capacityVehPerHour: 600 }),
      ],
    },
    settlements: [settlement('o', 'o', CARS)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'])],
    hazards,
  });
}

function entriesOfA(s: Scenario): number[] {
  const entries: number[] = [];
  simulate(s, { trace: (l, _v, t, entering) => { if (l === 1 && entering) entries.push(t); } });
  return entries;
}

describe('a capacity in force above the top of the triangle', () => {
  it('a control point doubling A: every car enters A 3 s after the one before, the last at 100 + 3 · 599 s', () => {
    // Before, A took its 133 cars of storage 3 s apart and then nothing for 403 s, until
    // the first exit's freed space had come back at the old wave speed: 600 veh/h on
    // average, the last car in at 3,497 s and out at 3,597 s instead of 1,997 s.
    const entries = entriesOfA(corridor([{ kind: 'control', roads: ['A'], capacityFactor: 2, direction: 'forward', from: 0, until: null }]));
    expect(entries).toHaveLength(CARS);
    for (let k = 1; k < CARS; k++) expect(entries[k] - entries[k - 1]).toBeCloseTo(3, 9);
    expect(entries[CARS - 1]).toBeCloseTo(100 + 3 * (CARS - 1), 9);
  });

  it('a weather speed factor of 0.5 on A: one car every 6 s, as its capacity says, the last at 100 + 6 · 599 s', () => {
    // At 5 m/s, A's triangle through 600 veh/h needs w = C / (k_j − C/v) = 1.67 m/s; with
    // the old 1.43 m/s its top was 533 veh/h, and A took its storage 6 s apart, then waited
    // 106 s: the last car entered 400 s late.
    const entries = entriesOfA(corridor([
      { kind: 'weather', condition: null, speedFactor: 0.5, capacityFactor: 1, roads: ['A'], classes: [], from: 0, until: null },
    ]));
    expect(entries).toHaveLength(CARS);
    for (let k = 1; k < CARS; k++) expect(entries[k] - entries[k - 1]).toBeCloseTo(6, 9);
    expect(entries[CARS - 1]).toBeCloseTo(100 + 6 * (CARS - 1), 9);
  });

  it('a speed factor so low that no wave carries the capacity: A carries k_j · v', () => {
    // At 0.5 m/s (factor 0.05), 600 veh/h is above k_j · v = 240 veh/h: no congested branch,
    // the wave is instant, and the top is J / (L/v) = 133.3 / 2,000 s = 240 veh/h, one car
    // every 15 s (with a wave at the free speed it was half that: one every 30 s).
    const entries = entriesOfA(corridor([
      { kind: 'weather', condition: null, speedFactor: 0.05, capacityFactor: 1, roads: ['A'], classes: [], from: 0, until: null },
    ]));
    // A takes 133 whole cars of its 133.3 of storage; the 134th waits for the first exit
    // (100 + 2,000 s), 5 s beyond its slot: the third of a space is no room for a car.
    const head = entries.slice(0, 200);
    for (let k = 1; k < head.length; k++) expect(head[k] - head[k - 1]).toBeCloseTo(k === 133 ? 20 : 15, 6);
    expect(head[133]).toBeCloseTo(2100, 6);
  });
});
