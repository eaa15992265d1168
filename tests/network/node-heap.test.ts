// Dijkstra's heap: whatever is pushed and popped in between, each pop gives the
// entry of least (cost, push order) among those still held, a node pushed again
// included, and the heap grows from one slot without losing any.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NodeHeap } from '../../src/network/node-heap.js';

type Op = { push: [number, number] } | { pop: true };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.nat(9), fc.constantFrom(0, 1, 1, 2, 2.5, 7)).map((push) => ({ push })) },
  { weight: 1, arbitrary: fc.constant({ pop: true as const }) },
);

describe('NodeHeap', () => {
  it('pops in (cost, push order) from any mix of pushes and pops, starting from one slot', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const heap = new NodeHeap(1);
        // The reference: every entry held, with its cost and push order.
        let held: { node: number; cost: number; order: number }[] = [];
        let order = 0;
        const least = () => held.reduce((a, b) => (b.cost < a.cost || (b.cost === a.cost && b.order < a.order) ? b : a));
        for (const o of ops) {
          if ('push' in o) {
            const [node, cost] = o.push;
            heap.push(node, cost);
            held.push({ node, cost, order: order++ });
          } else if (held.length === 0) {
            expect(heap.pop()).toBe(-1);
          } else {
            const want = least();
            held = held.filter((e) => e !== want);
            expect(heap.pop()).toBe(want.node);
          }
          expect(heap.size).toBe(held.length);
        }
        heap.clear();
        expect(heap.pop()).toBe(-1);
      }),
      { numRuns: 500 },
    );
  });
});
