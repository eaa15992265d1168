// Congestion as a traffic engineer checks it, on networks whose answers are known:
// loading at capacity, the backward wave after a blockage, capacity-proportional
// merges without starvation, and route choice that uses a second road.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { twoRoutes } from '../helpers/two-routes.js';

/** Entry times per link index. */
function entries(s: Scenario): number[][] {
  const out: number[][] = s.network.roads.map(() => []);
  simulate(s, { trace: (l, _v, t, entering) => entering && l < out.length && out[l].push(t) });
  return out;
}

function lastArrival(s: Scenario): number {
  const r = simulate(s);
  let last = 0;
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) last = r.log.time[i];
  return last;
}

describe('loading', () => {
  it('an origin puts vehicles on its first link no faster than the link capacity', () => {
    const s = scenario({
      nodes: ['o', 'x'],
      network: { nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'x', x: 1000, y: 0 }], roads: [road('r', 'o', 'x', { lengthKm: 1, capacityVehPerHour: 1800 })] },
      settlements: [settlement('o', 'o', 1000)],
      shelters: [exit('x', 'x')],
      orders: [order(['o'])],
    });
    const [onR] = entries(s);
    // 1,000 released at once: after 60 s at most 1800 × 60 / 3600 + 1 = 31 have entered.
    expect(onR.filter((t) => t <= 60).length).toBe(31);
    for (let k = 1; k < onR.length; k++) expect(onR[k] - onR[k - 1]).toBeGreaterThanOrEqual(2 - 1e-9);
  });
});

describe('backward wave', () => {
  //   o ──A (1 km, 1 lane, C 1800, w 18 km/h)──► b ──B (C 60 veh/h)──► x
  it('each entry into a full link waits for the space freed at its front to travel back (length ÷ wave speed)', () => {
    const s = scenario({
      nodes: ['o', 'b', 'x'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }, { id: 'x', x: 2000, y: 0 }],
        roads: [
          road('A', 'o', 'b', { lengthKm: 1, capacityVehPerHour: 1800, waveSpeedKmh: 18 }),
          road('B', 'b', 'x', { lengthKm: 1, capacityVehPerHour: 60 }),
        ],
      },
      settlements: [settlement('o', 'o', 200)],
      shelters: [exit('x', 'x')],
      orders: [order(['o'])],
      horizon: 4 * 3600,
    });
    const enterA: number[] = [];
    const leaveA: number[] = [];
    let most = 0;
    let onA = 0;
    simulate(s, {
      trace: (l, _v, t, entering) => {
        if (l !== 0) return;
        (entering ? enterA : leaveA).push(t);
        onA += entering ? 1 : -1;
        most = Math.max(most, onA);
      },
    });
    const jam = 1000 / 7.5; // 133.3 vehicles
    // Never above the jam storage; a standing queue that discharges holds a little less,
    // the vehicles whose freed space is still travelling back.
    expect(most).toBeLessThanOrEqual(133);
    expect(most).toBeGreaterThan(125);
    // Newell: the (e+1)-th entry waits until the exit curve, rising to each exit over A's
    // headway before it, has reached e + 1 − jam, plus 1000 m ÷ 5 m/s = 200 s. At 40 km/h
    // (90 s) with that wave, A's triangle tops out at jam / 290 s = 1,655 veh/h, below its
    // 1,800: its headway is 290 s ÷ jam = 2.175 s.
    const headway = (90 + 200) / jam;
    for (let e = 140; e < 190; e++) {
      const needed = e + 1 - jam;
      const j = Math.ceil(needed) - 1;
      const before = Math.max(leaveA[j - 1], leaveA[j] - headway);
      const at = before + (needed - j) * (leaveA[j] - before) + 200;
      expect(enterA[e]).toBeCloseTo(at, 6);
    }
  });
});

/** Two approaches of capacities c1 and c2 merging into a link of capacity c, 2,000 cars on each. */
function merge(c1: number, c2: number, c: number, people2 = 2000): Scenario {
  return scenario({
    nodes: ['p', 'q', 'm', 'x'],
    network: {
      nodes: [{ id: 'p', x: 0, y: 0 }, { id: 'q', x: 0, y: 2000 }, { id: 'm', x: 1000, y: 1000 }, { id: 'x', x: 6000, y: 1000 }],
      roads: [
        road('P', 'p', 'm', { lengthKm: 1, lanes: 2, capacityVehPerHour: c1 }),
        road('Q', 'q', 'm', { lengthKm: 1, lanes: 2, capacityVehPerHour: c2 }),
        road('M', 'm', 'x', { lengthKm: 5, lanes: 2, capacityVehPerHour: c }),
      ],
    },
    settlements: [settlement('p', 'p', 2000), settlement('q', 'q', people2)],
    shelters: [exit('x', 'x')],
    orders: [order(['p', 'q'])],
  });
}

/** Vehicles leaving each approach into the merge during `seconds` from `from`. */
function mergeFlows(s: Scenario, from = 1800, seconds = 3600): [number, number] {
  const left: number[][] = [[], []];
  simulate(s, { trace: (l, _v, t, entering) => !entering && l < 2 && left[l].push(t) });
  const inWindow = (a: number[]) => a.filter((t) => t >= from && t < from + seconds).length;
  return [inWindow(left[0]), inWindow(left[1])];
}

describe('node model: merges', () => {
  it.each([
    // c1, c2, downstream c, expected shares per hour (capacity-proportional)
    [1800, 1800, 1800, 900, 900],
    [1800, 600, 1200, 900, 300],
    [1200, 2400, 1800, 600, 1200],
  ])('approaches of %i and %i veh/h into %i veh/h get their capacity-proportional shares', (c1, c2, c, e1, e2) => {
    const [f1, f2] = mergeFlows(merge(c1, c2, c));
    expect(Math.abs(f1 - e1)).toBeLessThanOrEqual(2);
    expect(Math.abs(f2 - e2)).toBeLessThanOrEqual(2);
  });

  it('an approach with less demand than its share gets all of it and the rest goes to the other', () => {
    // q sends only 150 cars, gone within minutes; then p takes all 1,800 veh/h: 900 in half an hour.
    const [f1, f2] = mergeFlows(merge(1800, 1800, 1800, 150), 900, 1800);
    expect(f2).toBe(0);
    expect(Math.abs(f1 - 900)).toBeLessThanOrEqual(1);
  });

  it('does not depend on which approach is listed first (no event-order tie decides)', () => {
    const a = mergeFlows(merge(1800, 1800, 1800));
    const s = merge(1800, 1800, 1800);
    const swapped = { ...s, network: { ...s.network, roads: [s.network.roads[1], s.network.roads[0], s.network.roads[2]] } };
    const b = mergeFlows(swapped);
    expect(Math.abs(a[0] - b[1])).toBeLessThanOrEqual(1);
    expect(Math.abs(a[1] - b[0])).toBeLessThanOrEqual(1);
  });
});

describe('route choice on two roads', () => {
  //   o ──in (3,600 veh/h)──► a ══ narrow (10 km, 600 veh/h) or wide (11 km, 1,800 veh/h) ══► b ──out──► x
  // Both roads at capacity: 3,000 ÷ 2,400 veh/h = 4,500 s, plus 12 km at 60 km/h.
  const bothRoads = 4500 + 720;

  it('free-flow: every car takes the shorter narrow road and clearance is set by it alone', () => {
    const r = simulate(twoRoutes('free-flow'));
    expect(r.links.find((l) => l.id === 'wide')?.vehicles).toBe(0);
    expect(lastArrival(twoRoutes('free-flow'))).toBeGreaterThan(3000 * 6);
  });

  it.each(['adaptive', 'equilibrium'] as const)('%s: both roads carry traffic and clearance is near the both-roads optimum', (mode) => {
    const r = simulate(twoRoutes(mode));
    const narrow = r.links.find((l) => l.id === 'narrow')?.vehicles ?? 0;
    const wide = r.links.find((l) => l.id === 'wide')?.vehicles ?? 0;
    expect(narrow + wide).toBe(3000);
    // roughly one in four on the narrow road, as capacities 600 : 1,800 want
    expect(narrow / 3000).toBeGreaterThan(0.2);
    expect(narrow / 3000).toBeLessThan(0.32);
    expect(lastArrival(twoRoutes(mode))).toBeLessThan(bothRoads * 1.1);
    expect(r.vehicles.reroutedBy.congestion).toBe(wide);
  });

  it('equilibrium reports the relative gap of every iteration, each under 1 %', () => {
    const gaps = simulate(twoRoutes('equilibrium')).routing?.relativeGap ?? [];
    expect(gaps).toHaveLength(8);
    // The first run is adaptive, already at 0.2 % here (1.2 % before the estimate bounded a
    // filling road by its entries); the learned corrections keep every run under 1 %. That
    // learning brings a gap down is checked where the adaptive run is far off
    // (equilibrium-deep.test.ts).
    expect(gaps[0]).toBeLessThan(0.01);
    expect(Math.max(...gaps)).toBeLessThan(0.01);
  });

  it('equilibrium: vehicles of one departure bin take routes whose times agree within 1 %', () => {
    const times = new Map<string, number[]>();
    const entered = new Map<number, number>();
    const via = new Map<number, string>();
    simulate(twoRoutes('equilibrium'), {
      trace: (link, v, time, entering) => {
        if (entering && link === 0) entered.set(v, time);
        if (entering && (link === 1 || link === 2)) via.set(v, link === 1 ? 'narrow' : 'wide');
        if (!entering && link === 3) {
          const key = `${Math.floor((entered.get(v) as number) / 300)}:${via.get(v)}`;
          times.set(key, [...(times.get(key) ?? []), time - (entered.get(v) as number)]);
        }
      },
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Once the queues have formed (bins 6 to 13), both routes are used and cost the same.
    for (let bin = 6; bin <= 13; bin++) {
      const narrow = mean(times.get(`${bin}:narrow`) ?? []);
      const wide = mean(times.get(`${bin}:wide`) ?? []);
      expect(Math.abs(narrow - wide) / wide).toBeLessThan(0.01);
    }
  });
});
