// Measures on one road multiply their factors, and background flows add up, in one order
// whatever the hazards' listing: products of floats depend on their order in the last bit
// (0.1 × 0.7 × 0.3 = 0.020999999999999998, 0.3 × 0.7 × 0.1 = 0.021), which moved a road's
// speed, capacity and so every time on it with the listing.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { compileScenario } from '../../src/network/compile.js';
import { placement } from '../../src/network/build-graph.js';
import { linkFactorsAt, planHazards } from '../../src/hazards/plan.js';
import { simulate } from '../../src/simulation/index.js';

function withHazards(reversed: boolean) {
  const hazards: Record<string, unknown>[] = [
    ...[0.1, 0.7, 0.3].map((x) => ({ kind: 'weather', speedFactor: x, capacityFactor: x, roads: ['r'], from: 0 })),
    ...[0.3, 0.9].map((factor) => ({ kind: 'slowdown', roads: ['r'], factor, from: 0 })),
  ];
  if (reversed) hazards.reverse();
  return parseScenario({
    name: 'factors', seed: 1,
    network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }], roads: [{ id: 'r', from: 'a', to: 'b', lengthKm: 1.3 }] },
    settlements: [{ id: 'a', node: 'a', population: 20 }], shelters: [{ id: 'b', node: 'b' }],
    households: { size: 1, carShare: 1 },
    orders: [{ at: 0, settlements: ['a'], compliance: 1 }],
    background: [0.1, 0.2, 0.3].map((share) => ({ roads: ['r'], vehiclesPerHour: 100 * share, from: 0 })),
    hazards,
  });
}

describe('measures on one road', () => {
  it('combine the same way however the hazards are listed', () => {
    const factors = (reversed: boolean) => {
      const s = withHazards(reversed);
      const net = compileScenario(s);
      const m = linkFactorsAt(planHazards(s, net, placement(s)), 10, net.linkCount);
      return m === null ? null : { speed: m.speed[0], capacity: m.capacity[0], background: m.background[0] };
    };
    expect(factors(false)).toEqual(factors(true));
    expect(factors(false)?.speed).toBe(0.1 * 0.3 * 0.7);
  });

  it('give the same times to the last bit', () => {
    const times = (reversed: boolean) => Array.from(simulate(withHazards(reversed)).log.time);
    expect(times(true)).toEqual(times(false));
  });
});
