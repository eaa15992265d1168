// ETE rows of single runs on small networks whose answers follow from the
// road lengths and speeds, or from the library's own clearance.
import { describe, expect, test } from 'vitest';
import { eteRows } from '../../src/ete/table.js';
import { TripRecorder } from '../../src/ete/trips.js';
import { buildZones } from '../../src/ete/zones.js';
import { clearance } from '../../src/report/clearance.js';
import { simulate } from '../../src/simulation/simulate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

/**
 *   north ──1 km── n-exit        south ──1 km── s-exit
 *   (district North, told at 0)  (district South, told 2 h later)
 */
function staggered(): Scenario {
  const mobilization = { kind: 'fixed' as const, median: 600, shape: null };
  return scenario({
    nodes: ['north', 'n-exit', 'south', 's-exit'],
    network: {
      nodes: [
        { id: 'north', x: 0, y: 0 }, { id: 'n-exit', x: 1000, y: 0 },
        { id: 'south', x: 0, y: -50_000 }, { id: 's-exit', x: 1000, y: -50_000 },
      ],
      roads: [road('n', 'north', 'n-exit'), road('s', 'south', 's-exit')],
    },
    settlements: [
      settlement('north', 'north', 40, { district: 'North' }),
      settlement('south', 'south', 40, { district: 'South' }),
    ],
    shelters: [exit('n-exit', 'n-exit'), exit('s-exit', 's-exit')],
    orders: [order(['north'], { mobilization }), order(['south'], { at: 7200, mobilization })],
  });
}

const byZone = (rows: ReturnType<typeof eteRows>, zone: string, group = 'all') => rows.find((r) => r.zone === zone && r.group === group);

describe('eteRows', () => {
  test('two zones with staggered orders have equal ETEs from their own orders, and different ones from the start', () => {
    const s = staggered();
    const result = simulate(s);
    const rows = eteRows(result, s, buildZones(s, [{ kind: 'district' }]));
    const north = byZone(rows, 'North')!;
    const south = byZone(rows, 'South')!;
    expect(north.orderAt).toBe(0);
    expect(south.orderAt).toBe(7200);
    for (const key of ['p50', 'p90', 'p95', 'p100'] as const) {
      expect(north[key]).not.toBeNull();
      expect(south[key]).toBe(north[key]);
      // From the start, the library's clearance: the order time apart.
      expect(clearance(result, { district: 'North' })[key]).toBe(north[key]);
      expect(clearance(result, { district: 'South' })[key]).toBe((south[key] as number) + 7200);
    }
    const all = byZone(rows, 'all')!;
    expect(all.people).toBe(80);
    expect(all.p100).toBe(clearance(result).p100);
  });

  test('a zone nobody was ordered from has no times, and says so with a null order time', () => {
    const s = { ...staggered(), orders: [staggered().orders[0]] };
    const rows = eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }]));
    expect(byZone(rows, 'South')).toMatchObject({ orderAt: null, people: 0, p50: null, p100: null });
  });

  test('car and transit-dependent groups split the people as the households split, and add up to everyone', () => {
    const s: Scenario = {
      ...staggered(),
      households: { size: 1, carShare: 0.5 },
      fleets: [{
        id: 'bus', depot: 'north', vehicles: 1, seats: 50, boardingSecondsPerPerson: 0, serves: [], mode: 'road',
        from: 0, headway: null, timetable: [],
      }],
    };
    const rows = eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }]));
    const [all, car, transit] = ['all', 'car', 'transit-dependent'].map((g) => byZone(rows, 'North', g)!);
    expect(car.people).toBe(20);
    expect(transit.people).toBe(20);
    expect(car.people + transit.people).toBe(all.people);
    expect(transit.p100).not.toBeNull();
    expect(all.p100).toBe(Math.max(car.p100 as number, transit.p100 as number));
  });

  test('people captured while waiting are the group still waiting: cars gone, the fleet\'s passengers trapped', () => {
    const s: Scenario = {
      ...staggered(),
      households: { size: 1, carShare: 0.5 },
      orders: [staggered().orders[0]],
      // The bus starts long after the capture: the cars have left (at 600 s) and reached the exit; the carless wait.
      fleets: [{
        id: 'bus', depot: 'n-exit', vehicles: 1, seats: 50, boardingSecondsPerPerson: 0, serves: [], mode: 'road',
        from: 7200, headway: null, timetable: [],
      }],
      hazards: [{ kind: 'capture', settlements: ['north'], nodes: [], at: 1800 }],
    };
    const rows = eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }]));
    const [all, car, transit] = ['all', 'car', 'transit-dependent'].map((g) => byZone(rows, 'North', g)!);
    expect(all).toMatchObject({ complied: 40, trapped: 20, people: 20 });
    expect(car).toMatchObject({ complied: 20, trapped: 0, people: 20 });
    expect(car.p100).toBe(all.p100);
    expect(transit).toMatchObject({ complied: 20, trapped: 20, people: 0, p100: null });
  });
});

/**
 *   home ──1 km── b ──1 km── c ──1 km── exit      zone: 1.5 km around home = {home, b}
 */
function line(): Scenario {
  return scenario({
    nodes: ['home', 'b', 'c', 'exit'],
    network: {
      nodes: ['home', 'b', 'c', 'exit'].map((id, i) => ({ id, x: i * 1000, y: 0 })),
      roads: [road('r1', 'home', 'b'), road('r2', 'b', 'c'), road('r3', 'c', 'exit')],
    },
    settlements: [settlement('home', 'home', 10)],
    shelters: [exit('exit', 'exit')],
    orders: [order(['home'])],
  });
}

describe('the leave-the-zone end point', () => {
  test('comes earlier than reaching the exit by the free travel time beyond the zone', () => {
    const s = line();
    const zones = buildZones(s, [{ kind: 'rings', radiiKm: [1.5], centre: { node: 'home' }, label: 'home' }]);
    const recorder = new TripRecorder();
    const result = simulate(s, { trace: recorder.trace });
    const visits = recorder.visits(result, new Map(s.network.nodes.map((n, i) => [n.id, i])));
    const atExit = byZone(eteRows(result, s, zones), '1.5km@home')!;
    const leftZone = byZone(eteRows(result, s, zones, { end: 'zone', visits }), '1.5km@home')!;
    // Road r3 (c → exit): 1 km at the local class's 40 km/h, uncongested.
    const beyond = (1 / 40) * 3600;
    for (const key of ['p50', 'p90', 'p95', 'p100'] as const) {
      expect(atExit[key]! - leftZone[key]!).toBeCloseTo(beyond, 6);
    }
  });

  test('equals reaching the exit for the whole-scenario zone', () => {
    const s = line();
    const zones = buildZones(s, []);
    const recorder = new TripRecorder();
    const result = simulate(s, { trace: recorder.trace });
    const visits = recorder.visits(result, new Map(s.network.nodes.map((n, i) => [n.id, i])));
    expect(eteRows(result, s, zones, { end: 'zone', visits })).toEqual(eteRows(result, s, zones));
  });

  test('needs the recorded visits', () => {
    const s = line();
    expect(() => eteRows(simulate(s), s, buildZones(s, []), { end: 'zone' })).toThrow(/TripRecorder/);
  });
});
