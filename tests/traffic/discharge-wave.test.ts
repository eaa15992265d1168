// A blockage lifted at the front of a long standing queue: the space it frees reaches
// the back of each link a wave-time later (length ÷ backward wave speed), within one
// headway, and no vehicle enters before. The exits before the lift were hours apart;
// counting the space of the first exit after it as freed bit by bit since the last one
// before it let a vehicle in up to a whole wave-time early.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import type { RoadSpec } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   o ──A (10 km)──► b ──D (100 m, blocked until T)──► x         (one road)
//   o ──A (3 km)──► p ══B (2 km, 2 lanes)══► q ──C (1 km)──► r ──D──► x   (a chain)
// 72–90 km/h, 1,800 veh/h a lane, jam 7.5 m: each link's wave speed is its triangle's,
// w = C / (k_j − C / v). A traffic control point holds D at 0.18 veh/h until T = 7,200 s,
// when it discharges 1,800 veh/h; the links upstream are full by then.
const T = 7200;
const lane = 1800 / 3600;
const kj = 1 / 7.5;

function blocked(roads: [string, string, string, Partial<RoadSpec>][]) {
  const ids = [...new Set(roads.flatMap(([, from, to]) => [from, to]))];
  const s = scenario({
    nodes: ids,
    network: {
      nodes: ids.map((id, i) => ({ id, x: i * 1000, y: 0 })),
      roads: roads.map(([id, from, to, fields]) => road(id, from, to, fields)),
    },
    settlements: [settlement('o', 'o', 3000)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'])],
    hazards: [{ kind: 'control', roads: ['D'], capacityFactor: 0.0001, direction: 'both', from: 0, until: T }],
  });
  const entries: number[][] = roads.map(() => []);
  simulate(s, { trace: (l, _v, t, entering) => { if (entering && l < roads.length) entries[l].push(t); } });
  return entries.map((e) => e.filter((t) => t >= T));
}

const D: [string, string, string, Partial<RoadSpec>] = ['D', '', 'x', { lengthKm: 0.1, speedKmh: 90, capacityVehPerHour: 1800 }];

describe('a blockage lifted at the front of a standing queue', () => {
  it('a 10 km queue: its back takes the next vehicle 10 km ÷ w after the lift, none before', () => {
    const w = lane / (kj - lane / 25); // 4.41 m/s at 90 km/h
    const [afterLift] = blocked([['A', 'o', 'b', { lengthKm: 10, speedKmh: 90, capacityVehPerHour: 1800 }], [D[0], 'b', D[2], D[3]]]);
    expect(Math.abs(afterLift[0] - (T + 10_000 / w))).toBeLessThanOrEqual(2); // 9,466.7 s
  });

  it('a chain: the discharge wave reaches the back of C, then B, then A, each within one headway', () => {
    const w = lane / (kj - lane / 20); // 4.62 m/s at 72 km/h, one lane or two alike
    const [a, b, c] = blocked([
      ['A', 'o', 'p', { lengthKm: 3, speedKmh: 72, capacityVehPerHour: 1800 }],
      ['B', 'p', 'q', { lengthKm: 2, lanes: 2, speedKmh: 72, capacityVehPerHour: 3600 }],
      ['C', 'q', 'r', { lengthKm: 1, speedKmh: 72, capacityVehPerHour: 1800 }],
      [D[0], 'r', D[2], D[3]],
    ]);
    expect(Math.abs(c[0] - (T + 1000 / w))).toBeLessThanOrEqual(2); // 7,416.7 s
    expect(Math.abs(b[0] - (T + 3000 / w))).toBeLessThanOrEqual(2); // 7,850 s
    expect(Math.abs(a[0] - (T + 6000 / w))).toBeLessThanOrEqual(2); // 8,500 s
  });
});
