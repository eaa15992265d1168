import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDemand } from '../../src/demand/households.js';
import { assignOrders } from '../../src/demand/orders.js';
import { placement } from '../../src/network/build-graph.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { expectAtLeast, expectSame } from '../helpers/loop-expect.js';

const base = (population: number, size: number, carShare: number, compliance: number) =>
  scenario({
    nodes: ['a', 'b'],
    network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }], roads: [road('r', 'a', 'b')] },
    settlements: [settlement('a', 'a', population)],
    shelters: [exit('b', 'b')],
    households: { size, carShare },
    orders: [order(['a'], { compliance, at: 60, mobilization: { kind: 'uniform', median: 600, shape: null } })],
  });

const demandOf = (s: ReturnType<typeof base>) => buildDemand(s, assignOrders(s, placement(s)), s.seed);

describe('households', () => {
  it('turns round(population × compliance) people into households of the mean size', () => {
    const d = demandOf(base(1000, 2.5, 0.7, 0.67));
    expect(d.complied[0]).toBe(670);
    expect(d.count).toBe(268);
    expect(Array.from(d.people).reduce((a, b) => a + b, 0)).toBe(670);
    expect(d.cars).toBe(Math.floor(268 * 0.7));
  });

  it('rounds half up as the decimal product reads: 45 × 0.7 = 31.5 → 32 comply, 33 ÷ 4.4 = 7.5 → 8 households', () => {
    expect(demandOf(base(45, 1, 1, 0.7)).complied[0]).toBe(32);
    expect(demandOf(base(33, 4.4, 1, 1)).count).toBe(8);
  });

  it('complies round(population × compliance) of the exact decimal product, every population to 200 and compliance in hundredths', () => {
    for (let population = 1; population <= 200; population++) {
      for (let hundredths = 0; hundredths <= 100; hundredths++) {
        // Integer arithmetic: population × hundredths / 100, half up.
        expectSame(demandOf(base(population, 1e6, 1, hundredths / 100)).complied[0], Math.floor((population * hundredths + 50) / 100));
      }
    }
  });

  it('keeps everyone: household sizes sum to the compliant people, ready after the order, in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 1, max: 6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (population, size, carShare, compliance) => {
          const d = demandOf(base(population, size, carShare, compliance));
          const people = Array.from(d.people);
          expect(people.reduce((a, b) => a + b, 0)).toBe(d.complied[0]);
          expect(Math.max(0, ...people) - Math.min(...(people.length ? people : [0]))).toBeLessThanOrEqual(1);
          for (let k = 0; k < d.count; k++) {
            expectAtLeast(d.ready[k], 60);
            if (k > 0) expectAtLeast(d.ready[k], d.ready[k - 1]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('orders', () => {
  it('tells a settlement once, by the earliest order that names it', () => {
    const s = base(10, 1, 1, 1);
    s.orders = [order(['a'], { at: 500, compliance: 0.2 }), order(['a'], { at: 100, compliance: 0.9 })];
    const assigned = assignOrders(s, placement(s));
    expect(Array.from(assigned)).toEqual([1]);
    expect(buildDemand(s, assigned, 1).complied[0]).toBe(9);
  });
});
