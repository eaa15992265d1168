// Small networks whose answers are derived by hand from the link model (triangular
// fundamental diagram, Newell's upstream condition, one headway at each end) and the node
// model (capacity-proportional merges, FIFO diverges with a turn pocket on two lanes).
// Each figure is asserted exactly or within one headway of its derivation.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind, type SimulationResult } from '../../src/result.js';
import type { HazardSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

/** Runs `s` and returns, per road id, entry and exit [vehicle, time] pairs, and the last arrival. */
function run(s: Scenario) {
  const ids = s.network.roads.map((r) => r.id);
  const enter = new Map<string, [number, number][]>(ids.map((id) => [id, []]));
  const leave = new Map<string, [number, number][]>(ids.map((id) => [id, []]));
  const result: SimulationResult = simulate(s, {
    trace: (l, v, t, entering) => { if (l < ids.length) (entering ? enter : leave).get(ids[l])?.push([v, t]); },
  });
  let last = 0;
  for (let i = 0; i < result.log.length; i++) if (result.log.kind[i] === LogKind.Evacuated) last = Math.max(last, result.log.time[i]);
  const times = (m: Map<string, [number, number][]>, id: string) => (m.get(id) ?? []).map(([, t]) => t);
  return { result, enter, leave, last, entries: (id: string) => times(enter, id), exits: (id: string) => times(leave, id) };
}

const freeFlow = { mode: 'free-flow' as const, periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 };

describe('merges of three and four approaches with unequal capacities', () => {
  /** Approaches a_i ─P_i (1 km, two lanes)─► m ─M (5 km, two lanes)─► x; `ramp` cars start at m itself. */
  function merge(capacities: number[], c: number, people: number[], ramp: number, reversed: boolean): Scenario {
    const names = capacities.map((_, i) => `a${i}`);
    const nodes = [...names.map((id, i) => ({ id, x: 0, y: i * 2000 })), { id: 'm', x: 1000, y: 1000 }, { id: 'x', x: 6000, y: 1000 }];
    const roads = [
      ...capacities.map((ci, i) => road(`P${i}`, names[i], 'm', { lengthKm: 1, lanes: 2, speedKmh: 60, capacityVehPerHour: ci })),
      road('M', 'm', 'x', { lengthKm: 5, lanes: 2, speedKmh: 60, capacityVehPerHour: c }),
    ];
    const settlements = [...names.map((id, i) => settlement(id, id, people[i])), ...(ramp > 0 ? [settlement('m', 'm', ramp)] : [])];
    if (reversed) {
      nodes.reverse();
      roads.reverse();
      settlements.reverse();
    }
    return scenario({
      nodes: nodes.map((n) => n.id), network: { nodes, roads }, settlements, shelters: [exit('x', 'x')],
      orders: [order(settlements.map((s) => s.id))],
    });
  }

  /** Cars entering M in [1,200 s, 4,800 s) by the approach they came from (road id, or 'ramp'). */
  function shares(s: Scenario): Record<string, number> {
    const { enter, leave } = run(s);
    const from = new Map<string, string>();
    for (const [id, list] of leave) if (id !== 'M') for (const [v, t] of list) from.set(`${v}@${t}`, id);
    const counts: Record<string, number> = {};
    for (const [v, t] of enter.get('M') ?? []) {
      if (t < 1200 || t >= 4800) continue;
      const k = from.get(`${v}@${t}`) ?? 'ramp';
      counts[k] = (counts[k] ?? 0) + 1;
    }
    return counts;
  }

  it.each([
    // 600 + 1,200 + an on-ramp weighing as M (1,800): 1,800 × 600/3,600, × 1,200/3,600, × 1,800/3,600
    ['two roads and an on-ramp into 1,800 veh/h', [600, 1200], 1800, [3000, 3000], 4000, { P0: 300, P1: 600, ramp: 900 }],
    // weights 1 : 2 : 3 : 6 of 1,800
    ['four roads into 1,800 veh/h', [300, 600, 900, 1800], 1800, [2000, 2000, 3000, 5000], 0, { P0: 150, P1: 300, P2: 450, P3: 900 }],
    // 300 : 900 : 2,400 : on-ramp 2,400 of 2,400
    ['three roads and an on-ramp into 2,400 veh/h', [300, 900, 2400], 2400, [2000, 2000, 5000], 2000, { P0: 120, P1: 360, P2: 960, ramp: 960 }],
  ])('%s: each gets C_out · C_i / Σ C_j, whatever the listing order', (_name, capacities, c, people, ramp, expected) => {
    const listed = shares(merge(capacities, c, people, ramp, false));
    for (const [k, n] of Object.entries(expected)) expect(Math.abs((listed[k] ?? 0) - n)).toBeLessThanOrEqual(1);
    expect(shares(merge(capacities, c, people, ramp, true))).toEqual(listed);
  });
});

describe('a chain with capacity drops and a lane-count change', () => {
  //   o ──A (2 km, two lanes, 3,600 veh/h)──► p ──B (2 km, one lane, 1,800)──► q ──C (1 km, one lane, 600)──► x
  // All at 60 km/h; 600 cars released at once. C discharges one car every 6 s from 300 s
  // (120 + 120 + 60 s): the last arrives at 300 + 6 · 599 = 3,894 s. B takes cars 2 s apart
  // until its queue's back, at the wave speed w = 1,800/3,600 ÷ (1/7.5 − 0.5/16.67) = 4.84 m/s,
  // reaches its upstream end: entries (t − 120)/2 + 1 − 266.7 ≤ (t − 413.3 − 240)/6 + 1
  // hold up to t = 653.3 s, so 267 entries come 2 s apart. A (storage 533.3, the same wave
  // speed) takes the origin's cars 1 s apart up to its 534th, then only as its exits, 2 s
  // apart, free space 413.3 s later: the 600th needs 66.7 exits, the 67th at 252 s, so it
  // enters at 251 + 0.67 + 413.3 = 665 s.
  const s = scenario({
    nodes: ['o', 'p', 'q', 'x'],
    network: {
      nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'p', x: 2000, y: 0 }, { id: 'q', x: 4000, y: 0 }, { id: 'x', x: 5000, y: 0 }],
      roads: [
        road('A', 'o', 'p', { lengthKm: 2, lanes: 2, speedKmh: 60, capacityVehPerHour: 3600 }),
        road('B', 'p', 'q', { lengthKm: 2, speedKmh: 60, capacityVehPerHour: 1800 }),
        road('C', 'q', 'x', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 600 }),
      ],
    },
    settlements: [settlement('o', 'o', 600)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'])],
  });

  it('clears at 3,894 s; B takes 267 cars 2 s apart; A its 600th car at 665 s', () => {
    const r = run(s);
    expect(r.last).toBeCloseTo(3894, 6);
    const a = r.entries('A');
    for (let k = 1; k < 534; k++) expect(a[k] - a[k - 1]).toBeCloseTo(1, 6);
    expect(a[599]).toBeCloseTo(665, 6);
    const b = r.entries('B');
    const slower = b.findIndex((t, i) => i > 0 && t - b[i - 1] > 2 + 1e-6);
    expect(slower).toBe(267);
    expect(Math.abs(b[slower - 1] - 653.3)).toBeLessThanOrEqual(2);
  });
});

describe('a diverge whose branch is blocked, on one lane and on two', () => {
  //   o ──U (1.5 km, 54 km/h, 1,800 veh/h; one or two lanes)──► D ──bx (7.5 m, storage 1)──► X (shelter)
  //                                                             D ──by (1 km, two lanes)──► Y (exit)
  // 200 cars, drawn half and half for X and Y, enter U 2 s apart and reach D at 2k + 100 s.
  // bx is slowed by 10^-4 until 1,200 s: the first car for X (car i, entering bx at
  // 2i + 100 s) drives it until 1,200 + (2i + 100 + 5,000 − 1,200) · 10^-4 s, and bx takes
  // the next car once that space has come back, 7.5 m ÷ 5 m/s = 1.5 s later.
  function diverge(lanes: number): Scenario {
    return scenario({
      nodes: ['o', 'D', 'X', 'Y'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'D', x: 1500, y: 0 }, { id: 'X', x: 1507.5, y: 0 }, { id: 'Y', x: 2500, y: 0 }],
        roads: [
          road('U', 'o', 'D', { lengthKm: 1.5, lanes, speedKmh: 54, capacityVehPerHour: 1800 }),
          road('bx', 'D', 'X', { lengthKm: 0.0075, speedKmh: 54, capacityVehPerHour: 1800 }),
          road('by', 'D', 'Y', { lengthKm: 1, lanes: 2, speedKmh: 54, capacityVehPerHour: 3600 }),
        ],
      },
      settlements: [settlement('o', 'o', 200)],
      shelters: [exit('X', 'X', 100_000), exit('Y', 'Y')],
      shelterShare: 0.5,
      orders: [order(['o'])],
      hazards: [{ kind: 'slowdown', roads: ['bx'], from: 0, until: 1200, factor: 1e-4 }],
      routing: freeFlow,
    });
  }

  /** The run, the place in U's order of each car bound for X, and when bx takes its second car. */
  function observe(lanes: number) {
    const r = run(diverge(lanes));
    const uEntry = new Map(r.enter.get('U'));
    const forX = (r.enter.get('bx') ?? []).map(([v]) => (uEntry.get(v) as number) / 2);
    const released = 1200 + (2 * forX[0] + 100 + 5000 - 1200) * 1e-4 + 1.5;
    return { r, forX, released, uEntry };
  }

  it('one lane: the second car for X holds everyone behind it until bx frees, then U empties 2 s apart, making up the slot it lost', () => {
    // The slot it was held out of is made up once (exitSlot): one car behind it leaves together
    // with the car before it, the first for Y after the release (cars for X go at bx's pace).
    const { r, forX, released } = observe(1);
    const [first, second] = forX;
    // It reaches D while bx is still blocked.
    expect(2 * second + 100).toBeLessThan(1200);
    const bx = r.entries('bx');
    expect(bx[0]).toBeCloseTo(2 * first + 100, 9);
    expect(bx[1]).toBeCloseTo(released, 9);
    // Cars before the second one for X leave U at 2k + 100; it at the release, the rest 2 s
    // apart but for the one pair.
    const u = r.exits('U');
    for (let k = 0; k < second; k++) expect(u[k]).toBeCloseTo(2 * k + 100, 9);
    expect(u[second]).toBeCloseTo(released, 9);
    const gaps = u.slice(second + 1).map((t, i) => Math.round((t - u[second + i]) * 1e6) / 1e6);
    expect(gaps.filter((g) => g === 0)).toHaveLength(1);
    expect(gaps.filter((g) => g !== 0 && g !== 2)).toEqual([]);
    const firstForY = second + 1 + gaps.indexOf(0);
    expect(forX).not.toContain(firstForY);
    expect(forX).toContain(firstForY - 1);
    expect(u[199]).toBeCloseTo(released + 2 * (199 - second - 1), 9);
  });

  it('two lanes: cars for X wait in the turn pocket, every car for Y passes at free flow', () => {
    const { r, forX, released, uEntry } = observe(2);
    const uExit = new Map(r.leave.get('U'));
    const forY = r.enter.get('by') ?? [];
    expect(forY.length + forX.length).toBe(200);
    for (const [v] of forY) expect(uExit.get(v)).toBeCloseTo((uEntry.get(v) as number) + 100, 9);
    // The cars in the pocket go onto bx from the release, 2 s apart (bx's headway and wave).
    const bx = r.entries('bx');
    const waiting = bx.length - 1;
    for (let j = 0; j < waiting; j++) expect(bx[1 + j]).toBeCloseTo(released + 2 * j, 9);
    expect(r.last).toBeCloseTo(released + 2 * (waiting - 1) + 0.5, 9);
  });
});

describe('a closure that lifts while cars queue for it', () => {
  //   o ──A (2 km, 72 km/h, 1,800 veh/h)──► p ──B (1 km)──► x, B closed from 300 s to 900 s.
  // 500 cars enter A 2 s apart from 0 s. Car k reaches p at 2k + 100: cars 0…99 pass before
  // the closure. It comes first at 300 s, so car 100 at A's end and car 150 at the origin
  // find no route; cars 100…149 wait on A and cars 150…499 at o (400 cars wait for want of
  // a route). At 900 s A discharges 2 s apart (cars 100…149 by 998 s) while car 150 enters A
  // at 900 s and the rest 2 s apart; car k ≥ 150 leaves A at 1,000 + 2(k − 150), the last at
  // 1,698 s, and arrives 50 s later: 1,748 s.
  const closure = (mode: 'free-flow' | 'adaptive') => scenario({
    nodes: ['o', 'p', 'x'],
    network: {
      nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'p', x: 2000, y: 0 }, { id: 'x', x: 3000, y: 0 }],
      roads: [
        road('A', 'o', 'p', { lengthKm: 2, speedKmh: 72, capacityVehPerHour: 1800 }),
        road('B', 'p', 'x', { lengthKm: 1, speedKmh: 72, capacityVehPerHour: 1800 }),
      ],
    },
    settlements: [settlement('o', 'o', 500)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'])],
    hazards: [{ kind: 'closure', roads: ['B'], from: 300, until: 900 }],
    routing: { ...freeFlow, mode },
  });

  it.each(['free-flow', 'adaptive'] as const)('%s: 400 no-route waits, no reroute, the last car at 1,748 s', (mode) => {
    const r = run(closure(mode));
    expect(r.result.vehicles.noRouteWaits).toBe(400);
    expect(r.result.vehicles.rerouted).toBe(0);
    expect(r.entries('A').slice(148, 152)).toEqual([296, 298, 900, 902]);
    expect(r.entries('B').slice(98, 102)).toEqual([296, 298, 900, 902]);
    expect(r.exits('A').slice(149, 152)).toEqual([998, 1000, 1002]);
    expect(r.last).toBeCloseTo(1748, 9);
  });
});

describe('a slowdown of speed and capacity in the middle of a run', () => {
  //   o ──A (1 km, 36 km/h, 1,200 veh/h)──► x, factor 0.5 from 600 s to 1,200 s; 300 cars.
  // Car k enters at 3k until 600 s; then 6 s apart from 603 s (597 + 6). A car on A at 600 s
  // drives the rest at half speed: car 167 (in at 501 s) is ready at 600 + 2 · 1 = 602 s and
  // leaves at 598 + 6 = 604 s, the next ones 6 s apart; car 200 (in at 603 s, 200 s at half
  // speed) leaves at 803 s. At 1,200 s the cars still driving finish at full speed: car 267
  // (in at 1,005 s, ready at 1,205 s) at 1,200 + 5/2 = 1,202.5 s, then 3 s apart: the last
  // (car 299, in at 1,197 s) at 1,298.5 s.
  it('entries, exits and the clearance follow the headway and the speed in force', () => {
    const hazards: HazardSpec[] = [{ kind: 'slowdown', roads: ['A'], from: 600, until: 1200, factor: 0.5 }];
    const r = run(scenario({
      nodes: ['o', 'x'],
      network: { nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'x', x: 1000, y: 0 }], roads: [road('A', 'o', 'x', { speedKmh: 36, capacityVehPerHour: 1200 })] },
      settlements: [settlement('o', 'o', 300)],
      shelters: [exit('x', 'x')],
      orders: [order(['o'])],
      hazards,
    }));
    const entries = r.entries('A');
    const exits = r.exits('A');
    expect(entries.slice(198, 202)).toEqual([594, 597, 603, 609]);
    expect(entries[299]).toBe(1197);
    expect(exits.slice(165, 171)).toEqual([595, 598, 604, 610, 616, 622]);
    expect(exits[200]).toBeCloseTo(803, 9);
    expect(exits.slice(266, 269)).toEqual([1199, 1202.5, 1205.5]);
    expect(r.last).toBeCloseTo(1298.5, 9);
  });
});

describe('very short links and a long one', () => {
  //   o ──A (1 km, 36 km/h, 1,800)──► p ──S (3, 7.5 or 10 m, 1,800)──► q ──B (1 km, 600)──► x; 300 cars.
  // S holds one car (its storage is at least 1), and takes the next once the space freed at
  // its front has come back: S / w after the car ahead left it (w = 6 m/s; 10 m: 1.33 cars
  // of jam storage, so the curve of exits lets the next in 1 s after). B discharges 6 s apart
  // from 100 + S/10 + 100 s: the last car at 200 + S/10 + 6 · 299.
  it.each([
    [3, 0.5],
    [7.5, 1.25],
    [10, 1],
  ])('S of %s m: never more than one car on it, the next %s s after the one before leaves, clearance at its closed form', (metres, gap) => {
    const r = run(scenario({
      nodes: ['o', 'p', 'q', 'x'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'p', x: 1000, y: 0 }, { id: 'q', x: 1000 + metres, y: 0 }, { id: 'x', x: 2000 + metres, y: 0 }],
        roads: [
          road('A', 'o', 'p', { speedKmh: 36, capacityVehPerHour: 1800 }),
          road('S', 'p', 'q', { lengthKm: metres / 1000, speedKmh: 36, capacityVehPerHour: 1800 }),
          road('B', 'q', 'x', { speedKmh: 36, capacityVehPerHour: 600 }),
        ],
      },
      settlements: [settlement('o', 'o', 300)],
      shelters: [exit('x', 'x')],
      orders: [order(['o'])],
    }));
    const into = r.entries('S');
    const out = r.exits('S');
    let closest = Infinity;
    for (let k = 1; k < into.length; k++) {
      expect(into[k]).toBeGreaterThanOrEqual(out[k - 1]);
      closest = Math.min(closest, into[k] - out[k - 1]);
    }
    expect(closest).toBeCloseTo(gap, 9);
    expect(r.result.links.find((l) => l.id === 'S')?.peakQueue).toBe(1);
    expect(r.last).toBeCloseTo(200 + metres / 10 + 6 * 299, 9);
  });

  //   o ──L1 (20 km, one lane, 90 km/h, 1,800 veh/h)──► p ──L2 (1 km, 600 veh/h)──► x; 4,000 cars.
  // With L1 at capacity upstream, its queue's back runs up at the wave speed itself,
  // (q_U − q_D) / (k_D − k_U) = w = 0.5 / (1/7.5 − 0.02) = 4.41 m/s, from 800 s: it reaches
  // o at 800 + 20,000 / 4.41 = 5,333 s, when L1 stops taking cars 2 s apart. The last car
  // leaves L2 at 840 + 6 · 3,999 = 24,834 s.
  it('a 20 km link: the queue reaches its upstream end at 5,333 s, within one headway, and clears at 24,834 s', () => {
    const r = run(scenario({
      nodes: ['o', 'p', 'x'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'p', x: 20_000, y: 0 }, { id: 'x', x: 21_000, y: 0 }],
        roads: [
          road('L1', 'o', 'p', { lengthKm: 20, speedKmh: 90, capacityVehPerHour: 1800 }),
          road('L2', 'p', 'x', { speedKmh: 90, capacityVehPerHour: 600 }),
        ],
      },
      settlements: [settlement('o', 'o', 4000)],
      shelters: [exit('x', 'x')],
      orders: [order(['o'])],
      horizon: 100_000,
    }));
    const into = r.entries('L1');
    const k = into.findIndex((t, i) => i > 0 && t - into[i - 1] > 2 + 1e-6);
    const w = 0.5 / (1 / 7.5 - 0.5 / 25);
    expect(Math.abs(into[k] - (800 + 20_000 / w))).toBeLessThanOrEqual(6);
    expect(r.last).toBeCloseTo(24_834, 6);
  });
});
