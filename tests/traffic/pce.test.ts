// Vehicles of several car units (a fleet's `pce`): a bus of pce 2 takes two headways at
// each end of a link and two spaces of its storage, and still counts as one vehicle.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/engine/clock.js';
import { compileScenario } from '../../src/network/compile.js';
import { carriedCapacity } from '../../src/network/carried.js';
import { simulate } from '../../src/simulation/index.js';
import { enterQueue, headwayChanged, popHead, supplyTime } from '../../src/traffic/links.js';
import { FIRST_PICKUP_TABLE, REROUTE_CONGESTION, ROUTE_CHOICE, ROUTE_SHIFT, ROUTE_TABLE, TrafficState } from '../../src/traffic/state.js';
import { RouteChoice, linkEstimate } from '../../src/traffic/choice.js';
import { restoreFollowers, unitsBehind, withholdFollowers } from '../../src/traffic/bound.js';
import type { FleetSpec, Scenario } from '../../src/scenario/types.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { busCongestion } from '../helpers/bus-congestion.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { ring } from '../helpers/gridlock-ring.js';

/** One link of `lengthKm` (storage: length / 7.5 m) with a 60 s headway; vehicle 0 is a bus of `units` car units. */
function oneLink(units: number, lengthKm = 1): TrafficState {
  const s = scenario({
    nodes: ['a', 'b'],
    network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }], roads: [road('ab', 'a', 'b', { lengthKm })] },
  });
  const tr = new TrafficState(compileScenario(s), new Clock(), s.routing, 10, 0);
  tr.headway[0] = 60;
  tr.setUnits(Uint8Array.of(units));
  return tr;
}

/** `tr` with `vehicles` entered on link 0 at 0 and the first of them gone at 0 (its head event handled, as onHead does). */
function firstLeft(tr: TrafficState, vehicles: number[]): TrafficState {
  for (const v of vehicles) enterQueue(tr, v, 0);
  tr.pendingTime[0] = Infinity;
  popHead(tr, 0);
  return tr;
}

describe('a vehicle of two car units on a link', () => {
  it('takes two entry headways: the next vehicle enters two headways after it', () => {
    const bus = oneLink(2);
    enterQueue(bus, 0, 0);
    expect(supplyTime(bus, 0)).toBe(120);
    const car = oneLink(2);
    enterQueue(car, 1, 0);
    expect(supplyTime(car, 0)).toBe(60);
  });

  it('takes two exit slots: the vehicle behind it leaves two headways after it', () => {
    expect(firstLeft(oneLink(2), [0, 1, 2]).pendingTime[0]).toBe(120);
    // A car ahead gives the one behind it one headway.
    expect(firstLeft(oneLink(2), [1, 2]).pendingTime[0]).toBe(60);
  });

  it('keeps the exit slots it was given when the capacity of the link changes as it leaves', () => {
    // A bus of three units leaves at 0: its slots are 0, 60 and 120, so the car behind goes at 180.
    const tr = firstLeft(oneLink(3), [0, 1]);
    expect(tr.pendingTime[0]).toBe(180);
    // The capacity rises tenfold at 30 s: the bus's last slot stands, and the car goes one
    // new headway after it (it went at 36 s, as behind a car).
    tr.clock.now = 30;
    tr.headway[0] = 6;
    headwayChanged(tr, 0);
    expect(tr.pendingTime[0]).toBe(126);
  });

  it('needs two free spaces of storage, and an empty link when it is longer than the link', () => {
    // 30 m: storage 4 cars.
    const tr = oneLink(2, 0.03);
    tr.headway[0] = 0;
    for (const v of [1, 2, 3]) enterQueue(tr, v, 0);
    expect(supplyTime(tr, 0, 1)).toBe(0);
    expect(supplyTime(tr, 0, 2)).toBe(Infinity);
    // 7.5 m: one car long; the bus fits only alone.
    const short = oneLink(2, 0.0075);
    short.headway[0] = 0;
    expect(supplyTime(short, 0, 2)).toBeLessThanOrEqual(0);
    enterQueue(short, 0, 0);
    expect(supplyTime(short, 0, 1)).toBe(Infinity);
  });

  it('counts two car units on the wave and one vehicle in the link statistics', () => {
    const tr = oneLink(2);
    enterQueue(tr, 0, 0);
    enterQueue(tr, 1, 0);
    expect(tr.entered[0]).toBe(3);
    expect(tr.linkPeak[0]).toBe(3);
    tr.clock.now = 200;
    popHead(tr, 0);
    tr.clock.now = 320;
    popHead(tr, 0);
    expect(tr.exited[0]).toBe(3);
    expect(tr.linkVehicles(0)).toBe(2);
  });
});

/** Four buses of `pce` at depot g, for 40 people at t, who ride to the exit x: roads of 600 veh/h (6 s headways). */
function busRun(pce: number): Scenario {
  const fleet: FleetSpec = {
    id: 'bus', depot: 'g', vehicles: 4, seats: 10, boardingSecondsPerPerson: 0, pce,
    serves: [], mode: 'road', from: 0, headway: null, timetable: [],
  };
  return scenario({
    nodes: ['g', 't', 'x'],
    network: {
      nodes: [{ id: 'g', x: 0, y: 0 }, { id: 't', x: 1000, y: 0 }, { id: 'x', x: 2000, y: 0 }],
      roads: [
        road('G', 'g', 't', { speedKmh: 36, capacityVehPerHour: 600 }),
        road('T', 't', 'x', { speedKmh: 36, capacityVehPerHour: 600 }),
      ],
    },
    settlements: [settlement('t', 't', 40)],
    households: { size: 1, carShare: 0 },
    shelters: [exit('x', 'x')],
    orders: [order(['t'])],
    fleets: [fleet],
    routing: { mode: 'free-flow', periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 },
  });
}

function entries(s: Scenario, link: number): number[] {
  const times: number[] = [];
  simulate(s, { trace: (l, _v, t, entering) => { if (entering && l === link) times.push(t); } });
  return times;
}

describe('a vehicle of three car units bound for a link', () => {
  it('counts three in the link estimates while committed, and none once released', () => {
    const tr = oneLink(3);
    const choice = new RouteChoice(tr, () => {});
    // A pickup table: a commit counts the choice and ends there (no destination to record).
    tr.vRoute[(0 << ROUTE_SHIFT) | ROUTE_TABLE] = FIRST_PICKUP_TABLE;
    tr.vRoute[(1 << ROUTE_SHIFT) | ROUTE_TABLE] = FIRST_PICKUP_TABLE;
    choice.commit(0, 0, 0, REROUTE_CONGESTION);
    choice.commit(1, 0, 0, REROUTE_CONGESTION);
    expect(tr.bound[0]).toBe(4);
    tr.freeTime[0] = 0;
    expect(linkEstimate(tr, 0, 0, 0)).toBe(4 * 60);
    choice.release(0);
    expect(tr.bound[0]).toBe(1);
  });

  it('is withheld by its car units while the head ahead of it chooses again', () => {
    const tr = oneLink(3);
    for (const v of [5, 0, 1]) enterQueue(tr, v, 0); // a car at the head, the bus, a car
    for (const v of [0, 1]) tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_CHOICE] = 0;
    tr.bound[0] = 4;
    expect(unitsBehind(tr, 5)).toBe(4);
    withholdFollowers(tr, 5);
    expect(tr.bound[0]).toBe(0);
    restoreFollowers(tr, 5);
    expect(tr.bound[0]).toBe(4);
  });
});

describe('fleets with a pce', () => {
  it('leave their depot one pce of headways apart, and so reach the people and the exit', () => {
    expect(entries(busRun(2), 0)).toEqual([0, 12, 24, 36]);
    expect(entries(busRun(1), 0)).toEqual([0, 6, 12, 18]);
    expect(entries(busRun(3), 1)).toEqual([100, 118, 136, 154]);
  });
});

describe('buses queued on a short road', () => {
  // Ten buses leave depot g for 40 people at t: G (75 m at 9 km/h, 3,600 veh/h: storage 10 cars) fills behind B, 60 veh/h.
  function queued(pce: number): number {
    const s = busRun(pce);
    s.network = {
      nodes: [{ id: 'g', x: 0, y: 0 }, { id: 'm', x: 75, y: 0 }, { id: 't', x: 1075, y: 0 }, { id: 'x', x: 2075, y: 0 }],
      roads: [
        road('G', 'g', 'm', { lengthKm: 0.075, speedKmh: 9, capacityVehPerHour: 3600 }),
        road('B', 'm', 't', { speedKmh: 36, capacityVehPerHour: 60 }),
        road('T', 't', 'x', { speedKmh: 36, capacityVehPerHour: 600 }),
      ],
    };
    s.fleets = [{ ...s.fleets[0], vehicles: 10, seats: 4 }];
    let on = 0;
    let most = 0;
    simulate(s, {
      trace: (l, _v, _t, entering) => {
        if (l !== 0) return;
        on += entering ? 1 : -1;
        most = Math.max(most, on);
      },
    });
    return most;
  }

  it('fit the road by their car units: five of pce 2, three of pce 3', () => {
    expect(queued(2)).toBe(5);
    expect(queued(3)).toBe(3);
    // One car unit each: ten, all the road holds, as cars arrive one every 3 s (its carried
    // capacity: what one lane holds at 9 km/h, 1,200 veh/h) and the first leaves at 30 s.
    expect(queued(1)).toBe(10);
  });
});

describe('fleets with a pce on random networks', () => {
  const withPce = fc
    .tuple(arbitraryScenario({ fleets: true }), fc.integer({ min: 1, max: 4 }), fc.constantFrom('free-flow', 'adaptive') as fc.Arbitrary<'free-flow' | 'adaptive'>)
    .map(([s, pce, mode]): Scenario => ({ ...s, fleets: s.fleets.map((f) => ({ ...f, pce })), routing: { ...s.routing, mode } }));

  it('never hold more car units on a link than its storage, but for one bus alone on a link shorter than it', () => {
    fc.assert(
      fc.property(withPce, (s) => {
        const net = compileScenario(s);
        const buses = s.fleets[0].vehicles;
        const pce = s.fleets[0].pce as number;
        const units = new Int32Array(net.linkCount);
        const vehicles = new Int32Array(net.linkCount);
        let worst = -Infinity;
        simulate(s, {
          trace: (l, v, _t, entering) => {
            if (l >= net.linkCount) return;
            const u = v < buses ? pce : 1;
            units[l] += entering ? u : -u;
            vehicles[l] += entering ? 1 : -1;
            if (vehicles[l] > 1) worst = Math.max(worst, units[l] - net.linkStorage[l]);
          },
        });
        expect(worst).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('let the next vehicle onto a link no sooner than one headway per car unit of the one before', () => {
    fc.assert(
      fc.property(withPce, (s) => {
        const net = compileScenario(s);
        const buses = s.fleets[0].vehicles;
        const pce = s.fleets[0].pce as number;
        const last = new Float64Array(net.linkCount).fill(-Infinity);
        let worst = -Infinity;
        simulate(s, {
          trace: (l, v, t, entering) => {
            if (l >= net.linkCount || !entering) return;
            worst = Math.max(worst, last[l] - t);
            last[l] = t + ((v < buses ? pce : 1) * 3600) / carriedCapacity(net, l);
          },
        });
        expect(worst).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a ring of buses', () => {
  // The gridlock ring (30 m links: storage 4 cars) with only buses: one at each ring node,
  // for carless people half bound for the exit beyond r0, half for the shelter beyond r2.
  function buses(pce: number): Scenario {
    const fleet = (depot: string, i: number): FleetSpec => ({
      id: `b${i}`, depot, vehicles: 6, seats: 10, boardingSecondsPerPerson: 1, pce,
      serves: [], mode: 'road', from: 0, headway: null, timetable: [],
    });
    return { ...ring, households: { size: 1, carShare: 0 }, fleets: ['r0', 'r1', 'r2', 'r3'].map(fleet) };
  }

  it('is found gridlocked when each link holds a bus with room left for a car but not for the next bus', () => {
    // pce 3: a bus on each link, one car unit free on each, and every head a bus of three.
    const result = simulate(buses(3));
    expect(result.vehicles.gridlocks).toBe(1);
    expect([...result.gridlocks[0].links].sort()).toEqual(['ab', 'bc', 'cd', 'da']);
    // pce 4 fills each link: found as with cars.
    expect(simulate(buses(4)).vehicles.gridlocks).toBe(1);
  });

  it("locks when its last bus reaches its stop line, not when that bus's entry headways end", () => {
    const net = compileScenario(ring);
    const crossing = net.linkLength[0] / net.linkSpeed[0];
    for (const pce of [3, 4]) {
      let lastEntry = -Infinity;
      const result = simulate(buses(pce), {
        trace: (l, _v, t, entering) => {
          if (l < 4 && entering) lastEntry = Math.max(lastEntry, t);
        },
      });
      expect(result.gridlocks[0].time).toBeCloseTo(lastEntry + crossing, 9);
    }
  });

  it('lets cars past a bus that waits for room on a link that has stopped, so the ring does not lock silently', () => {
    // 45 m ring links (six cars), a fifth of households with a car, buses of pce 3. A bus
    // from the depot at r2 kept the turn of cd, which had room for two cars, not for it;
    // the car at the head of bc that could have taken it waited behind the bus, and cd's
    // own cars waited on the full ring beyond: 20 vehicles stood on the ring from 3,630 s to
    // the horizon, and no gridlock was found, as no link was full for the car.
    const s = buses(3);
    s.households = { size: 1, carShare: 0.2 };
    s.seed = 1;
    s.network = { ...s.network, roads: s.network.roads.map((r) => (r.id.length === 2 ? { ...r, lengthKm: 0.045 } : r)) };
    const onRing = new Map<number, number>();
    const result = simulate(s, {
      trace: (l, v, _t, entering) => {
        if (l >= 4) return;
        if (entering) onRing.set(v, l);
        else onRing.delete(v);
      },
    });
    expect(onRing.size).toBe(0);
    expect(result.endTime).toBeLessThan(s.horizon);
  });
});

describe('a merge of a bus road and a car road', () => {
  // Ten full buses leave p (400 carless people) and 400 cars leave c, on 1,800 veh/h roads
  // A and C, which merge at m into D (30 m) before E, 360 veh/h: both queue at the merge.
  function merge(pce: number, capacityA: number): Scenario {
    return scenario({
      nodes: ['p', 'c', 'm', 'n', 'x'],
      network: {
        nodes: [
          { id: 'p', x: 0, y: 500 }, { id: 'c', x: 0, y: -500 }, { id: 'm', x: 1000, y: 0 }, { id: 'n', x: 1030, y: 0 },
          { id: 'x', x: 3000, y: 0 },
        ],
        roads: [
          road('A', 'p', 'm', { capacityVehPerHour: capacityA }),
          road('C', 'c', 'm', { capacityVehPerHour: 1800 }),
          road('D', 'm', 'n', { lengthKm: 0.03, capacityVehPerHour: 1800 }),
          road('E', 'n', 'x', { lengthKm: 2, capacityVehPerHour: 360 }),
        ],
      },
      settlements: [settlement('bt', 'p', 400, { district: 'b' }), settlement('ct', 'c', 400, { district: 'c' })],
      households: { size: 1, carShare: 1, districts: { b: { carShare: 0 } } },
      shelters: [exit('x', 'x')],
      orders: [order(['bt', 'ct'])],
      fleets: [{
        id: 'bus', depot: 'p', vehicles: 10, seats: 40, boardingSecondsPerPerson: 0, pce,
        serves: [], mode: 'road', from: 0, headway: null, timetable: [],
      }],
      routing: { mode: 'free-flow', periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 },
    });
  }

  /** The share of D's car units that were buses, from the first bus onto D to the last. */
  function busShare(pce: number, capacityA = 1800): number {
    const entries: [time: number, bus: boolean][] = [];
    simulate(merge(pce, capacityA), { trace: (l, v, t, entering) => { if (entering && l === 2) entries.push([t, v < 10]); } });
    const buses = entries.filter(([, bus]) => bus).map(([t]) => t);
    const within = entries.filter(([t]) => t >= buses[0] && t < buses[buses.length - 1]);
    const busUnits = within.filter(([, bus]) => bus).length * pce;
    return busUnits / (busUnits + within.filter(([, bus]) => !bus).length);
  }

  it('shares the merged road in car units, in proportion to the roads capacities', () => {
    // Taking a turn per vehicle, buses of pce 4 had 0.8 of it, of pce 8 0.89.
    expect(busShare(1)).toBeCloseTo(0.5, 2);
    expect(busShare(4)).toBeCloseTo(0.5, 2);
    expect(busShare(8)).toBeCloseTo(0.5, 2);
    expect(busShare(4, 900)).toBeCloseTo(1 / 3, 2);
  });
});

describe('buses in congestion', () => {
  // Half and more of these runs have a bus enter a link it fills: without storage in car
  // units they hold more than their storage.
  it('never overfill a link, keep one headway per car unit at entry, pass as vehicles, and all get through', () => {
    fc.assert(
      fc.property(busCongestion(), (s) => {
        const net = compileScenario(s);
        const buses = s.fleets[0].vehicles;
        const pce = s.fleets[0].pce as number;
        const units = new Int32Array(net.linkCount);
        const vehicles = new Int32Array(net.linkCount);
        const passed = new Int32Array(net.linkCount);
        const last = new Float64Array(net.linkCount).fill(-Infinity);
        let overfilled = -Infinity;
        let early = -Infinity;
        const result = simulate(s, {
          trace: (l, v, t, entering) => {
            if (l >= net.linkCount) return;
            const u = v < buses ? pce : 1;
            units[l] += entering ? u : -u;
            vehicles[l] += entering ? 1 : -1;
            if (!entering) {
              passed[l]++;
              return;
            }
            if (vehicles[l] > 1) overfilled = Math.max(overfilled, units[l] - net.linkStorage[l]);
            early = Math.max(early, last[l] - t);
            last[l] = t + (u * 3600) / carriedCapacity(net, l);
          },
        });
        expect(overfilled).toBeLessThanOrEqual(0);
        expect(early).toBeLessThanOrEqual(1e-6);
        expect(result.links.map((l) => l.vehicles)).toEqual([...passed]);
        expect([...vehicles].every((n) => n === 0)).toBe(true);
        expect(result.endTime).toBeLessThan(s.horizon);
      }),
      { numRuns: 200 },
    );
  });
});
