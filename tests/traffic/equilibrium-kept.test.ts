// Equilibrium routing gives the result of the run with the lowest relative gap, not
// always the last: the learned choices can swing (on the two-route case the runs settle
// near 0.4 % and a later one jumps back above 1 %), and a study wants the run nearest
// to equilibrium. A traced run traces that run.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/simulate.js';
import type { SimulationResult } from '../../src/result.js';
import type { Scenario } from '../../src/scenario/types.js';
import { twoRoutes } from '../helpers/two-routes.js';

/** The result without the routing report: what the runs did. */
function outcome(result: SimulationResult): unknown {
  const { routing: _routing, ...rest } = result;
  return rest;
}

function withIterations(iterations: number): Scenario {
  const s = twoRoutes('equilibrium');
  return { ...s, routing: { ...s.routing, iterations } };
}

/** Link entries as "link@time", in the order they happen. */
function traced(s: Scenario): { result: SimulationResult; entries: string[] } {
  const entries: string[] = [];
  const roads = s.network.roads.length;
  const result = simulate(s, { trace: (l, _v, t, entering) => entering && l < roads && entries.push(`${l}@${t}`) });
  return { result, entries };
}

describe('the run equilibrium routing keeps', () => {
  // Found once, for the first two tests: 16 runs of the two-route case (the 15th has the
  // lowest gap, 0.398 %, the 16th 0.400 %).
  const all = simulate(withIterations(16));
  const gaps = all.routing?.relativeGap ?? [];
  const lowest = Math.min(...gaps);
  const best = gaps.lastIndexOf(lowest) + 1;

  it('is the one with the lowest gap, here not the last: its result is that of stopping there', () => {
    expect(gaps).toHaveLength(16);
    // The case swings: the lowest gap comes before the last run, which is worse.
    expect(best).toBeLessThan(16);
    expect(gaps[15]).toBeGreaterThan(lowest);
    expect(all.routing?.kept).toBe(best);
    const stoppedThere = simulate(withIterations(best));
    expect(stoppedThere.routing?.kept).toBe(best);
    expect(outcome(all)).toEqual(outcome(stoppedThere));
  });

  it('is the run a trace follows, and tracing changes nothing', () => {
    const withTrace = traced(withIterations(16));
    expect(outcome(withTrace.result)).toEqual(outcome(all));
    expect(withTrace.result.routing).toEqual(all.routing);
    expect(withTrace.entries).toEqual(traced(withIterations(best)).entries);
    // Each car enters three roads: in, one of the two, out.
    expect(withTrace.entries).toHaveLength(3 * 3000);
  });

  it('is the later of runs with the same gap', () => {
    // One road on from the fork's far side closed: every vehicle has one route, every gap is 0.
    const s = withIterations(4);
    s.hazards = [{ kind: 'closure', roads: ['narrow'], from: 0, until: null }];
    const r = simulate(s);
    expect(r.routing?.relativeGap.every((g) => g === 0)).toBe(true);
    expect(r.routing?.iterations).toBeGreaterThan(1);
    expect(r.routing?.kept).toBe(r.routing?.iterations);
  });
});
