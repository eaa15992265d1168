// Closed forms of traffic flow theory on small networks: the queue's back and the
// discharge wave along a chain of links (kinematic-wave shock speeds), merge shares
// of the node model as a table, and the two-route case under every routing mode
// against its both-roads optimum.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { HazardSpec, RoutingMode, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { twoRoutes } from '../helpers/two-routes.js';

describe('a queue along a chain of links (kinematic-wave theory)', () => {
  //   o ──A──► p ──B──► q ──C──► r ──D (7.5 m, 600 veh/h)──► x
  // A, B, C: 1 km, one lane, 10 m/s; B and C a triangular diagram of capacity 1,800 veh/h
  // and jam density 1/7.5 m, so a backward wave speed of 6 m/s (21.6 km/h). A lets the
  // 1,000 cars released at o through at 1,200 veh/h: one every 3 s. D, the bottleneck, is
  // one car long, so a slowdown on it holds no more than one slowed car when it ends.
  const v = 10;
  const kj = 1 / 7.5;
  const capacity = 1800 / 3600;
  const w = capacity / (kj - capacity / v);
  const length = 1000;
  const chain = (hazards: HazardSpec[] = []): Scenario =>
    scenario({
      nodes: ['o', 'p', 'q', 'r', 'x'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'p', x: 1000, y: 0 }, { id: 'q', x: 2000, y: 0 }, { id: 'r', x: 3000, y: 0 }, { id: 'x', x: 3007.5, y: 0 }],
        roads: [
          road('A', 'o', 'p', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 1200, waveSpeedKmh: w * 3.6 }),
          road('B', 'p', 'q', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 1800, waveSpeedKmh: w * 3.6 }),
          road('C', 'q', 'r', { lengthKm: 1, speedKmh: 36, capacityVehPerHour: 1800, waveSpeedKmh: w * 3.6 }),
          road('D', 'r', 'x', { lengthKm: 0.0075, speedKmh: 36, capacityVehPerHour: 600, waveSpeedKmh: 36 }),
        ],
      },
      settlements: [settlement('o', 'o', 1000)],
      shelters: [exit('x', 'x')],
      orders: [order(['o'])],
      hazards,
    });

  /** Per link: entry times, and the free-flow exit time of the first car held at its end. */
  function observe(s: Scenario) {
    const enter: number[][] = [[], [], [], []];
    const firstHeld = [Infinity, Infinity, Infinity, Infinity];
    const ready = new Map<number, number>();
    simulate(s, {
      trace: (l, car, t, entering) => {
        if (l >= 4) return;
        if (entering) {
          enter[l].push(t);
          ready.set(car, t + (l === 3 ? 0.75 : 100));
        } else {
          const due = ready.get(car) as number;
          if (t > due + 1e-6 && firstHeld[l] === Infinity) firstHeld[l] = due;
        }
      },
    });
    return { enter, firstHeld };
  }

  it("the queue's back reaches the upstream end of each link at the shock-wave time, within one headway", () => {
    // Upstream state: 1,200 veh/h in free flow. Queue: 600 veh/h on the congested branch.
    // The shock between them runs upstream at (qU − qD) / (kD − kU) from the end of C,
    // where the queue starts when the first car gets there: 300 s.
    const qU = 1200 / 3600;
    const qD = 600 / 3600;
    const kU = qU / v;
    const kD = kj - qD / w;
    const shock = (qU - qD) / (kD - kU); // 2.31 m/s
    const start = 300;
    const { firstHeld } = observe(chain());
    const headway = 3600 / 1200;
    // The first car held at the end of B (C full back to its start), then at the end of A.
    expect(Math.abs(firstHeld[1] - (start + length / shock))).toBeLessThanOrEqual(headway);
    expect(Math.abs(firstHeld[0] - (start + (2 * length) / shock))).toBeLessThanOrEqual(headway);
    expect(start + length / shock).toBeCloseTo(733.3, 1);
  });

  it('when the bottleneck recovers, the discharge wave reaches each upstream end after distance ÷ wave speed, within one headway', () => {
    // D at a tenth of its capacity (60 veh/h) until T fills C and B; from T it discharges
    // 600 veh/h. The change between two congested states runs upstream at w: the entries
    // into C speed up at T + L/w, those into B at T + 2L/w, then follow at D's headway.
    const T = 3600;
    const { enter } = observe(chain([{ kind: 'slowdown', roads: ['D'], from: 0, until: T, factor: 0.1 }]));
    const headway = 3600 / 600;
    for (const [link, distance] of [[2, length], [1, 2 * length]] as const) {
      const e = enter[link];
      // the first entry that follows its predecessor sooner than the old 60 s
      const k = e.findIndex((t, i) => i > 0 && t > T && t - e[i - 1] < 60 - 1e-6);
      expect(Math.abs(e[k] - (T + distance / w))).toBeLessThanOrEqual(headway);
      for (let i = k + 2; i < k + 30; i++) expect(e[i] - e[i - 1]).toBeCloseTo(headway, 6);
    }
  });
});

/**
 * Approaches of the given capacities (1 km, two lanes, `people` cars each) merging at m into
 * a 5 km, two-lane link of capacity `c`; `onRamp` cars also start at m itself.
 */
function merge(approaches: number[], c: number, people: number[], onRamp = 0): Scenario {
  const names = approaches.map((_, i) => `a${i}`);
  return scenario({
    nodes: [...names, 'm', 'x'],
    network: {
      nodes: [
        ...names.map((id, i) => ({ id, x: 0, y: i * 2000 })),
        { id: 'm', x: 1000, y: 1000 },
        { id: 'x', x: 6000, y: 1000 },
      ],
      roads: [
        ...approaches.map((ci, i) => road(`P${i}`, names[i], 'm', { lengthKm: 1, lanes: 2, capacityVehPerHour: ci })),
        road('M', 'm', 'x', { lengthKm: 5, lanes: 2, capacityVehPerHour: c }),
      ],
    },
    settlements: [...names.map((id, i) => settlement(id, id, people[i])), ...(onRamp > 0 ? [settlement('m', 'm', onRamp)] : [])],
    shelters: [exit('x', 'x')],
    orders: [order([...names, ...(onRamp > 0 ? ['m'] : [])])],
  });
}

/** Cars entering the merged link from each approach (approach links, then the on-ramp) in [from, from + seconds). */
function shares(s: Scenario, from: number, seconds: number): number[] {
  const k = s.network.roads.length - 1;
  const merged = k; // link index of M
  const counts = new Array<number>(k + 1).fill(0);
  let lastLeft = -1;
  simulate(s, {
    trace: (l, _car, t, entering) => {
      if (!entering) {
        lastLeft = l;
        return;
      }
      if (l !== merged || t < from || t >= from + seconds) return;
      counts[lastLeft < k ? lastLeft : k]++;
    },
  });
  return counts;
}

describe('node model: merge shares (capacity-proportional, demand-limited approaches give way)', () => {
  it.each([
    // approach capacities, merged capacity, cars per approach, on-ramp cars, expected veh/h per approach (+ on-ramp)
    ['equal, each wider than the merged link', [3600, 3600], 1800, [4000, 4000], 0, [900, 900, 0]],
    ['three equal approaches', [1800, 1800, 1800], 1800, [3000, 3000, 3000], 0, [600, 600, 600, 0]],
    ['unequal, 1 : 3', [900, 2700], 2400, [3000, 6000], 0, [600, 1800, 0]],
    // looks starved, gets its share: 300 ÷ 3,600 of 1,800
    ['a minor road beside a major one', [300, 3300], 1800, [1000, 6000], 0, [150, 1650, 0]],
    // demand below capacity: no competition, each keeps its own capacity
    ['under capacity', [600, 600], 1800, [2000, 2000], 0, [600, 600, 0]],
    // an origin at the merge weighs as much as the link it loads onto
    ['a through road and an on-ramp', [1800], 1800, [4000], 4000, [900, 900]],
  ])('%s', (_name, capacities, c, people, onRamp, expected) => {
    const got = shares(merge(capacities, c, people, onRamp), 1200, 3600);
    got.forEach((n, i) => { expect(Math.abs(n - expected[i])).toBeLessThanOrEqual(2); });
  });
});

describe('two routes under every routing mode', () => {
  //   o ──in (1 km)──► a ══ narrow (10 km, 600 veh/h) or wide (11 km, 1,800 veh/h) ══► b ──out (1 km)──► x
  // 3,000 cars released at o reach a one a second (in: 3,600 veh/h, 60 s). With n of them
  // on the narrow road the last leaves it at 60 + 600 + 6(n − 1) and the wide one at
  // 60 + 660 + 2(2,999 − n); both equal at n = 758, so no assignment clears before
  // 60 + 600 + 6·757 + 60 = 5,262 s (5,142 s without the two 1 km end links).
  let best = { n: 0, clears: Infinity };
  for (let n = 0; n <= 3000; n++) {
    const clears = Math.max(n > 0 ? 60 + 600 + 6 * (n - 1) : 0, n < 3000 ? 60 + 660 + 2 * (2999 - n) : 0) + 60;
    if (clears < best.clears) best = { n, clears };
  }

  function run(mode: RoutingMode) {
    const r = simulate(twoRoutes(mode));
    let last = 0;
    for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) last = Math.max(last, r.log.time[i]);
    const narrow = r.links.find((l) => l.id === 'narrow')?.vehicles ?? 0;
    return { last, narrow };
  }

  it('the optimum is 758 cars on the narrow road and 5,262 s', () => {
    expect(best).toEqual({ n: 758, clears: 5262 });
  });

  it('free-flow: all 3,000 on the shorter narrow road, clearing at its closed form 60 + 600 + 6·2,999 + 60 s', () => {
    const { last, narrow } = run('free-flow');
    expect(narrow).toBe(3000);
    expect(last).toBeCloseTo(60 + 600 + 6 * 2999 + 60, 6);
  });

  it.each([
    ['adaptive', 0.05],
    ['equilibrium', 0.04],
  ] as const)('%s: near the optimum split and clearance, never below it', (mode, slack) => {
    const { last, narrow } = run(mode);
    expect(last).toBeGreaterThanOrEqual(best.clears - 1e-6);
    expect(last).toBeLessThanOrEqual(best.clears * (1 + slack));
    expect(Math.abs(narrow - best.n)).toBeLessThanOrEqual(0.1 * best.n);
  });

  it.each(['adaptive', 'equilibrium'] as const)('%s, 300 cars: within 5 per cent of the optimum while the narrow road is still filling', (mode) => {
    // 300 cars reach a one a second from 60 s: 83 on the narrow road clear at 60 + 600 + 6·82
    // + 60 = 1,212 s at best, and the narrow road never gets past filling. Priced by the
    // discharge of the cars on it and bound for it alone, it looked 660 s long to the 120th
    // car, which needed about 1,194 s from the fork: 120 went that way, clearing at 1,434 s.
    let optimum = Infinity;
    for (let n = 0; n <= 300; n++) optimum = Math.min(optimum, Math.max(n > 0 ? 660 + 6 * (n - 1) : 0, n < 300 ? 720 + 2 * (299 - n) : 0) + 60);
    expect(optimum).toBe(1212);
    const s = twoRoutes(mode);
    s.settlements = [{ ...s.settlements[0], population: 300 }];
    const r = simulate(s);
    let last = 0;
    for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) last = Math.max(last, r.log.time[i]);
    expect(last).toBeGreaterThanOrEqual(optimum);
    expect(last).toBeLessThanOrEqual(optimum * 1.05);
  });
});

describe('node model: a diverge with one branch at capacity', () => {
  //   o ──U (3 km, 1,800 veh/h, 1 or 2 lanes)──► D ──bx (1 km, 300 veh/h)──► X (shelter)
  //                                              D ──by (1 km, 3,600 veh/h)──► Y (exit)
  // 3,000 cars; a fifth of them, drawn, head for the shelter: 360 veh/h of the 1,800 that
  // U sends, more than bx takes. On one lane a car waiting for bx holds everyone behind it
  // (FIFO). On two, it waits in U's turn pocket and the others pass; the pocket and the
  // lane share U's exit, and bx is fed whenever a car for it is in the pocket, so it runs
  // near capacity: its n cars are in by the first one's entry + (n − 1) · 12 s, up to the
  // gaps when the pocket is empty: a car for bx behind a run of cars for by in U's queue
  // reaches the pocket only once they have left, one U headway apart (lanes are not
  // simulated one by one). How many such gaps come follows the drawn order of the cars
  // (the settlement's shelter-choice stream): 3.5 % of the saturated time under seed 1.
  function diverge(lanes: number): Scenario {
    return scenario({
      nodes: ['o', 'D', 'X', 'Y'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'D', x: 3000, y: 0 }, { id: 'X', x: 4000, y: 500 }, { id: 'Y', x: 4000, y: -500 }],
        roads: [
          road('U', 'o', 'D', { lengthKm: 3, lanes, speedKmh: 60, capacityVehPerHour: 1800 }),
          road('bx', 'D', 'X', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 300 }),
          road('by', 'D', 'Y', { lengthKm: 1, lanes: 2, speedKmh: 60, capacityVehPerHour: 3600 }),
        ],
      },
      settlements: [settlement('o', 'o', 3000)],
      shelters: [exit('X', 'X', 100_000), exit('Y', 'Y')],
      shelterShare: 0.2,
      orders: [order(['o'])],
      routing: { mode: 'free-flow', periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 },
      seed: 1,
    });
  }

  function branchEntries(lanes: number): number[] {
    const entries: number[] = [];
    simulate(diverge(lanes), { trace: (l, _v, t, entering) => { if (entering && l === 1) entries.push(t); } });
    return entries;
  }

  it('on two lanes the capacity-limited branch runs at its capacity; on one, FIFO holds it back', () => {
    const two = branchEntries(2);
    const one = branchEntries(1);
    expect(two.length).toBe(one.length);
    const n = two.length;
    const saturated = two[0] + (n - 1) * 12;
    // Never above bx's capacity: at least one bx headway between two entries.
    for (let i = 1; i < n; i++) expect(two[i] - two[i - 1]).toBeGreaterThanOrEqual(12 - 1e-6);
    expect(two[n - 1]).toBeLessThanOrEqual(saturated * 1.04);
    // One lane: a car for bx waits at the head while the cars behind it, bound for by, wait too.
    expect(one[n - 1]).toBeGreaterThan(saturated * 1.15);
  });
});

describe('a link whose triangle has a wave faster than its free speed', () => {
  // One lane at 40 km/h and 3,000 veh/h: kc = 0.075 veh/m, kj = 0.1333 veh/m, so the
  // triangle's backward wave runs at q / (kj − kc) = 14.3 m/s (51.4 km/h), faster than the
  // cars. With it the link takes its full capacity, one car every 1.2 s; a wave held to
  // the free speed would let in only kj·v/2 = 2,667 veh/h (one every 1.35 s).
  it('takes vehicles in at its stated capacity', () => {
    const s = scenario({
      nodes: ['o', 'x'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'x', x: 1000, y: 0 }],
        roads: [road('A', 'o', 'x', { speedKmh: 40, capacityVehPerHour: 3000 })],
      },
      settlements: [settlement('o', 'o', 600)],
      shelters: [exit('x', 'x')],
      orders: [order(['o'])],
    });
    const entries: number[] = [];
    simulate(s, { trace: (l, _v, t, entering) => { if (entering && l === 0) entries.push(t); } });
    expect(entries).toHaveLength(600);
    for (let i = 1; i < entries.length; i++) expect(entries[i] - entries[i - 1]).toBeCloseTo(1.2, 9);
  });
});
