// Minimum cut by maximum flow: the flow found equals the capacity of the cut it
// reports (max-flow min-cut theorem), and closing the cut's links leaves the
// sources no path to a sink; checked on random networks against a plain search.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { minCut } from '../../src/analysis/max-flow.js';
import { compileScenario } from '../../src/network/compile.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import type { CompiledNetwork } from '../../src/network/compile.js';

/** Whether any of `sources` reaches any of `sinks` over links with capacity left after `closed`. */
function reaches(net: CompiledNetwork, capacity: Float64Array, sources: number[], sinks: number[], closed: Set<number>): boolean {
  const seen = new Set(sources);
  const queue = [...sources];
  while (queue.length > 0) {
    const v = queue.shift() as number;
    if (sinks.includes(v)) return true;
    for (let l = 0; l < net.linkCount; l++) {
      if (net.linkFrom[l] !== v || closed.has(l) || capacity[l] <= 0 || seen.has(net.linkTo[l])) continue;
      seen.add(net.linkTo[l]);
      queue.push(net.linkTo[l]);
    }
  }
  return false;
}

describe('minCut', () => {
  it('reports a cut whose capacity is the flow found and which separates sources from sinks', () => {
    fc.assert(
      fc.property(arbitraryScenario(), fc.nat(), (s, pick) => {
        const net = compileScenario(s);
        const capacity = Float64Array.from(net.linkCapacity);
        const sinks = s.shelters.map((x) => net.nodeIndex.get(x.node) as number);
        const source = pick % net.nodeCount;
        const cut = minCut(net, capacity, [source], sinks);
        if (sinks.includes(source)) {
          expect(cut.capacity).toBe(Infinity);
          return;
        }
        const total = cut.links.reduce((t, l) => t + capacity[l], 0);
        expect(cut.capacity).toBeCloseTo(total, 6);
        expect(reaches(net, capacity, [source], sinks, new Set(cut.links))).toBe(false);
        expect(cut.capacity > 0).toBe(reaches(net, capacity, [source], sinks, new Set()));
      }),
      { numRuns: 200 },
    );
  });
});
