// fast-check generator of small valid scenarios: a random connected road network
// of 3–8 planar nodes, settlements with orders, an exit and a small shelter, and
// optionally a closure, a slowdown, buses and the capture of a node.
import fc from 'fast-check';
import type { Scenario, HazardSpec, FleetSpec, MobilizationKind } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from './build.js';

export interface ArbitraryOptions {
  hazards?: boolean;
  fleets?: boolean;
  stochastic?: boolean;
  capture?: boolean;
}

export function arbitraryScenario(options: ArbitraryOptions = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({
      n: fc.integer({ min: 3, max: 8 }),
      extra: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 8 }),
      lengths: fc.array(fc.integer({ min: 8, max: 3000 }), { minLength: 20, maxLength: 20 }),
      capacities: fc.array(fc.integer({ min: 60, max: 3600 }), { minLength: 20, maxLength: 20 }),
      lanes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 20, maxLength: 20 }),
      populations: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 4 }),
      compliance: fc.double({ min: 0, max: 1, noNaN: true }),
      kind: fc.constantFrom<MobilizationKind>('fixed', 'uniform', 'rayleigh', 'weibull', 'lognormal', 'logistic'),
      median: fc.integer({ min: 0, max: 3600 }),
      orderAt: fc.integer({ min: 0, max: 1800 }),
      householdSize: fc.double({ min: 1, max: 3, noNaN: true }),
      carShare: fc.double({ min: 0, max: 1, noNaN: true }),
      shelterCapacity: fc.integer({ min: 0, max: 60 }),
      shelterShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
      stuckSeconds: fc.integer({ min: 30, max: 900 }),
      seed: fc.integer({ min: 0, max: 1000 }),
      closure: fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3600 }), fc.integer({ min: 60, max: 7200 })),
      slowdown: fc.tuple(fc.nat(), fc.double({ min: 0.1, max: 1, noNaN: true })),
      buses: fc.integer({ min: 1, max: 3 }),
      capture: fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7200 })),
    })
    .map((p) => {
      const nodes = Array.from({ length: p.n }, (_, i) => `n${i}`);
      const roads = [];
      // a chain guarantees every node reaches the exit at the last node
      for (let i = 0; i + 1 < p.n; i++) roads.push([i, i + 1, false] as const);
      for (const [a, b, oneway] of p.extra) if (a % p.n !== b % p.n) roads.push([a % p.n, b % p.n, oneway] as const);
      const s = scenario({
        nodes,
        seed: p.seed,
        horizon: 4 * 86400,
        network: {
          nodes: nodes.map((id, i) => ({ id, x: (i % 3) * 1000, y: Math.floor(i / 3) * 1000 })),
          roads: roads.map(([a, b, oneway], i) =>
            road(`r${i}`, nodes[a], nodes[b], {
              lengthKm: p.lengths[i % 20] / 1000,
              capacityVehPerHour: p.capacities[i % 20],
              lanes: p.lanes[i % 20],
              oneway,
            }),
          ),
        },
        settlements: p.populations.map((pop, i) => settlement(`s${i}`, nodes[i % (p.n - 1)], pop, { district: i % 2 ? 'east' : 'west' })),
        shelters: [exit('out', nodes[p.n - 1]), exit('shelter', nodes[Math.floor(p.n / 2)], p.shelterCapacity)],
        households: { size: p.householdSize, carShare: options.fleets ? p.carShare : 1 },
        shelterShare: p.shelterShare,
        stochasticCompliance: options.stochastic ?? false,
        stuckSeconds: p.stuckSeconds,
        orders: [
          order(
            p.populations.map((_, i) => `s${i}`),
            { at: p.orderAt, compliance: p.compliance, mobilization: { kind: p.kind, median: p.median, shape: null } },
          ),
        ],
      });
      if (options.hazards) {
        const hazards: HazardSpec[] = [
          { kind: 'closure', roads: [`r${p.closure[0] % roads.length}`], from: p.closure[1], until: p.closure[1] + p.closure[2] },
          { kind: 'slowdown', roads: [`r${p.slowdown[0] % roads.length}`], from: 0, until: null, factor: p.slowdown[1] },
        ];
        s.hazards = hazards;
      }
      if (options.capture) {
        s.hazards = [...s.hazards, { kind: 'capture', settlements: [], nodes: [nodes[p.capture[0] % p.n]], at: p.capture[1] }];
      }
      if (options.fleets) {
        const fleet: FleetSpec = {
          id: 'bus', depot: nodes[p.n - 1], vehicles: p.buses, seats: 20, boardingSecondsPerPerson: 2,
          serves: [], mode: 'road', from: 0, headway: null, timetable: [],
        };
        s.fleets = [fleet];
      }
      return s;
    });
}
