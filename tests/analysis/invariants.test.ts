// The network analysis against brute force on random small scenarios (3–8 nodes, an
// exit and a shelter): a settlement's critical links are exactly the links without
// which it reaches no destination, and each zone's minimum cut is the least capacity
// of any set of nodes holding the zone and no destination (every such set tried).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../src/analysis/analyze.js';
import { carriedCapacity } from '../../src/network/carried.js';
import { compileScenario } from '../../src/network/compile.js';
import type { Scenario } from '../../src/scenario/types.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';

/** Whether node `from` reaches a destination over the roads of `s`, link `without` closed. */
function reachesSafety(s: Scenario, from: string, without: string | null): boolean {
  const links = s.network.roads.flatMap((r) => [
    { id: r.id, from: r.from, to: r.to },
    ...(r.oneway ? [] : [{ id: `${r.id}:back`, from: r.to, to: r.from }]),
  ]).filter((l) => l.id !== without);
  const safe = new Set(s.shelters.map((x) => x.node));
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const v = queue.shift() as string;
    if (safe.has(v)) return true;
    for (const l of links) {
      if (l.from === v && !seen.has(l.to)) {
        seen.add(l.to);
        queue.push(l.to);
      }
    }
  }
  return false;
}

describe('analyzeNetwork against brute force', () => {
  it('lists as critical exactly the links whose closing leaves a settlement no destination', () => {
    fc.assert(
      fc.property(arbitraryScenario(), (s) => {
        const a = analyzeNetwork(s);
        const links = s.network.roads.flatMap((r) => (r.oneway ? [r.id] : [r.id, `${r.id}:back`]));
        s.settlements.forEach((x, i) => {
          const cutting = reachesSafety(s, x.node, null) ? links.filter((l) => !reachesSafety(s, x.node, l)) : [];
          expect([...a.settlements[i].criticalLinks].sort()).toEqual(cutting.sort());
        });
      }),
      { numRuns: 300 },
    );
  });

  it("finds each zone's minimum cut: no set of nodes around it and away from safety has fewer vehicles an hour leaving it", () => {
    fc.assert(
      fc.property(arbitraryScenario(), (s) => {
        const a = analyzeNetwork(s);
        const net = compileScenario(s);
        const capacity = Array.from({ length: net.linkCount }, (_, l) => carriedCapacity(net, l));
        const safe = new Set(s.shelters.map((x) => net.nodeIndex.get(x.node) as number));
        for (const cut of a.cuts) {
          const members = s.settlements.filter((x) => cut.kind === 'all' || (cut.kind === 'district' ? x.district === cut.zone : x.id === cut.zone));
          const sources = new Set(members.map((x) => net.nodeIndex.get(x.node) as number).filter((n) => !safe.has(n)));
          if (sources.size === 0) {
            expect(cut.capacityVehPerHour).toBeNull();
            continue;
          }
          // Every set of nodes holding the sources and no destination: the least capacity leaving one.
          let least = Infinity;
          for (let mask = 0; mask < 1 << net.nodeCount; mask++) {
            const inside = (n: number) => (mask & (1 << n)) !== 0;
            if ([...sources].some((n) => !inside(n)) || [...safe].some(inside)) continue;
            let leaving = 0;
            for (let l = 0; l < net.linkCount; l++) if (inside(net.linkFrom[l]) && !inside(net.linkTo[l])) leaving += capacity[l];
            least = Math.min(least, leaving);
          }
          if (least === 0) {
            expect(cut.capacityVehPerHour).toBeNull();
            continue;
          }
          expect(cut.capacityVehPerHour).toBeCloseTo(least, 6);
          const listed = cut.cut.reduce((t, id) => t + capacity[net.linkIndex.get(id) as number], 0);
          expect(listed).toBeCloseTo(least, 6);
          const households = members
            .filter((x) => !safe.has(net.nodeIndex.get(x.node) as number))
            .reduce((t, x) => t + x.population / s.households.size, 0);
          expect(cut.lowerBoundHours).toBeCloseTo(households / least, 9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
