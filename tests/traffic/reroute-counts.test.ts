// What `vehicles.rerouted` counts: vehicles whose destination or route changed, once
// each, split by cause. A vehicle bound for a shelter that fills counts wherever it is
// when the shelter fills, also when its road on is the same (the exit lies beyond the
// shelter); one that set out after the shelter was full does not. Losing every route and
// finding the same one again is a wait for want of a route (noRouteWaits), not a reroute;
// finding another one is a reroute for the hazard.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { summarize } from '../../src/report/summary.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';

const routing = (mode: RoutingMode) => ({ mode, periodSeconds: 120, smoothing: 0.5, iterations: 3, binSeconds: 300 });

function evacuatedAt(r: ReturnType<typeof simulate>): number[] {
  const by = [0, 0];
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) by[r.log.destination[i]] += r.log.people[i];
  return by;
}

//   town ──a── p ──b── mid (shelter, 3 places) ──c── far (exit)        late ──d── p
// 20 one-person cars leave town at once; the third fills the shelter. Every other car
// was bound for it then, and drives on to the exit on the same road: 17 reroutes. The
// 10 cars of `late`, told an hour later, head for the exit from the start.
function lineWithShelter(mode: RoutingMode, withLate: boolean): Scenario {
  return scenario({
    nodes: ['town', 'p', 'mid', 'far', 'late'],
    network: {
      nodes: [
        { id: 'town', x: 0, y: 0 }, { id: 'p', x: 1000, y: 0 }, { id: 'mid', x: 2000, y: 0 }, { id: 'far', x: 3000, y: 0 },
        { id: 'late', x: 1000, y: 1000 },
      ],
      roads: [road('a', 'town', 'p'), road('b', 'p', 'mid'), road('c', 'mid', 'far'), road('d', 'late', 'p')],
    },
    settlements: [settlement('town', 'town', 20), ...(withLate ? [settlement('late', 'late', 10)] : [])],
    shelters: [exit('mid', 'mid', 3), exit('far', 'far')],
    orders: [order(['town']), ...(withLate ? [order(['late'], { at: 3600 })] : [])],
    routing: routing(mode),
  });
}

//   town ──a── p ══ s (shelter, 3 places, two-way, 1 km) ; p ──x (3 km)── X (exit)
// The shelter is nearer; once it is full, the cars on the spur drive back to p.
function spurShelter(mode: RoutingMode): Scenario {
  return scenario({
    nodes: ['town', 'p', 's', 'X'],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'p', x: 1000, y: 0 }, { id: 's', x: 1000, y: 1000 }, { id: 'X', x: 4000, y: 0 }],
      roads: [road('a', 'town', 'p'), road('spur', 'p', 's', { oneway: false }), road('x', 'p', 'X', { lengthKm: 3 })],
    },
    settlements: [settlement('town', 'town', 20)],
    shelters: [exit('s', 's', 3), exit('X', 'X')],
    orders: [order(['town'])],
    routing: routing(mode),
  });
}

describe('rerouted: vehicles whose destination or route changed', () => {
  it.each(['free-flow', 'adaptive', 'equilibrium'] as const)('%s: every car bound for a shelter when it fills counts, on the same road or not', (mode) => {
    const r = simulate(lineWithShelter(mode, false));
    expect(evacuatedAt(r)).toEqual([3, 17]);
    expect(r.vehicles.reroutedBy).toEqual({ fullShelter: 17, hazard: 0, congestion: 0 });
    expect(r.vehicles.rerouted).toBe(17);
  });

  it('cars that set out after the shelter was full do not count', () => {
    const r = simulate(lineWithShelter('adaptive', true));
    expect(evacuatedAt(r)).toEqual([3, 27]);
    expect(r.vehicles.rerouted).toBe(17);
  });

  it.each(['free-flow', 'adaptive'] as const)('%s: cars that reach the full shelter and turn back count once', (mode) => {
    const back: number[] = [];
    // Link 2 is the spur's way back from the shelter (a two-way road is two links, there and back).
    const r = simulate(spurShelter(mode), { trace: (l, v, _t, entering) => { if (entering && l === 2) back.push(v); } });
    expect(evacuatedAt(r)).toEqual([3, 17]);
    expect(back.length).toBeGreaterThan(0);
    expect(r.vehicles.reroutedBy).toEqual({ fullShelter: 17, hazard: 0, congestion: 0 });
  });

  it.each(['free-flow', 'adaptive'] as const)('%s: losing the only road and finding it again is a wait without a route, not a reroute', (mode) => {
    const s = scenario({
      nodes: ['town', 'X'],
      network: { nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'X', x: 1000, y: 0 }], roads: [road('r', 'town', 'X')] },
      settlements: [settlement('town', 'town', 30)],
      shelters: [exit('X', 'X')],
      orders: [order(['town'])],
      hazards: [{ kind: 'closure', roads: ['r'], from: 0, until: 3000 }],
      // Checks of long waits fall inside the closure: they must not be taken for congestion.
      stuckSeconds: 60,
      routing: routing(mode),
    });
    const r = simulate(s);
    expect(evacuatedAt(r)[0]).toBe(30);
    expect(r.vehicles.noRouteWaits).toBe(30);
    expect(r.vehicles.rerouted).toBe(0);
  });

  it('a road lost and another found later is a reroute for the hazard', () => {
    //   town ──a── p ──r1 (1 km)── X   and   p ──r2 (2 km)── X
    // r2 is closed until 2,000 s, r1 from 100.5 s on. The cars on `a` at 100.5 s had chosen
    // r1; they wait at p without a route until r2 opens, then take it.
    const s = scenario({
      nodes: ['town', 'p', 'X'],
      network: {
        nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'p', x: 1000, y: 0 }, { id: 'X', x: 2000, y: 0 }],
        roads: [road('a', 'town', 'p'), road('r1', 'p', 'X'), road('r2', 'p', 'X', { lengthKm: 2 })],
      },
      settlements: [settlement('town', 'town', 40)],
      shelters: [exit('X', 'X')],
      orders: [order(['town'])],
      hazards: [
        { kind: 'closure', roads: ['r2'], from: 0, until: 2000 },
        { kind: 'closure', roads: ['r1'], from: 100.5, until: null },
      ],
      routing: routing('adaptive'),
    });
    const entered = new Map<number, number>();
    let onA = 0;
    const r = simulate(s, {
      trace: (l, v, t, entering) => {
        if (l !== 0) return;
        if (entering) entered.set(v, t);
        else if ((entered.get(v) as number) < 100.5 && t > 100.5) onA++;
      },
    });
    expect(onA).toBeGreaterThan(0);
    expect(r.vehicles.reroutedBy).toEqual({ fullShelter: 0, hazard: onA, congestion: 0 });
    expect(r.vehicles.noRouteWaits).toBe(40 - (r.links.find((l) => l.id === 'r1')?.vehicles ?? 0));
  });
});

describe('the cause of a reroute is the change that closed the destination', () => {
  //   town ──a── p ──b── mid (shelter, 3 places) ──c── far (exit) ──z── q
  // The third car fills the shelter; half a second later an unrelated road beyond the
  // exit closes. The 17 cars behind, all on the way to the shelter, choose again at its
  // node after both changes: their shelter was lost to its filling, not to the closure.
  function lineWithLaterClosure(mode: RoutingMode, closeAt: number | null): Scenario {
    const line = lineWithShelter(mode, false);
    return {
      ...line,
      network: {
        nodes: [...line.network.nodes, { id: 'q', x: 4000, y: 0 }],
        roads: [...line.network.roads, road('z', 'far', 'q')],
      },
      hazards: closeAt === null ? [] : [{ kind: 'closure', roads: ['z'], from: closeAt, until: null }],
    };
  }

  it.each(['free-flow', 'adaptive'] as const)('%s: a closure after the shelter filled does not take the reroutes over', (mode) => {
    const before = simulate(lineWithLaterClosure(mode, null));
    const filled = Array.from({ length: before.log.length }, (_, i) => i).filter((i) => before.log.kind[i] === LogKind.Evacuated && before.log.destination[i] === 0);
    const fillTime = before.log.time[filled[filled.length - 1]];
    const r = simulate(lineWithLaterClosure(mode, fillTime + 0.5));
    expect(evacuatedAt(r)).toEqual([3, 17]);
    expect(r.vehicles.reroutedBy).toEqual({ fullShelter: 17, hazard: 0, congestion: 0 });
  });

  //   town ──a (2 km)── p ──s── S (exit) ; p ──x (3 km)── X (exit) ; near ──n── F (shelter, 1 place) ──f── X
  // S is captured while the 20 cars of town are on `a`, bound for it; half a second later
  // the first car of `near` fills F. The town's cars choose again at p after both changes:
  // their exit was lost to the capture. The second car of `near` is the full shelter's.
  it('a destination lost to a capture counts for the hazard, though a shelter filled since', () => {
    const build = (captureAt: number | null): Scenario => scenario({
      nodes: ['town', 'p', 'S', 'X', 'near', 'F'],
      network: {
        nodes: [
          { id: 'town', x: 0, y: 0 }, { id: 'p', x: 1000, y: 0 }, { id: 'S', x: 1000, y: 1000 }, { id: 'X', x: 4000, y: 0 },
          { id: 'near', x: 4000, y: 2000 }, { id: 'F', x: 4000, y: 1000 },
        ],
        roads: [
          road('a', 'town', 'p', { lengthKm: 2 }), road('s', 'p', 'S'), road('x', 'p', 'X', { lengthKm: 3 }),
          road('n', 'near', 'F'), road('f', 'F', 'X'),
        ],
      },
      settlements: [settlement('town', 'town', 20), settlement('near', 'near', 2)],
      shelters: [exit('S', 'S'), exit('X', 'X'), exit('F', 'F', 1)],
      orders: [order(['town']), order(['near'])],
      hazards: captureAt === null ? [] : [{ kind: 'capture', settlements: [], nodes: ['S'], at: captureAt }],
      routing: routing('adaptive'),
    });
    const before = simulate(build(null));
    const atF = Array.from({ length: before.log.length }, (_, i) => i).find((i) => before.log.kind[i] === LogKind.Evacuated && before.log.destination[i] === 2);
    const fillTime = before.log.time[atF as number];
    let firstAtP = Infinity;
    const r = simulate(build(fillTime - 0.5), { trace: (l, _v, t, entering) => { if (l === 0 && !entering) firstAtP = Math.min(firstAtP, t); } });
    expect(firstAtP).toBeGreaterThan(fillTime);
    expect(r.vehicles.reroutedBy).toEqual({ fullShelter: 1, hazard: 20, congestion: 0 });
  });
});

describe('rerouted on random networks', () => {
  it('under free-flow routing without hazards, only a shelter that fills reroutes anyone, and only for that cause', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: false, fleets: false }), (generated) => {
        const s: Scenario = { ...generated, routing: { ...generated.routing, mode: 'free-flow' } };
        const r = simulate(s);
        const summary = summarize(r, s);
        const filled = summary.shelters.some((d) => d.capacity !== null && d.arrived >= d.capacity);
        expect(r.vehicles.reroutedBy.hazard).toBe(0);
        expect(r.vehicles.reroutedBy.congestion).toBe(0);
        expect(r.vehicles.rerouted).toBe(r.vehicles.reroutedBy.fullShelter);
        if (!filled) expect(r.vehicles.rerouted).toBe(0);
        expect(r.vehicles.rerouted).toBeLessThanOrEqual(r.vehicles.cars);
      }),
      { numRuns: 300 },
    );
  });

  it('in every routing mode, with hazards and fleets, each cause counts at most the vehicles rerouted, and they at most all vehicles', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true }), fc.constantFrom<RoutingMode>('free-flow', 'adaptive', 'equilibrium'), (generated, mode) => {
        const r = simulate({ ...generated, routing: { ...generated.routing, mode, iterations: 2 } });
        const { rerouted, reroutedBy, cars, fleet } = r.vehicles;
        expect(rerouted).toBeLessThanOrEqual(cars + fleet);
        for (const n of Object.values(reroutedBy)) expect(n).toBeLessThanOrEqual(rerouted);
        expect(reroutedBy.fullShelter + reroutedBy.hazard + reroutedBy.congestion).toBeGreaterThanOrEqual(rerouted);
      }),
      { numRuns: 200 },
    );
  });
});

describe('congestion reroutes and equally short ways', () => {
  //        ┌─ a ─┐
  //   o ──┤       ├── x     every road 1 km, 600 veh/h; 300 cars from o at once
  //        └─ b ─┘
  // Both ways are shortest on free-flow times: a car that takes the one the free-flow
  // table did not keep has made no detour. Before, the cars sent through b by the
  // queue at a (150) counted as congestion reroutes; with a third way 10 % longer, the 99
  // cars sent through it still count (199 counted before: those through b too).
  function diamond(withLonger: boolean): Scenario {
    const roads = [road('oa', 'o', 'a'), road('ax', 'a', 'x'), road('ob', 'o', 'b'), road('bx', 'b', 'x')];
    if (withLonger) roads.push(road('oc', 'o', 'c', { lengthKm: 1.1 }), road('cx', 'c', 'x', { lengthKm: 1.1 }));
    return scenario({
      nodes: ['o', 'a', 'b', 'c', 'x'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'a', x: 700, y: 700 }, { id: 'b', x: 700, y: -700 }, { id: 'c', x: 700, y: 0 }, { id: 'x', x: 1400, y: 0 }],
        roads,
      },
      settlements: [settlement('o', 'o', 300)],
      shelters: [exit('x', 'x')],
      orders: [order(['o'])],
      routing: routing('adaptive'),
    });
  }

  it('do not count cars on the other of two equally short ways', () => {
    const r = simulate(diamond(false));
    const on = (id: string) => r.links.find((l) => l.id === id)?.vehicles;
    expect(on('oa')).toBeGreaterThan(50);
    expect(on('ob')).toBeGreaterThan(50);
    expect(r.vehicles.reroutedBy.congestion).toBe(0);
  });

  it('count the cars sent onto a longer way', () => {
    const r = simulate(diamond(true));
    const on = (id: string) => r.links.find((l) => l.id === id)?.vehicles ?? 0;
    expect(on('oc')).toBeGreaterThan(0);
    expect(r.vehicles.reroutedBy.congestion).toBe(on('oc'));
  });
});

describe('congestion reroutes where the two ways end at two exits', () => {
  //   o ──in (1 km)──► a ──narrow (10 km, 600 veh/h)──► near (exit)
  //                    └──wide (11 km, 1,800 veh/h)──► far (exit)
  // 3,000 cars. The narrow road is the shortest free-flow route to the nearest exit: a car
  // that takes it has made no detour, whatever exit the trees pointed to when it chose
  // before. Only the cars sent to the farther exit count, as when both roads end at one
  // exit. Before, a car whose earlier choice the trees had led towards `far` counted when it
  // took the narrow road after all: under equilibrium routing, whose trees start from
  // the learned corrections, every one of the 3,000 counted; under adaptive routing with
  // departures over an hour, 2,601 for 2,227 sent to `far`.
  function twoExits(mode: RoutingMode, spread: boolean): Scenario {
    return scenario({
      nodes: ['o', 'a', 'near', 'far'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'a', x: 1000, y: 0 }, { id: 'near', x: 11000, y: 0 }, { id: 'far', x: 11000, y: 3000 }],
        roads: [
          road('in', 'o', 'a', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 3600, lanes: 2 }),
          road('narrow', 'a', 'near', { lengthKm: 10, speedKmh: 60, capacityVehPerHour: 600 }),
          road('wide', 'a', 'far', { lengthKm: 11, speedKmh: 60, capacityVehPerHour: 1800, lanes: 2 }),
        ],
      },
      settlements: [settlement('o', 'o', 3000)],
      shelters: [exit('near', 'near'), exit('far', 'far')],
      orders: [order(['o'], spread ? { mobilization: { kind: 'uniform', median: 1800, shape: null } } : {})],
      routing: routing(mode),
    });
  }

  it.each([
    ['adaptive', true],
    ['equilibrium', false],
    ['equilibrium', true],
  ] as const)('count only the cars sent to the farther exit (%s, departures spread: %s)', (mode, spread) => {
    const r = simulate(twoExits(mode, spread));
    const [near, far] = evacuatedAt(r);
    expect(near + far).toBe(3000);
    expect(near).toBeGreaterThan(500);
    expect(r.vehicles.reroutedBy).toEqual({ fullShelter: 0, hazard: 0, congestion: far });
    expect(r.vehicles.rerouted).toBe(far);
  });
});
