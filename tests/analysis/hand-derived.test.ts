// Network analysis on tiny networks whose every figure is worked out by hand in the
// comments: two parallel routes, a bridge, a one-way trap beside a second exit and a
// part of the network apart from the rest, and two equally fast routes of different
// lengths on the way.
import { describe, expect, it } from 'vitest';
import { analyzeNetwork, type NetworkAnalysis } from '../../src/analysis/analyze.js';
import type { RoadSpec } from '../../src/scenario/types.js';
import { exit, road, scenario, settlement } from '../helpers/build.js';

const at60 = (fields: Partial<RoadSpec> = {}): Partial<RoadSpec> => ({ speedKmh: 60, ...fields });

/** Busiest roads as link → people. */
const load = (a: NetworkAnalysis) => Object.fromEntries(a.busiestRoads.map((r) => [r.link, r.people]));

/** Central roads as link → betweenness × ordered pairs, rounded off floating-point sums. */
const pairs = (a: NetworkAnalysis, n: number) =>
  Object.fromEntries((a.centralRoads ?? []).map((r) => [r.link, Math.round(r.betweenness * n * (n - 1) * 1e9) / 1e9]));

describe('two parallel routes', () => {
  //   S ─p1 (2 km, 800)→ A ─p2 (1 km, 500)→ E      180 s
  //   S ─q1 (1 km, 300)→ B ─q2 (3 km, 700)→ E      240 s
  // 1,000 people in households of 2.5: 400 vehicles.
  const s = scenario({
    nodes: ['S', 'A', 'B', 'E'],
    network: {
      nodes: ['S', 'A', 'B', 'E'].map((id, i) => ({ id, x: i * 1000, y: 0 })),
      roads: [
        road('p1', 'S', 'A', at60({ lengthKm: 2, capacityVehPerHour: 800 })),
        road('p2', 'A', 'E', at60({ lengthKm: 1, capacityVehPerHour: 500 })),
        road('q1', 'S', 'B', at60({ lengthKm: 1, capacityVehPerHour: 300 })),
        road('q2', 'B', 'E', at60({ lengthKm: 3, capacityVehPerHour: 700 })),
      ],
    },
    settlements: [settlement('town', 'S', 1000)],
    shelters: [exit('E', 'E')],
    households: { size: 2.5, carShare: 1 },
  });
  const a = analyzeNetwork(s);

  it('reaches the exit in 180 s by the faster route, which alone carries the people', () => {
    expect(a.settlements[0].reaches.map((r) => [r.id, r.kind])).toEqual([['E', 'exit']]);
    expect(a.settlements[0].reaches[0].seconds).toBeCloseTo(180, 9);
    expect(load(a)).toEqual({ p1: 1000, p2: 1000 });
  });

  it('has no critical link: the two routes share none', () => {
    expect(a.settlements[0].criticalLinks).toEqual([]);
    expect(a.criticalRoads).toEqual([]);
  });

  it('cuts the narrower link of each route: 500 + 300 veh/h, 400 vehicles in half an hour', () => {
    // After the flow, S still reaches A over p1 (300 left) and nothing else: the cut is p2 and q1.
    expect(a.cuts.find((c) => c.zone === 'town')).toEqual({
      kind: 'settlement', zone: 'town', population: 1000, capacityVehPerHour: 800, cut: ['p2', 'q1'], lowerBoundHours: 0.5,
    });
  });

  it('betweenness: p1 and p2 on two of the 12 ordered pairs, q1 and q2 on one', () => {
    // S→A, S→E over p1; S→E, A→E over p2; S→B over q1; B→E over q2.
    expect(pairs(a, 4)).toEqual({ p1: 2, p2: 2, q1: 1, q2: 1 });
  });
});

describe('a bridge behind two roads', () => {
  //        a
  //   v <     > c ═bridge═ d ─r5─ E      every road two-way, 1 km at 60 km/h, 600 veh/h
  //        b
  // r1 v–a, r2 v–b, r3 a–c, r4 b–c. 500 people in households of 2.5: 200 vehicles.
  const s = scenario({
    nodes: ['v', 'a', 'b', 'c', 'd', 'E'],
    network: {
      nodes: ['v', 'a', 'b', 'c', 'd', 'E'].map((id, i) => ({ id, x: i * 1000, y: 0 })),
      roads: [
        road('r1', 'v', 'a', at60({ oneway: false })),
        road('r2', 'v', 'b', at60({ oneway: false })),
        road('r3', 'a', 'c', at60({ oneway: false })),
        road('r4', 'b', 'c', at60({ oneway: false })),
        road('bridge', 'c', 'd', at60({ oneway: false })),
        road('r5', 'd', 'E', at60({ oneway: false })),
      ],
    },
    settlements: [settlement('village', 'v', 500)],
    shelters: [exit('E', 'E')],
    households: { size: 2.5, carShare: 1 },
  });
  const a = analyzeNetwork(s);

  it('finds the bridge and the road after it on every route, and nothing before them', () => {
    expect(a.settlements[0].reaches[0].seconds).toBeCloseTo(240, 9);
    expect(a.settlements[0].criticalLinks).toEqual(['bridge', 'r5']);
    expect(a.criticalRoads.map((r) => [r.link, r.people])).toEqual([['bridge', 500], ['r5', 500]]);
  });

  it('splits the people evenly round the two sides of the square', () => {
    expect(load(a)).toEqual({ r1: 250, r2: 250, r3: 250, r4: 250, bridge: 500, r5: 500 });
  });

  it('cuts at the bridge: 600 veh/h, 200 vehicles in a third of an hour', () => {
    const cut = a.cuts.find((c) => c.zone === 'village');
    expect(cut).toMatchObject({ capacityVehPerHour: 600, cut: ['bridge'] });
    expect(cut?.lowerBoundHours).toBeCloseTo(1 / 3, 12);
  });

  it('betweenness over the 30 ordered pairs of six nodes', () => {
    // bridge: 4 nodes before it × 2 after; r5: 5 × 1. r1 (v→a): v→a, half of v→c, v→d, v→E
    // and of b→a = 3. r3 (a→c): a→c, a→d, a→E, half of v→c, v→d, v→E and of a→b = 5.
    // The network is symmetric, so each way back carries as much as its road.
    expect(pairs(a, 6)).toEqual({
      bridge: 8, 'bridge:back': 8, r5: 5, 'r5:back': 5,
      r1: 3, 'r1:back': 3, r2: 3, 'r2:back': 3, r3: 5, 'r3:back': 5, r4: 5, 'r4:back': 5,
    });
  });
});

describe('a one-way trap, a farther exit and a part of its own', () => {
  //   S ─sE1 (1 km, 300)→ E1       S ─sE2 (5 km, 200)→ E2       S ─st (1 km, 1000)→ T (no way out)
  //   X ═xy (2 km, 250, two-way)═ Y ─yE3 (1 km, 500)→ E3   (no road between the two parts)
  const s = scenario({
    nodes: ['S', 'T', 'E1', 'E2', 'X', 'Y', 'E3'],
    network: {
      nodes: ['S', 'T', 'E1', 'E2', 'X', 'Y', 'E3'].map((id, i) => ({ id, x: i * 1000, y: 0 })),
      roads: [
        road('sE1', 'S', 'E1', at60({ capacityVehPerHour: 300 })),
        road('sE2', 'S', 'E2', at60({ lengthKm: 5, capacityVehPerHour: 200 })),
        road('st', 'S', 'T', at60({ capacityVehPerHour: 1000 })),
        road('xy', 'X', 'Y', at60({ lengthKm: 2, capacityVehPerHour: 250, oneway: false })),
        road('yE3', 'Y', 'E3', at60({ capacityVehPerHour: 500 })),
      ],
    },
    settlements: [settlement('s', 'S', 100), settlement('t', 'T', 40), settlement('x', 'X', 70)],
    shelters: [exit('E1', 'E1'), exit('E2', 'E2'), exit('E3', 'E3')],
  });
  const a = analyzeNetwork(s);

  it('lists every destination reached, nearest first, and none from the trap', () => {
    const [fromS, fromT, fromX] = a.settlements;
    expect(fromS.reaches.map((r) => r.id)).toEqual(['E1', 'E2']);
    expect(fromS.reaches[0].seconds).toBeCloseTo(60, 9);
    expect(fromS.reaches[1].seconds).toBeCloseTo(300, 9);
    expect(fromT.reaches).toEqual([]);
    expect(fromX.reaches.map((r) => r.id)).toEqual(['E3']);
    expect(fromX.reaches[0].seconds).toBeCloseTo(180, 9);
  });

  it('counts a link critical only when no route to any destination avoids it', () => {
    // S reaches E2 without sE1; the trap has no route at all; X has one.
    expect(a.settlements.map((x) => x.criticalLinks)).toEqual([[], [], ['xy', 'yE3']]);
    expect(a.criticalRoads.map((r) => [r.link, r.people])).toEqual([['xy', 70], ['yE3', 70]]);
    expect(load(a)).toEqual({ sE1: 100, xy: 70, yE3: 70 });
  });

  it('cuts each zone at its own exits: both of S, none for the trap, xy for X, all three for the area', () => {
    const cut = Object.fromEntries(a.cuts.map((c) => [c.zone, [c.capacityVehPerHour, c.cut, c.lowerBoundHours]]));
    expect(cut).toEqual({
      s: [500, ['sE1', 'sE2'], 100 / 500],
      t: [null, [], null],
      x: [250, ['xy'], 70 / 250],
      // The trap's 40 people count in the area's households: the bound holds, as they never leave.
      all: [750, ['sE1', 'sE2', 'xy'], 210 / 750],
    });
  });
});

describe('two equally fast routes of different lengths on the way', () => {
  //   s ─sm (0.1 km)→ m ─mt (1.9 km)→ t        s ─st (2 km)→ t        tertiary, 50 km/h: 144 s either way
  // In floating point 7.2 s + 136.8 s adds up to 143.99999999999997 s, and 2 km takes 144 s.
  const s = scenario({
    nodes: ['s', 'm', 't'],
    network: {
      nodes: ['s', 'm', 't'].map((id, i) => ({ id, x: i * 1000, y: 0 })),
      roads: [
        road('sm', 's', 'm', { class: 'tertiary', lengthKm: 0.1 }),
        road('mt', 'm', 't', { class: 'tertiary', lengthKm: 1.9 }),
        road('st', 's', 't', { class: 'tertiary', lengthKm: 2 }),
      ],
    },
    settlements: [settlement('town', 's', 100)],
    shelters: [exit('t', 't')],
  });
  const a = analyzeNetwork(s);

  it('reaches the exit in 144 s', () => {
    expect(a.settlements[0].reaches[0].seconds).toBeCloseTo(144, 9);
  });

  it('splits the people half and half over the two routes', () => {
    expect(load(a)).toEqual({ sm: 50, mt: 50, st: 50 });
  });

  it('splits the pair s → t half and half in the betweenness', () => {
    // s→m over sm, m→t over mt, and s→t half over sm and mt, half over st.
    expect(pairs(a, 3)).toEqual({ sm: 1.5, mt: 1.5, st: 0.5 });
  });
});

describe('two exits equally far by routes of different lengths', () => {
  //   s ─sm (0.1 km)→ m ─mX (1.9 km)→ X        s ─sY (2 km)→ Y        tertiary, 50 km/h: 144 s to either
  const s = scenario({
    nodes: ['s', 'm', 'X', 'Y'],
    network: {
      nodes: ['s', 'm', 'X', 'Y'].map((id, i) => ({ id, x: i * 1000, y: 0 })),
      roads: [
        road('sm', 's', 'm', { class: 'tertiary', lengthKm: 0.1 }),
        road('mX', 'm', 'X', { class: 'tertiary', lengthKm: 1.9 }),
        road('sY', 's', 'Y', { class: 'tertiary', lengthKm: 2 }),
      ],
    },
    settlements: [settlement('town', 's', 100)],
    shelters: [exit('X', 'X'), exit('Y', 'Y')],
  });

  it('sends half the people to each, the nearest destinations both', () => {
    const a = analyzeNetwork(s);
    expect(a.settlements[0].reaches.map((r) => r.seconds.toFixed(9))).toEqual(['144.000000000', '144.000000000']);
    expect(load(a)).toEqual({ sm: 50, mX: 50, sY: 50 });
  });
});

describe('parallel roads in the betweenness', () => {
  //   s ─p (1 km)→ t,  s ─q (1 km)→ t,  s ─r (2 km)→ t: of the two ordered pairs only s → t has a route
  it('shares the pair between the equally fast ones and gives the slower none', () => {
    const s = scenario({
      nodes: ['s', 't'],
      network: {
        nodes: [{ id: 's', x: 0, y: 0 }, { id: 't', x: 1000, y: 0 }],
        roads: [road('p', 's', 't'), road('q', 's', 't'), road('r', 's', 't', { lengthKm: 2 })],
      },
      settlements: [settlement('town', 's', 10)],
      shelters: [exit('t', 't')],
    });
    expect(pairs(analyzeNetwork(s), 2)).toEqual({ p: 0.5, q: 0.5 });
  });
});
