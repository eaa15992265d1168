// A road whose capacity reaches what its lanes hold at the free speed at jam spacing
// (k_j·v) has no congested branch. Below that line the triangle's wave carries the
// capacity, running faster as the capacity nears the line; at and beyond it the wave
// is instant and the road carries k_j·v, the limit from below. So what a road carries
// never falls when its capacity rises: with a wave at the free speed beyond the line
// it carried half, and 2,000 cars through one lane at 10 km/h cleared in 5,804 s at
// 1,333 veh/h and in 11,187 s at 1,334.
//
//   a ──in (1 km, 4 lanes, motorway)──► b ──slow (L km, n lanes, v km/h, C veh/h)──► c
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/network/build-graph.js';
import { carriedCapacity } from '../../src/network/carried.js';
import { compile } from '../../src/network/compile.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { clearance as clearanceOf } from '../../src/report/clearance.js';
import { simulate } from '../../src/simulation/index.js';
import type { Scenario } from '../../src/scenario/types.js';

interface Slow {
  lengthKm: number;
  lanes: number;
  speedKmh: number;
  capacity: number;
  cars: number;
}

function corridor(slow: Slow): Scenario {
  return parseScenario({
    name: 'no-congested-branch',
    horizon: '3d',
    network: {
      nodes: [
        { id: 'a', x: 0, y: 0 },
        { id: 'b', x: 1000, y: 0 },
        { id: 'c', x: 1000 + slow.lengthKm * 1000, y: 0 },
      ],
      roads: [
        { id: 'in', from: 'a', to: 'b', class: 'motorway', lanes: 4, oneway: true },
        { id: 'slow', from: 'b', to: 'c', lengthKm: slow.lengthKm, lanes: slow.lanes, speedKmh: slow.speedKmh, capacityVehPerHour: slow.capacity, oneway: true },
      ],
    },
    settlements: [{ id: 'a', node: 'a', population: slow.cars }],
    shelters: [{ id: 'c', node: 'c' }],
    households: { size: 1, carShare: 1 },
    orders: [{ at: 0, settlements: ['a'], compliance: 1, mobilization: { kind: 'fixed', median: 0 } }],
  });
}

function clearance(slow: Slow): number {
  return clearanceOf(simulate(corridor(slow))).p100 ?? Infinity;
}

function carried(slow: Slow): number {
  const net = compile(buildGraph(corridor(slow)));
  return carriedCapacity(net, net.linkIndex.get('slow') ?? -1);
}

describe('a capacity at or beyond what the lanes hold at the free speed', () => {
  // One lane at 10 km/h holds at most 10,000 m/h / 7.5 m = 1,333.3 veh/h.
  const lane = { lengthKm: 1, lanes: 1, speedKmh: 10, cars: 2000 };

  it('carries k_j·v: one lane at 10 km/h carries 1,333.3 veh/h whatever capacity above that it is given', () => {
    expect(carried({ ...lane, capacity: 1300 })).toBe(1300);
    for (const capacity of [1334, 2000, 10_000]) expect(carried({ ...lane, capacity })).toBeCloseTo(4000 / 3, 6);
  });

  it('2,000 cars clear one lane at 10 km/h at the same time on both sides of the line, not twice as late above it', () => {
    const below = clearance({ ...lane, capacity: 1333 });
    const above = clearance({ ...lane, capacity: 1334 });
    const far = clearance({ ...lane, capacity: 5000 });
    // 1,999 headways of 2.7 s after the first car, then 360 s on the lane: about 5,800 s.
    expect(below).toBeGreaterThan(5700);
    expect(below).toBeLessThan(5900);
    expect(Math.abs(above - below)).toBeLessThan(5);
    expect(far).toBeCloseTo(above, 6);
  });

  it('what a road carries, and how soon it clears, never worsen when its capacity rises', () => {
    fc.assert(
      fc.property(
        fc.record({
          lengthKm: fc.constantFrom(0.3, 1, 2.5),
          lanes: fc.integer({ min: 1, max: 3 }),
          speedKmh: fc.constantFrom(5, 10, 20, 30),
          cars: fc.integer({ min: 50, max: 400 }),
        }),
        // Capacities as fractions of k_j·v, on both sides of the line.
        fc.double({ min: 0.3, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (road, fraction, step) => {
          const line = (road.speedKmh * 1000 * road.lanes) / 7.5;
          const lower = { ...road, capacity: Math.round(fraction * line) };
          const higher = { ...road, capacity: Math.round((fraction + step) * line) };
          expect(carried(higher)).toBeGreaterThanOrEqual(carried(lower) * (1 - 1e-9));
          // A headway's rounding at the end of the run, at most.
          expect(clearance(higher)).toBeLessThanOrEqual(clearance(lower) + 3600 / carried(lower) + 1e-6);
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });
});
