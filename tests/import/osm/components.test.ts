import fc from 'fast-check';
import { expect, test } from 'vitest';
import { largestStronglyConnected, stronglyConnectedComponents } from '../../../src/import/osm/components.js';

/** Nodes reachable from `s`, by a plain search over the edge list. */
function reachable(n: number, edges: [number, number][], s: number): boolean[] {
  const seen = new Array<boolean>(n).fill(false);
  const todo = [s];
  seen[s] = true;
  while (todo.length > 0) {
    const v = todo.pop()!;
    for (const [a, b] of edges) {
      if (a === v && !seen[b]) {
        seen[b] = true;
        todo.push(b);
      }
    }
  }
  return seen;
}

const graphs = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 })),
);

test('two nodes share a component exactly when each reaches the other', () => {
  fc.assert(
    fc.property(graphs, ([n, edges]) => {
      const { labels, count } = stronglyConnectedComponents(n, edges.map((e) => e[0]), edges.map((e) => e[1]));
      const reach = Array.from({ length: n }, (_, s) => reachable(n, edges, s));
      for (let u = 0; u < n; u++) {
        expect(labels[u]).toBeGreaterThanOrEqual(0);
        expect(labels[u]).toBeLessThan(count);
        for (let v = 0; v < n; v++) expect(labels[u] === labels[v]).toBe(reach[u][v] && reach[v][u]);
      }
    }),
  );
});

test('the largest component is kept, the first of equal ones', () => {
  // 0 ⇄ 1 ⇄ 2   3 ⇄ 4   5 → 0
  const keep = largestStronglyConnected(6, [0, 1, 1, 2, 3, 4, 5], [1, 0, 2, 1, 4, 3, 0]);
  expect([...keep]).toEqual([1, 1, 1, 0, 0, 0]);
  // 0 ⇄ 1   2 ⇄ 3: equal sizes, the one holding node 0 wins
  expect([...largestStronglyConnected(4, [2, 3, 0, 1], [3, 2, 1, 0])]).toEqual([1, 1, 0, 0]);
});

test('a chain of 200,000 two-way links does not overflow the stack', () => {
  const n = 200_000;
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i + 1 < n; i++) {
    from.push(i, i + 1);
    to.push(i + 1, i);
  }
  const { count } = stronglyConnectedComponents(n, from, to);
  expect(count).toBe(1);
});
