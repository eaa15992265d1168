// Closures, slowdowns, captures and fronts on small planar networks.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { HazardSpec, Scenario } from '../../src/scenario/types.js';
import { peopleAt } from '../../src/report/metrics.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { frontTakesBuses } from '../helpers/front-takes-buses.js';

function arrivals(s: Scenario): number[] {
  const r = simulate(s);
  const out: number[] = [];
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) out.push(r.log.time[i]);
  return out;
}

//   town ──short (1 km, 100 s)──► out
//     └────long (3 km, 300 s)─────┘
const twoRoutes = (hazards: HazardSpec[], population = 1) =>
  scenario({
    nodes: [],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'out', x: 1000, y: 0 }],
      roads: [
        road('short', 'town', 'out', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 3600 }),
        road('long', 'town', 'out', { lengthKm: 3, speedKmh: 36, capacityVehPerHour: 3600 }),
      ],
    },
    settlements: [settlement('town', 'town', population)],
    shelters: [exit('out', 'out')],
    orders: [order(['town'])],
    hazards,
  });

describe('closure', () => {
  it('sends vehicles the other way while a road is closed', () => {
    expect(arrivals(twoRoutes([]))).toEqual([100]);
    expect(arrivals(twoRoutes([{ kind: 'closure', roads: ['short'], from: 0, until: null }]))).toEqual([300]);
  });

  it('holds vehicles with no way out until the road opens, and counts them', () => {
    const closed: HazardSpec[] = [{ kind: 'closure', roads: ['short', 'long'], from: 0, until: 500 }];
    const r = simulate(twoRoutes(closed));
    expect(r.vehicles.noRouteWaits).toBe(1);
    const times = [];
    for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) times.push(r.log.time[i]);
    expect(times).toEqual([600]);
  });
});

describe('slowdown', () => {
  it('multiplies speed and capacity by its factor', () => {
    const slow: HazardSpec[] = [{ kind: 'slowdown', roads: ['short', 'long'], from: 0, until: null, factor: 0.5 }];
    // short: 200 s at half speed; capacity 1800/h: one vehicle every 2 s
    expect(arrivals(twoRoutes(slow, 3))).toEqual([200, 202, 204]);
  });
});

describe('capture', () => {
  //   village ──10 km (1000 s)──► out ; 10 households of 1, leaving uniformly over 2000 s
  const captured = (at: number) =>
    scenario({
      nodes: [],
      network: {
        nodes: [{ id: 'village', x: 0, y: 0 }, { id: 'out', x: 10000, y: 0 }],
        roads: [road('r', 'village', 'out', { lengthKm: 10, speedKmh: 36, capacityVehPerHour: 3600 })],
      },
      settlements: [settlement('village', 'village', 20)],
      shelters: [exit('out', 'out')],
      orders: [order(['village'], { compliance: 0.5, mobilization: { kind: 'fixed', median: 100, shape: null } })],
      hazards: [{ kind: 'capture', settlements: ['village'], nodes: [], at }],
    });

  it('traps those who stayed and those on the links touching the node', () => {
    // at 500 s the 10 compliant are on the road (left at 100 s): trapped in transit; 10 stayed: trapped
    const r = simulate(captured(500));
    const p = peopleAt(r, r.endTime);
    expect(p).toMatchObject({ told: 20, trapped: 20, evacuated: 0, stayed: 0 });
    expect(r.settlements[0].capturedAt).toBe(500);
    // Lost on the road, they never passed it.
    expect(r.links[0].vehicles).toBe(0);
  });

  it('traps the people not yet departed when captured before they leave', () => {
    const r = simulate(captured(50));
    expect(peopleAt(r, r.endTime)).toMatchObject({ told: 20, trapped: 20, waiting: 0 });
    let waitingTrapped = 0;
    for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.TrappedWaiting) waitingTrapped += r.log.people[i];
    expect(waitingTrapped).toBe(10);
  });

  it('leaves evacuees who are already out alone', () => {
    const r = simulate(captured(2000));
    expect(peopleAt(r, r.endTime)).toMatchObject({ evacuated: 10, trapped: 10 });
    expect(r.links[0].vehicles).toBe(10);
  });
});

describe('capture of a departure queue', () => {
  //   town (a 5-place shelter on its node) ──r, closed──► out ; 5 cars of 2 people ready at 0
  // Two cars fill the shelter with 4 people, the third leaves 1 of its 2 there and waits
  // for the closed road with the other 1 aboard; the town is captured at 100 s.
  it('traps the people still aboard a car that departed into a full shelter on its own node', () => {
    const s = scenario({
      nodes: [],
      network: { nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'out', x: 1000, y: 0 }], roads: [road('r', 'town', 'out')] },
      settlements: [settlement('town', 'town', 10)],
      shelters: [exit('shelter', 'town', 5), exit('out', 'out')],
      households: { size: 2, carShare: 1 },
      orders: [order(['town'])],
      hazards: [
        { kind: 'closure', roads: ['r'], from: 0, until: null },
        { kind: 'capture', settlements: ['town'], nodes: [], at: 100 },
      ],
    });
    const r = simulate(s);
    // 5 evacuated, 1 trapped in the car, 4 trapped waiting (two cars that never left).
    expect(peopleAt(r, r.endTime)).toMatchObject({ told: 10, evacuated: 5, trapped: 5, inTransit: 0, waiting: 0 });
    let inTransit = 0;
    for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.TrappedInTransit) inTransit += r.log.people[i];
    expect(inTransit).toBe(1);
  });
});

describe('front', () => {
  //   a front starting along x = 0 advances east at 24 km/day (1 km/h) up to 5 km:
  //   node at x = 2 km is captured at 2 h; at x = 8 km never.
  it('captures each node when the advancing line reaches it, up to its depth', () => {
    const s = scenario({
      nodes: [],
      network: {
        nodes: [{ id: 'a', x: 2000, y: 0 }, { id: 'b', x: 8000, y: 0 }, { id: 'west', x: -1000, y: 0 }],
        roads: [road('r', 'a', 'b', { lengthKm: 6, oneway: false }), road('w', 'a', 'west', { lengthKm: 3, oneway: false })],
      },
      settlements: [settlement('a', 'a', 1), settlement('b', 'b', 1), settlement('w', 'west', 1)],
      shelters: [exit('out', 'b')],
      orders: [order(['a'], { at: 86400 })],
      hazards: [
        { kind: 'front', line: [[0, -5000], [0, 5000]], towards: [1000, 0], speedKmPerDay: 24, maxDepthKm: 5, from: 0 },
      ],
    });
    const r = simulate(s);
    expect(r.settlements.map((x) => x.capturedAt)).toEqual([7200, null, null]);
  });

  // frontTakesBuses: the front reaches the town at 1,000 s, two buses boarding there, and the garage at 3,000 s.
  it('takes the fleet vehicles at a node it captures, and the fleet counts them from the first', () => {
    const pickup = simulate(frontTakesBuses(0.6));
    expect(pickup.fleets[0]).toMatchObject({ vehicles: 3, lost: 2, firstLostAt: 1000 });
    // The third bus, parked at its garage, goes when the front gets there; the first loss stays the first.
    const depot = simulate(frontTakesBuses(2));
    expect(depot.fleets[0]).toMatchObject({ vehicles: 3, lost: 3, firstLostAt: 1000 });
    // Short of the town it takes nothing.
    expect(simulate(frontTakesBuses(0.4)).fleets[0]).toMatchObject({ lost: 0, firstLostAt: null });
  });
});

describe('orders by distance from a line', () => {
  it('tells the settlements within km of the line, and only those in its districts when both are given', () => {
    const s = scenario({
      nodes: [],
      network: {
        nodes: [0, 1, 2, 3].map((i) => ({ id: `n${i}`, x: i * 5000, y: 0 })),
        roads: [road('r1', 'n0', 'n1', { oneway: false }), road('r2', 'n1', 'n2', { oneway: false }), road('r3', 'n2', 'n3', { oneway: false })],
      },
      settlements: [
        settlement('near', 'n0', 10, { district: 'A' }),
        settlement('edge', 'n1', 10, { district: 'B' }),
        settlement('far', 'n2', 10, { district: 'A' }),
      ],
      shelters: [exit('out', 'n3')],
      orders: [
        order([], { withinKmOf: { line: [[0, -1000], [0, 1000]], km: 6 } }),
        order([], { at: 10, districts: ['A'], withinKmOf: { line: [[0, -1000], [0, 1000]], km: 20 } }),
      ],
    });
    const r = simulate(s);
    const told: Record<string, number> = {};
    for (let i = 0; i < r.log.length; i++) {
      if (r.log.kind[i] === LogKind.Told) told[r.settlements[r.log.settlement[i]].id] = r.log.time[i];
    }
    // first order: near (0 km) and edge (5 km); second: far (district A, 10 km) — edge is B
    expect(told).toEqual({ near: 0, edge: 0, far: 10 });
  });
});
