// Phenomenon tests of the queue model (docs/design.md §2) on 2–4 node networks, with
// exact enter and leave times. Households have one person and one car each, so a
// vehicle is a person and the log shows each vehicle's arrival.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

/** Arrival times of every vehicle, in log order. */
function arrivals(s: Scenario): number[] {
  const r = simulate(s);
  const out: number[] = [];
  for (let i = 0; i < r.log.length; i++) {
    if (r.log.kind[i] === LogKind.Evacuated) for (let k = 0; k < r.log.people[i]; k++) out.push(r.log.time[i]);
  }
  return out;
}

/** Link entries and exits as [link, vehicle, time] lists. */
function traced(s: Scenario) {
  const enter: [number, number, number][] = [];
  const leave: [number, number, number][] = [];
  const result = simulate(s, { trace: (l, v, t, entering) => (entering ? enter : leave).push([l, v, t]) });
  return { enter, leave, result };
}

describe('single link', () => {
  //   town ──r (1 km, 36 km/h, C = 600 veh/h)──► out
  const oneLink = (population: number) =>
    scenario({
      nodes: ['town', 'out'],
      network: {
        nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'out', x: 1000, y: 0 }],
        roads: [road('r', 'town', 'out', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 600, lanes: 2 })],
      },
      settlements: [settlement('town', 'town', population)],
      shelters: [exit('out', 'out')],
      orders: [order(['town'])],
    });

  it('discharges N vehicles in N·3600/C seconds after the free-flow time', () => {
    const times = arrivals(oneLink(50));
    // free-flow time 100 s, then one vehicle every 6 s
    expect(times).toEqual(Array.from({ length: 50 }, (_, k) => 100 + 6 * k));
  });

  it('loads simultaneous departures onto the link one headway apart (inflow never above capacity)', () => {
    const { enter } = traced(oneLink(10));
    const onLink = enter.filter(([l]) => l === 0);
    expect(onLink.map(([, , t]) => t)).toEqual(Array.from({ length: 10 }, (_, k) => 6 * k));
  });

  it('keeps FIFO order: vehicles leave in the order they entered', () => {
    const { enter, leave } = traced(oneLink(30));
    const entered = enter.filter(([l]) => l === 0).map(([, v]) => v);
    const left = leave.filter(([l]) => l === 0).map(([, v]) => v);
    expect(left).toEqual(entered);
  });
});

describe('spillback and the backward wave', () => {
  //   a ──r1 (1 km, fast)──► b ──r2 (7.5 m, storage 1, C = 3600 veh/h, w = 0.27 km/h)──► c (exit)
  // r2 holds one vehicle; the space its exit frees needs 7.5 m ÷ 0.075 m/s = 100 s to reach its entry.
  const spill = scenario({
    nodes: ['a', 'b', 'c'],
    network: {
      nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }, { id: 'c', x: 1007.5, y: 0 }],
      roads: [
        road('r1', 'a', 'b', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 3600 }),
        road('r2', 'b', 'c', { lengthKm: 0.0075, speedKmh: 27, capacityVehPerHour: 3600, waveSpeedKmh: 0.27 }),
      ],
    },
    settlements: [settlement('a', 'a', 3)],
    shelters: [exit('c', 'c')],
    orders: [order(['a'])],
  });

  it('a full link holds the next head upstream until its freed space has travelled back', () => {
    const { enter, leave, result } = traced(spill);
    const r2 = 1;
    // vehicle 0 enters r2 at 100 s (free-flow on r1) and leaves at 101 s; each next one may
    // enter a wave-time (100 s) after the previous left, and leaves 1 s later.
    expect(enter.filter(([l]) => l === r2).map(([, , t]) => t)).toEqual([100, 201, 302]);
    expect(leave.filter(([l]) => l === r2).map(([, , t]) => t)).toEqual([101, 202, 303]);
    // the heads waited at the end of r1 meanwhile: nothing was pushed onto the full link
    expect(leave.filter(([l]) => l === 0).map(([, , t]) => t)).toEqual([100, 201, 302]);
    expect(result.vehicles.gridlocks).toBe(0);
  });
});

describe('bottleneck corridor (closed form)', () => {
  //   a ══r1 (5 km, 2 lanes, 100 km/h)══► b ──r2 (500 m, 1 lane, 50 km/h, 900 veh/h)──► c ──r3 (1 km, 100 km/h)──► d
  // All N cars leave at t = 0. The bottleneck discharges one car every 4 s, so the
  // last car arrives at T1 + T2 + T3 + (N − 1)·4 s = 180 + 36 + 36 + (N − 1)·4.
  it.each([1, 10, 500, 1200])('clears %i cars at the closed-form time', (n) => {
    const s = scenario({
      nodes: ['a', 'b', 'c', 'd'],
      network: {
        nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 5000, y: 0 }, { id: 'c', x: 5500, y: 0 }, { id: 'd', x: 6500, y: 0 }],
        roads: [
          road('r1', 'a', 'b', { lengthKm: 5, lanes: 2, speedKmh: 100, capacityVehPerHour: 3600 }),
          road('r2', 'b', 'c', { lengthKm: 0.5, speedKmh: 50, capacityVehPerHour: 900 }),
          road('r3', 'c', 'd', { lengthKm: 1, speedKmh: 100, capacityVehPerHour: 1800 }),
        ],
      },
      settlements: [settlement('a', 'a', n)],
      shelters: [exit('d', 'd')],
      orders: [order(['a'])],
    });
    const times = arrivals(s);
    expect(times.length).toBe(n);
    expect(times.at(-1)).toBeCloseTo(180 + 36 + 36 + (n - 1) * 4, 6);
  });
});

describe('departure queue', () => {
  //   a ──r (7.5 m, storage 1, C = 3600, a backward wave set to the free speed)──► b
  it('holds departures at the origin while the first link is full, in order, each a wave-time after the last left', () => {
    const s = scenario({
      nodes: ['a', 'b'],
      network: {
        nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 7.5, y: 0 }],
        roads: [road('r', 'a', 'b', { lengthKm: 0.0075, speedKmh: 27, capacityVehPerHour: 3600, waveSpeedKmh: 27 })],
      },
      settlements: [settlement('a', 'a', 3)],
      shelters: [exit('b', 'b')],
      orders: [order(['a'])],
    });
    const { enter } = traced(s);
    // r leaves a car 1 s after it enters; its freed space takes 7.5 m ÷ 7.5 m/s = 1 s to come back
    // (r's triangle tops out there, 1 car / 2 s: its 3,600 veh/h are what its lane holds at 27 km/h,
    // at which the wave it would have of its own is instant)
    expect(enter.filter(([l]) => l === 0).map(([, v, t]) => [v, t])).toEqual([[0, 0], [1, 2], [2, 4]]);
  });
});
