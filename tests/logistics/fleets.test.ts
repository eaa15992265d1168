// Fleets on tiny networks with exact times.
//
//   village ──r1 (1 km, 36 km/h: 100 s)── depot/exit
//
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { FleetSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';

function bus(fields: Partial<FleetSpec> = {}): FleetSpec {
  return {
    id: 'bus', depot: 'out', vehicles: 1, seats: 10, boardingSecondsPerPerson: 2, serves: [], mode: 'road',
    from: 0, headway: null, timetable: [], ...fields,
  };
}

function rows(s: Scenario, kind: number) {
  const r = simulate(s);
  const out: [number, number][] = [];
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === kind) out.push([r.log.time[i], r.log.people[i]]);
  return { out, r };
}

const base = (population: number, fleets: FleetSpec[]) =>
  scenario({
    nodes: [],
    network: {
      nodes: [{ id: 'village', x: 0, y: 0 }, { id: 'out', x: 1000, y: 0 }],
      roads: [road('r1', 'village', 'out', { speedKmh: 36, capacityVehPerHour: 3600, oneway: false })],
    },
    settlements: [settlement('village', 'village', population)],
    shelters: [exit('out', 'out')],
    households: { size: 1, carShare: 0 },
    orders: [order(['village'])],
    fleets,
  });

describe('a bus cycling between a pickup and an exit', () => {
  it('carries everyone in trips of its seats, boarding takes seconds per person', () => {
    const { out, r } = rows(base(25, [bus()]), LogKind.Evacuated);
    // depot → village 100 s; board 10 × 2 s; → exit 100 s: arrives at 220 s.
    // Back at 320 s, board to 340 s, arrive 440 s; back 540 s, board 5 × 2 s, arrive 650 s.
    expect(out).toEqual([[220, 10], [440, 10], [650, 5]]);
    expect(r.fleets[0]).toMatchObject({ trips: 3, carried: 25, maxWaitSeconds: 540 });
    // A bus is no car, and its trips are not arrivals of vehicles.
    expect(r.vehicles).toMatchObject({ cars: 0, fleet: 1, arrived: 0 });
    // waits: 10 people 100 s, 10 people 320 s, 5 people 540 s
    expect(r.fleets[0].meanWaitSeconds).toBeCloseTo((10 * 100 + 10 * 320 + 5 * 540) / 25, 9);
  });

  it('counts boarded passengers as in transit, not waiting', () => {
    const { out } = rows(base(25, [bus()]), LogKind.Departed);
    expect(out).toEqual([[100, 10], [320, 10], [540, 5]]);
  });

  it('is idle before its start time and serves only what it serves', () => {
    const late = rows(base(5, [bus({ from: 1000 })]), LogKind.Evacuated).out;
    expect(late).toEqual([[1000 + 100 + 10 + 100, 5]]);
    const elsewhere = rows(base(5, [bus({ serves: ['nowhere'] })]), LogKind.Evacuated).out;
    expect(elsewhere).toEqual([]);
  });
});

describe('dispatch', () => {
  //   small (10 people) ── 1 km ── depot ── 1 km ── big (40 people)
  it('sends the free vehicle where the most people have waited longest', () => {
    const s = scenario({
      nodes: [],
      network: {
        nodes: [{ id: 'small', x: -1000, y: 0 }, { id: 'depot', x: 0, y: 0 }, { id: 'big', x: 1000, y: 0 }],
        roads: [
          road('a', 'small', 'depot', { speedKmh: 36, oneway: false }),
          road('b', 'depot', 'big', { speedKmh: 36, oneway: false }),
        ],
      },
      settlements: [settlement('small', 'small', 10), settlement('big', 'big', 40)],
      shelters: [exit('depot', 'depot')],
      households: { size: 1, carShare: 0 },
      orders: [order(['small', 'big'])],
      fleets: [bus({ depot: 'depot', seats: 50 })],
    });
    const r = simulate(s);
    const firstPickup = r.log.settlement[Array.from(r.log.kind).indexOf(LogKind.Departed)];
    expect(r.settlements[firstPickup].id).toBe('big');
  });
});

describe('seats promised', () => {
  // Ten people become ready at once: each wakes a bus, but the first takes them all.
  it('a second bus stays parked where every waiting person has a seat promised', () => {
    const one = simulate(base(10, [bus({ vehicles: 1, seats: 10 })])).fleets[0];
    const two = simulate(base(10, [bus({ vehicles: 2, seats: 10 })])).fleets[0];
    expect(two.trips).toBe(1);
    // The same driving and boarding over twice the vehicle-time: the second bus never moved.
    expect(two.utilisation * 2).toBeCloseTo(one.utilisation, 12);
  });

  // Seventy villages with the same people, ready at once, equally far from the depot:
  // a bus is sent to the lowest-numbered of the villages with unpromised seats.
  it('ties go to the first village served, across many villages', () => {
    const names = Array.from({ length: 70 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    const s = scenario({
      nodes: [],
      network: {
        nodes: [{ id: 'depot', x: 0, y: 0 }, ...names.map((id, i) => ({ id, x: 1000 * Math.cos(i), y: 1000 * Math.sin(i) }))],
        roads: names.map((id) => road(id, id, 'depot', { speedKmh: 36, oneway: false, lengthKm: 1 })),
      },
      settlements: names.map((id) => settlement(id, id, 5)),
      shelters: [exit('depot', 'depot')],
      households: { size: 1, carShare: 0 },
      orders: [order(names)],
      fleets: [bus({ depot: 'depot', seats: 5 })],
    });
    const r = simulate(s);
    const served: string[] = [];
    for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Departed) served.push(r.settlements[r.log.settlement[i]].id);
    expect(served).toEqual(names);
  });
});

describe('waking parked vehicles', () => {
  // One household of 30 ready at 0, three buses of 10 seats parked at the exit: all three go.
  it('a household larger than a bus wakes as many parked buses as its people need', () => {
    const s = { ...base(30, [bus({ vehicles: 3 })]), households: { size: 30, carShare: 0 } };
    // They leave one headway (1 s) apart: at the village at 100, 101, 102 s, board 10 × 2 s, back 100 s later.
    expect(rows(s, LogKind.Evacuated).out).toEqual([[220, 10], [221, 10], [222, 10]]);
  });

  // Whatever the households, people ready at once that the parked buses can hold all go in
  // one round: bus k (of the m = ⌈people / seats⌉ needed) leaves k headways (1 s) after the first.
  it('sends ⌈people / seats⌉ parked buses at once, one headway apart (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }),
        (vehicles, seats, size, share) => {
          const people = Math.max(1, Math.round(share * vehicles * seats));
          const s = { ...base(people, [bus({ vehicles, seats })]), households: { size, carShare: 0 } };
          const needed = Math.ceil(people / seats);
          const r = simulate(s);
          expect(r.fleets[0]).toMatchObject({ trips: needed, carried: people, maxWaitSeconds: 100 + needed - 1 });
        },
      ),
      { numRuns: 200 },
    );
  });

  //   depot ──1 km── v ──1 km, one way──► dead-end (shelter of 10)
  //                  └──2 km── far (exit)
  // g1 (10 at 0) fills dead-end: a bus parks there, cut off. g2 (10 at 300 s) takes the
  // other bus to far. g3 (one household of 5 at 1,000 s) must wake the bus at far, not the one in the dead end.
  it('wakes the longest parked vehicle that can reach the pickup, passing over one that cannot', () => {
    const s = scenario({
      nodes: [],
      network: {
        nodes: [{ id: 'depot', x: 0, y: 0 }, { id: 'v', x: 1000, y: 0 }, { id: 'dead-end', x: 2000, y: 0 }, { id: 'far', x: 1000, y: 2000 }],
        roads: [
          road('a', 'depot', 'v', { speedKmh: 36, capacityVehPerHour: 3600, oneway: false }),
          road('b', 'v', 'dead-end', { speedKmh: 36, capacityVehPerHour: 3600 }),
          road('c', 'v', 'far', { lengthKm: 2, speedKmh: 36, capacityVehPerHour: 3600, oneway: false }),
        ],
      },
      settlements: [settlement('g1', 'v', 10), settlement('g2', 'v', 10), settlement('g3', 'v', 5, { households: { size: 5 } })],
      shelters: [exit('dead-end', 'dead-end', 10), exit('far', 'far')],
      households: { size: 1, carShare: 0 },
      orders: [order(['g1']), order(['g2'], { at: 300 }), order(['g3'], { at: 1000 })],
      fleets: [bus({ depot: 'depot', vehicles: 2, boardingSecondsPerPerson: 1 })],
    });
    // g3: far → v 200 s, boards 5 s, no shelter has room: back to far, 200 s.
    expect(rows(s, LogKind.Evacuated).out).toEqual([[210, 10], [610, 10], [1405, 5]]);
  });
});

describe('trains', () => {
  //   station ══rail 6 km, 60 km/h (360 s)══ terminal (exit)
  it('leave only at timetable instants', () => {
    const s = scenario({
      nodes: [],
      network: {
        nodes: [{ id: 'station', x: 0, y: 0 }, { id: 'terminal', x: 6000, y: 0 }],
        roads: [road('rail', 'station', 'terminal', { lengthKm: 6, speedKmh: 60, capacityVehPerHour: 4, mode: 'rail', oneway: false })],
      },
      settlements: [settlement('town', 'station', 100)],
      shelters: [exit('terminal', 'terminal')],
      households: { size: 1, carShare: 0 },
      orders: [order(['town'])],
      fleets: [bus({ id: 'train', mode: 'rail', depot: 'terminal', seats: 60, boardingSecondsPerPerson: 1, timetable: [1000, 5000] })],
    });
    const r = simulate(s);
    const arrivals: [number, number][] = [];
    for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) arrivals.push([r.log.time[i], r.log.people[i]]);
    // leaves at 1000, reaches the station at 1360, boards 60 s, back at 1780;
    // next slot 5000: station 5360, boards 40 s, terminal 5760.
    expect(arrivals).toEqual([[1780, 60], [5760, 40]]);
  });
});

describe('parked fleets and network changes', () => {
  it('buses parked while a closure cut them off set out again when it is lifted', () => {
    // 500 people without cars, the only road closed for the first hour, 2 buses at the exit.
    const s = { ...base(500, [bus({ vehicles: 2, seats: 50 })]), hazards: [{ kind: 'closure' as const, roads: ['r1'], from: 0, until: 3600 }] };
    const { out, r } = rows(s, LogKind.Evacuated);
    const evacuated = out.reduce((n, [, people]) => n + people, 0);
    expect(evacuated).toBe(500);
    // Nobody can be carried before the road reopens.
    expect(Math.min(...out.map(([t]) => t))).toBeGreaterThan(3600);
    expect(r.fleets[0].trips).toBeGreaterThanOrEqual(10);
  });
});

describe('fleet wait statistics', () => {
  it('count people still waiting at the end in the longest wait', () => {
    // One bus of 10 seats for 500 people over 2 hours: most never board.
    const s = { ...base(500, [bus({ seats: 10 })]), horizon: 7200 };
    const r = simulate(s);
    expect(r.fleets[0].carried).toBeLessThan(500);
    // Everyone was ready at 0 and the unboarded waited the whole run.
    expect(r.fleets[0].maxWaitSeconds).toBe(r.endTime);
  });

  it('count people still waiting at the end in the mean wait too, with their wait to the end', () => {
    // One bus of 10 seats for 1,000 people over 2 hours: about a third board.
    const s = { ...base(1000, [bus({ seats: 10 })]), horizon: 7200 };
    const { out: boardings, r } = rows(s, LogKind.Departed);
    // Everyone was ready at 0: a person boarding at t waited t; one never boarded, the whole run.
    const boarded = boardings.reduce((n, [, people]) => n + people, 0);
    const waits = boardings.reduce((sum, [t, people]) => sum + t * people, 0) + (1000 - boarded) * r.endTime;
    expect(boarded).toBeLessThan(1000 / 2);
    expect(r.fleets[0].meanWaitSeconds).toBeCloseTo(waits / 1000, 9);
    // Most never boarded: the mean is near the whole run, not the shorter waits of those carried.
    expect(r.fleets[0].meanWaitSeconds).toBeGreaterThan(0.75 * r.endTime);
  });

  it('count the rest of a household partly boarded from when it was ready', () => {
    // One household of 25 ready at 0, one bus of 10 seats, a run of 150 s: 10 board at 100 s, 15 wait to the end.
    const s = { ...base(25, [bus()]), households: { size: 25, carShare: 0 }, horizon: 150 };
    const { out: boardings, r } = rows(s, LogKind.Departed);
    expect(boardings).toEqual([[100, 10]]);
    expect(r.fleets[0].meanWaitSeconds).toBeCloseTo((10 * 100 + 15 * r.endTime) / 25, 9);
    expect(r.fleets[0].maxWaitSeconds).toBe(r.endTime);
  });

  it('count the households behind a partly boarded one whole', () => {
    // Two households of 25 ready at 0, one bus of 10 seats, a run of 150 s: 10 of the first board at 100 s; 15 of it and all 25 of the second wait to the end.
    const s = { ...base(50, [bus()]), households: { size: 25, carShare: 0 }, horizon: 150 };
    const { out: boardings, r } = rows(s, LogKind.Departed);
    expect(boardings).toEqual([[100, 10]]);
    expect(r.fleets[0].meanWaitSeconds).toBeCloseTo((10 * 100 + (15 + 25) * r.endTime) / 50, 9);
  });

  it('are 0 for a fleet that serves nobody who waited', () => {
    const s = { ...base(0, [bus()]) };
    expect(simulate(s).fleets[0]).toMatchObject({ meanWaitSeconds: 0, maxWaitSeconds: 0 });
  });

  // The mean and the longest wait are of the same people, so the longest is never below the mean.
  it('give a longest wait at least the mean, and a mean of at least 0 (property)', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true, capture: true }), fc.integer({ min: 60, max: 4 * 86400 }), (generated, horizon) => {
        const r = simulate({ ...generated, horizon });
        for (const f of r.fleets) {
          expect(f.meanWaitSeconds).toBeGreaterThanOrEqual(0);
          expect(f.maxWaitSeconds).toBeGreaterThanOrEqual(f.meanWaitSeconds);
        }
      }),
      { numRuns: 150 },
    );
  });
});
