// Routes follow travel time, not length: a short slow road loses to a longer fast
// one, for cars under every routing mode and for a bus fetching people.
//
//   a ──slow (2 km, 20 km/h: 360 s)──────────────────────────► b (exit)
//   a ──fast1 (3 km, 100 km/h: 108 s)──► c ──fast2 (3 km, 100 km/h: 108 s)──► b
//
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { FleetSpec, RoutingSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const ROUTING: RoutingSpec['mode'][] = ['free-flow', 'adaptive', 'equilibrium'];

function twoWays(mode: RoutingSpec['mode'], fields: Partial<Scenario> = {}): Scenario {
  const base = scenario({ nodes: [] });
  return scenario({
    nodes: [],
    network: {
      nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 2000, y: 0 }, { id: 'c', x: 1000, y: 2800 }],
      roads: [
        road('slow', 'a', 'b', { lengthKm: 2, speedKmh: 20, capacityVehPerHour: 3600, oneway: false }),
        road('fast1', 'a', 'c', { lengthKm: 3, speedKmh: 100, capacityVehPerHour: 3600, oneway: false }),
        road('fast2', 'c', 'b', { lengthKm: 3, speedKmh: 100, capacityVehPerHour: 3600, oneway: false }),
      ],
    },
    settlements: [settlement('a', 'a', 1)],
    shelters: [exit('b', 'b')],
    orders: [order(['a'])],
    routing: { ...base.routing, mode, iterations: 2 },
    ...fields,
  });
}

function evacuatedAt(s: Scenario): number[] {
  const r = simulate(s);
  const out: number[] = [];
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) out.push(r.log.time[i]);
  return out;
}

describe('routes follow travel time, not length', () => {
  for (const mode of ROUTING) {
    it(`a car under ${mode} routing takes the longer, faster way: 216 s, not 360 s`, () => {
      expect(evacuatedAt(twoWays(mode))).toEqual([216]);
      const used = Object.fromEntries(simulate(twoWays(mode)).links.map((l) => [l.id, l.vehicles]));
      expect(used).toMatchObject({ slow: 0, fast1: 1, fast2: 1 });
    });
  }

  it('a bus at b fetches the people of a the fast way, and brings them back the fast way', () => {
    const bus: FleetSpec = {
      id: 'bus', depot: 'b', vehicles: 1, seats: 10, boardingSecondsPerPerson: 1, serves: [], mode: 'road',
      from: 0, headway: null, timetable: [],
    };
    const s = twoWays('free-flow', { households: { size: 1, carShare: 0 }, fleets: [bus] });
    // b → c → a: 216 s; board 1 person: 1 s; a → c → b: 216 s.
    expect(evacuatedAt(s)).toEqual([433]);
  });
});
