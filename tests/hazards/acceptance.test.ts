// Hazards as a planner uses them, on networks small enough to derive every figure by
// hand: closures that start and end with vehicles queued on the link, at its head and in
// its turn pocket; captures of the nodes a queue stands between; a slowdown over a
// closure; a contraflow that ends with its road holding twice its own storage; a front
// reaching nodes up to its depth. Times are exact (each is a sum of free-flow times and
// headways), and so are the summary's counts.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import { summarize } from '../../src/report/summary.js';
import type { HazardSpec, RoutingMode, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const routing = (mode: RoutingMode) => ({ mode, periodSeconds: 120, smoothing: 0.5, iterations: 3, binSeconds: 300 });

/** Runs `s`: entry and exit instants per road (`id:back` for a two-way road's back link), arrivals, counts. */
function run(s: Scenario) {
  const ids = s.network.roads.flatMap((r) => (r.oneway ? [r.id] : [r.id, `${r.id}:back`]));
  const enter: Record<string, number[]> = {};
  const leave: Record<string, number[]> = {};
  const result = simulate(s, {
    trace: (l, _v, t, entering) => { if (l < ids.length) (entering ? enter : leave)[ids[l]] = [...((entering ? enter : leave)[ids[l]] ?? []), t]; },
  });
  const arrivals: number[] = [];
  for (let i = 0; i < result.log.length; i++) if (result.log.kind[i] === LogKind.Evacuated) arrivals.push(result.log.time[i]);
  const summary = summarize(result, s);
  return { enter, leave, arrivals, vehicles: result.vehicles, people: summary.people, settlements: result.settlements };
}

//   town ──A (1 km, 10 m/s, 3,600 veh/h: 1 s)──► m ──B (1 km, 10 m/s, 360 veh/h: 10 s)──► out
// [with `alt`: m ──C (3 km, 300 s, 3,600 veh/h)──► out2, a second exit]
// Ten cars set off at 0: they enter A 1 s apart, reach m at 100–109 s and enter B 10 s
// apart from 100 s, so at 125 s three are on B and seven wait at A's head; at 150 s five
// are on B and five on A.
function line(hazards: HazardSpec[], mode: RoutingMode = 'free-flow', alt = false): Scenario {
  return scenario({
    nodes: [],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'm', x: 1000, y: 0 }, { id: 'out', x: 2000, y: 0 }, ...(alt ? [{ id: 'out2', x: 1000, y: 3000 }] : [])],
      roads: [
        road('A', 'town', 'm', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 3600 }),
        road('B', 'm', 'out', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 360 }),
        ...(alt ? [road('C', 'm', 'out2', { lengthKm: 3, speedKmh: 36, capacityVehPerHour: 3600 })] : []),
      ],
    },
    settlements: [settlement('town', 'town', 10)],
    shelters: [exit('out', 'out'), ...(alt ? [exit('out2', 'out2')] : [])],
    orders: [order(['town'])],
    routing: routing(mode),
    hazards,
  });
}

const steps = (from: number, n: number, step: number) => Array.from({ length: n }, (_, k) => from + k * step);
const noReroutes = { rerouted: 0, reroutedBy: { fullShelter: 0, hazard: 0, congestion: 0 } };

describe.each(['free-flow', 'adaptive'] as const)('closures mid-queue (%s routing)', (mode) => {
  it('a closure of the next road holds the queue at its head until it ends; those on it drive on', () => {
    const r = run(line([{ kind: 'closure', roads: ['B'], from: 125, until: 300 }], mode));
    // Three entered B before 125 s; the other seven enter from 300 s, 10 s apart.
    expect(r.enter.B).toEqual([100, 110, 120, ...steps(300, 7, 10)]);
    expect(r.arrivals).toEqual([200, 210, 220, ...steps(400, 7, 10)]);
    // The seven waited for want of a route and found the same one again: no reroute.
    expect(r.vehicles).toMatchObject({ noRouteWaits: 7, ...noReroutes });
  });

  it('with another exit, the seven at the head turn off there, counted for the hazard', () => {
    const r = run(line([{ kind: 'closure', roads: ['B'], from: 125, until: 300 }], mode, true));
    expect(r.enter.B).toEqual([100, 110, 120]);
    // They leave A's head 1 s apart from 125 s and drive C's 300 s.
    expect(r.enter.C).toEqual(steps(125, 7, 1));
    expect(r.arrivals).toEqual([200, 210, 220, ...steps(425, 7, 1)]);
    expect(r.vehicles).toMatchObject({ noRouteWaits: 0, rerouted: 7, reroutedBy: { fullShelter: 0, hazard: 7, congestion: 0 } });
  });

  it('a closure of the first road leaves those on it alone and holds the rest at the origin', () => {
    const r = run(line([{ kind: 'closure', roads: ['A'], from: 5, until: 500 }], mode));
    expect(r.enter.A).toEqual([0, 1, 2, 3, 4, 500, 501, 502, 503, 504]);
    expect(r.arrivals).toEqual([...steps(200, 5, 10), ...steps(700, 5, 10)]);
    expect(r.vehicles).toMatchObject({ noRouteWaits: 5, ...noReroutes });
  });
});

describe('captures of the nodes a queue stands between, at 150 s', () => {
  // A second settlement at m, 4 cars: they enter B at 0–30 s and arrive at 100–130 s, so at
  // 150 s B holds the five town cars that entered it at 100–140 s and A the other five.
  const captured = (node: string, alt = false) => {
    const s = line([{ kind: 'capture', settlements: [], nodes: [node], at: 150 }], 'free-flow', alt);
    s.settlements.push(settlement('mid', 'm', 4));
    s.orders = [order(['town', 'mid'])];
    return run(s);
  };

  it('m: everyone on A and B is lost with it', () => {
    const r = captured('m');
    expect(r.arrivals).toEqual([100, 110, 120, 130]);
    expect(r.people).toMatchObject({ told: 14, evacuated: 4, trapped: 10, inTransit: 0, waiting: 0 });
    expect(r.settlements.map((x) => x.capturedAt)).toEqual([null, 150]);
  });

  it('the exit: those on B are lost, those on A wait for want of a route', () => {
    const r = captured('out');
    expect(r.people).toMatchObject({ evacuated: 4, trapped: 5, inTransit: 5 });
    expect(r.vehicles).toMatchObject({ noRouteWaits: 5, ...noReroutes });
  });

  it('the exit, with another: those on A go there, counted for the hazard', () => {
    const r = captured('out', true);
    expect(r.enter.C).toEqual(steps(150, 5, 1));
    expect(r.arrivals).toEqual([100, 110, 120, 130, ...steps(450, 5, 1)]);
    expect(r.people).toMatchObject({ evacuated: 9, trapped: 5, inTransit: 0 });
    expect(r.vehicles).toMatchObject({ noRouteWaits: 0, rerouted: 5, reroutedBy: { fullShelter: 0, hazard: 5, congestion: 0 } });
  });

  it('the town: the five still on A are lost, the five on B arrive', () => {
    const r = captured('town');
    expect(r.arrivals).toEqual([100, 110, 120, 130, ...steps(200, 5, 10)]);
    expect(r.people).toMatchObject({ evacuated: 9, trapped: 5, inTransit: 0 });
    expect(r.settlements.map((x) => x.capturedAt)).toEqual([150, null]);
  });

  it('a settlement captured before its order is told then and trapped at once, those who stayed too', () => {
    const s = line([{ kind: 'capture', settlements: ['town'], nodes: [], at: 50 }]);
    s.orders = [order(['town'], { at: 100, compliance: 0.5 })];
    const r = run(s);
    expect(r.people).toMatchObject({ told: 10, complied: 5, stayed: 0, trapped: 10, evacuated: 0 });
    expect(r.settlements[0].capturedAt).toBe(50);
  });
});

describe('a closure and captures with vehicles in the turn pocket', () => {
  //   town ──A (1 km, two lanes, 1 s)──► m ──B (1 km, 10 s)──► x (a shelter)
  //                                      m ──C (1 km, 1 s)──► y (an exit)
  // Twenty cars at 0, each drawn for the shelter or the exit: those for x queue for B in
  // A's turn pocket while those for y pass. Without hazards the x-bound enter B 10 s apart
  // from 100 s.
  const fork = (hazards: HazardSpec[]) => scenario({
    nodes: [],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'm', x: 1000, y: 0 }, { id: 'x', x: 2000, y: 0 }, { id: 'y', x: 1000, y: 1000 }],
      roads: [
        road('A', 'town', 'm', { lengthKm: 1, lanes: 2, speedKmh: 36, capacityVehPerHour: 3600 }),
        road('B', 'm', 'x', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 360 }),
        road('C', 'm', 'y', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 3600 }),
      ],
    },
    settlements: [settlement('town', 'town', 20)],
    shelters: [exit('x', 'x', 1000), exit('y', 'y')],
    shelterShare: 0.5,
    orders: [order(['town'])],
    routing: routing('free-flow'),
    hazards,
  });
  const plain = run(fork([]));
  const xBound = plain.enter.B.length;

  it('draws enough cars for each way that a queue stands in the pocket at 150 s', () => {
    expect(plain.enter.B).toEqual(steps(100, xBound, 10));
    expect(xBound).toBeGreaterThan(6);
    expect(plain.enter.C.length).toBe(20 - xBound);
  });

  it('B closing at 150 s sends the x-bound still in the pocket to the exit, 1 s apart, for the hazard', () => {
    const r = run(fork([{ kind: 'closure', roads: ['B'], from: 150, until: 1000 }]));
    expect(r.enter.B).toEqual(steps(100, 5, 10));
    expect(r.enter.C.slice(20 - xBound)).toEqual(steps(150, xBound - 5, 1));
    expect(r.vehicles).toMatchObject({ noRouteWaits: 0, rerouted: xBound - 5, reroutedBy: { fullShelter: 0, hazard: xBound - 5, congestion: 0 } });
    expect(r.people).toMatchObject({ evacuated: 20, trapped: 0 });
  });

  it('the shelter captured at 135 s: the four on B are lost, the rest of its cars go to the exit', () => {
    const r = run(fork([{ kind: 'capture', settlements: [], nodes: ['x'], at: 135 }]));
    expect(r.enter.C.slice(20 - xBound)).toEqual(steps(135, xBound - 4, 1));
    expect(r.people).toMatchObject({ evacuated: 16, trapped: 4, inTransit: 0 });
    expect(r.vehicles).toMatchObject({ rerouted: xBound - 4, reroutedBy: { fullShelter: 0, hazard: xBound - 4, congestion: 0 } });
  });

  it('m captured at 135 s takes the lane, the pocket and both roads beyond', () => {
    const r = run(fork([{ kind: 'capture', settlements: [], nodes: ['m'], at: 135 }]));
    expect(r.people).toMatchObject({ evacuated: 0, trapped: 20, inTransit: 0, waiting: 0 });
  });
});

describe('a slowdown over a closure', () => {
  //   town ──R (1 km, 10 m/s, 360 veh/h)──► out; four cars. R closed 15–100 s, slowed to half 50–150 s.
  it('slows those on the road and those let in when it reopens, for the rest of their way', () => {
    const s = scenario({
      nodes: ['town', 'out'],
      orders: [order(['town'])],
      routing: routing('free-flow'),
      hazards: [
        { kind: 'closure', roads: ['R'], from: 15, until: 100 },
        { kind: 'slowdown', roads: ['R'], from: 50, until: 150, factor: 0.5 },
      ],
    });
    s.network.roads = [road('R', 'town', 'out', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 360 })];
    s.settlements = [settlement('town', 'town', 4)];
    s.shelters = [exit('out', 'out')];
    const r = run(s);
    // In at 0 and 10 s. At 50 s they have 50 s and 60 s left, 100 and 120 s at half speed: ready
    // at 150 and 170 s; the first leaves at 150 s, the second, with 20 s left at half speed
    // when the slowdown ends then, at 160 s (10 s after, the headway again).
    // Reopened at 100 s, R takes one every 20 s: in at 100 and 120 s, 200 s to drive at half
    // speed; at 150 s they have 150 and 170 s left, 75 and 85 s at full speed.
    expect(r.enter.R).toEqual([0, 10, 100, 120]);
    expect(r.arrivals).toEqual([150, 160, 225, 235]);
    expect(r.vehicles.noRouteWaits).toBe(2);
  });
});

describe('a contraflow that ends with its road holding twice its own storage', () => {
  //   town ══R (100 m, 10 m/s, 3,600 veh/h each way; 13 vehicles)══ m ──D (1 km, 36 veh/h: 100 s)──► out
  // Contraflow 0–500 s: R takes 7,200 veh/h (0.5 s) and 26 vehicles (26.67 at jam), its wave
  // at 30 m/s (3.33 s). D takes one every 100 s from 10 s.
  it('takes none until it is below its own storage, then one a wave-time after the exit that frees it', () => {
    const s = scenario({
      nodes: [],
      network: {
        nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'm', x: 100, y: 0 }, { id: 'out', x: 1100, y: 0 }],
        roads: [
          road('R', 'town', 'm', { lengthKm: 0.1, speedKmh: 36, capacityVehPerHour: 3600, oneway: false }),
          road('D', 'm', 'out', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 36 }),
        ],
      },
      settlements: [settlement('town', 'town', 40)],
      shelters: [exit('out', 'out')],
      orders: [order(['town'])],
      routing: routing('free-flow'),
      hazards: [{ kind: 'contraflow', road: 'R', direction: 'forward', from: 0, until: 500 }],
    });
    const r = run(s);
    expect(r.enter.D).toEqual(steps(10, 40, 100));
    // 27 in by 13 s (26 held once the first has left at 10 s), then one after each exit:
    // exit at 110 s, freed space back at 113.33 s less the part of the headway the curve rises over.
    expect(r.enter.R.slice(0, 27)).toEqual(steps(0, 27, 0.5));
    expect(r.enter.R.slice(27, 31)).toEqual([113, 213, 313, 413]);
    // At 500 s it holds 26 against a storage of 13: the 19th exit (1,810 s) brings it to 12.
    expect(r.enter.R.slice(31)).toEqual(steps(1813, 9, 100));
    expect(r.enter['R:back']).toBeUndefined();
  });
});

describe('a front advancing east from x = 0 at 24 km a day (1 km/h)', () => {
  // town at 0.5 km, m at 1.5 km, out at 3 km, west at −0.5 km, corner at (1 km, 6 km):
  // 1.414 km from the line's north end at (0, 5 km).
  const front = (towards: [number, number] | null, maxDepthKm: number) => {
    const s = scenario({
      nodes: [],
      network: {
        nodes: [
          { id: 'town', x: 500, y: 0 }, { id: 'm', x: 1500, y: 0 }, { id: 'out', x: 3000, y: 0 },
          { id: 'west', x: -500, y: 0 }, { id: 'corner', x: 1000, y: 6000 },
        ],
        roads: [
          road('A', 'town', 'm', { oneway: false }), road('B', 'm', 'out', { lengthKm: 1.5, oneway: false }),
          road('W', 'west', 'town', { oneway: false }), road('K', 'corner', 'm', { lengthKm: 6, oneway: false }),
        ],
      },
      settlements: ['town', 'm', 'out', 'west', 'corner'].map((n) => settlement(n, n, 1)),
      shelters: [exit('x', 'out')],
      orders: [order(['town'], { at: 86000 })],
      hazards: [{ kind: 'front', line: [[0, -5000], [0, 5000]], towards, speedKmPerDay: 24, maxDepthKm, from: 0 }],
    });
    return run(s).settlements.map((x) => x.capturedAt);
  };
  const corner = 3.6 * Math.hypot(1000, 1000);

  it('captures a node at distance / speed, up to and including its depth, on its side only', () => {
    const [town, m, out, west, c] = front([1000, 0], 1.5);
    expect([town, m, out, west]).toEqual([1800, 5400, null, null]);
    expect(c).toBeCloseTo(corner, 6);
    expect(front([1000, 0], 1.49).slice(0, 4)).toEqual([1800, null, null, null]);
    expect(front([1000, 0], 0)).toEqual([null, null, null, null, null]);
  });

  it('advances on both sides without towards', () => {
    expect(front(null, 1.5).slice(0, 4)).toEqual([1800, 5400, null, 1800]);
  });
});

describe('a bent front', () => {
  // The line runs east along y = 0 from (−5 km, 0) to (0, 0), then north to (0, 5 km), and
  // advances at 1 km/h to the side of `towards`, south of its first leg: the south and the
  // east, not the north-west quadrant the bend encloses. A node's side is read from the leg
  // nearest to it, and so is the side of `towards`.
  const bent = (towards: [number, number]) => {
    const places: [string, number, number][] = [['east', 2000, 3000], ['inside', -2000, 1000], ['south', -3000, -1000], ['corner', 1000, -1000]];
    const s = scenario({
      nodes: [],
      network: {
        nodes: places.map(([id, x, y]) => ({ id, x, y })),
        roads: places.slice(1).map(([id]) => road(`to-${id}`, 'east', id, { lengthKm: 5, oneway: false })),
      },
      settlements: places.map(([id]) => settlement(id, id, 1)),
      shelters: [exit('x', 'east')],
      orders: [order(['east'], { at: 86000 })],
      hazards: [{ kind: 'front', line: [[-5000, 0], [0, 0], [0, 5000]], towards, speedKmPerDay: 24, maxDepthKm: 10, from: 0 }],
    });
    return run(s).settlements.map((x) => x.capturedAt);
  };

  it('captures the nodes on the side of towards along every leg, 1 h a km', () => {
    // east: 2 km from the north leg; south: 1 km from the first; corner: √2 km from the bend.
    const [east, inside, south, corner] = bent([-2000, -1000]);
    expect([east, inside, south]).toEqual([7200, null, 3600]);
    expect(corner).toBeCloseTo(3.6 * Math.hypot(1000, 1000), 6);
    // towards east of the north leg: the same side.
    expect(bent([3000, 4000])).toEqual([east, inside, south, corner]);
    // towards in the quadrant the bend encloses: only the node there.
    expect(bent([-1000, 2000])).toEqual([null, 3600, null, null]);
  });
});
