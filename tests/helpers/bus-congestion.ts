// fast-check generator of bus congestion: full buses of several car units (a fleet's
// `pce`) leave depot d and cars leave town c, by roads A and C that merge at m into a
// chain of short roads (8 to 120 m, one or two lanes) to the exit x behind a bottleneck
// of 60 to 600 veh/h; the chain's first road forks at n0 to a small shelter s as well.
//
//   d ──A──►                 ┌──S──► s (shelter)
//            m ──M0──► n0 ───┴──M1──► … ──► x (exit)
//   c ──C──►
import fc from 'fast-check';
import type { RoadSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from './build.js';

export function busCongestion(): fc.Arbitrary<Scenario> {
  return fc
    .record({
      pce: fc.integer({ min: 2, max: 8 }),
      buses: fc.integer({ min: 2, max: 12 }),
      seats: fc.integer({ min: 10, max: 60 }),
      busPeople: fc.integer({ min: 20, max: 400 }),
      cars: fc.integer({ min: 0, max: 300 }),
      chain: fc.array(fc.record({ m: fc.integer({ min: 8, max: 120 }), lanes: fc.integer({ min: 1, max: 2 }), cap: fc.integer({ min: 600, max: 3600 }) }), { minLength: 1, maxLength: 3 }),
      bottleneck: fc.integer({ min: 60, max: 600 }),
      feeds: fc.tuple(fc.integer({ min: 300, max: 3600 }), fc.integer({ min: 300, max: 3600 })),
      shelter: fc.integer({ min: 0, max: 80 }),
      mode: fc.constantFrom('free-flow', 'adaptive') as fc.Arbitrary<'free-flow' | 'adaptive'>,
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .map((p): Scenario => {
      const nodes = [
        { id: 'd', x: 0, y: 500 }, { id: 'c', x: 0, y: -500 }, { id: 'm', x: 1000, y: 0 },
        { id: 's', x: 2000, y: 1000 }, { id: 'x', x: 5000, y: 0 },
      ];
      const roads: RoadSpec[] = [
        road('A', 'd', 'm', { capacityVehPerHour: p.feeds[0] }),
        road('C', 'c', 'm', { capacityVehPerHour: p.feeds[1] }),
      ];
      let at = 'm';
      let x = 1000;
      p.chain.forEach((link, i) => {
        x += link.m;
        nodes.push({ id: `n${i}`, x, y: 0 });
        roads.push(road(`M${i}`, at, `n${i}`, { lengthKm: link.m / 1000, lanes: link.lanes, capacityVehPerHour: link.cap }));
        at = `n${i}`;
      });
      roads.push(road('S', 'n0', 's', { capacityVehPerHour: 1800, oneway: false }));
      roads.push(road('B', at, 'x', { lengthKm: 2, capacityVehPerHour: p.bottleneck }));
      return scenario({
        nodes: [],
        seed: p.seed,
        horizon: 2 * 86400,
        network: { nodes, roads },
        settlements: [settlement('bus-town', 'd', p.busPeople, { district: 'carless' }), settlement('car-town', 'c', p.cars)],
        households: { size: 1, carShare: 1, districts: { carless: { carShare: 0 } } },
        shelters: [exit('x', 'x'), exit('s', 's', p.shelter)],
        shelterShare: 0.3,
        orders: [order(['bus-town', 'car-town'])],
        fleets: [{
          id: 'bus', depot: 'd', vehicles: p.buses, seats: p.seats, boardingSecondsPerPerson: 1, pce: p.pce,
          serves: [], mode: 'road', from: 0, headway: null, timetable: [],
        }],
        routing: { mode: p.mode, periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 },
      });
    });
}
