// When equilibrium routing stops: after `routing.iterations` runs, once a run's relative
// gap reaches `routing.gap`, or as soon as a run teaches nothing new (no learned correction
// moves), since every further run would then repeat it exactly.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/simulate.js';
import type { SimulationResult } from '../../src/result.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { twoRoutes } from '../helpers/two-routes.js';
import { bottleneckPastFork } from '../helpers/bottleneck-past-fork.js';

/** The result without the routing report and the wall time: what the runs did. */
function outcome(result: SimulationResult): unknown {
  const { routing: _routing, ...rest } = result;
  return rest;
}

function withRouting(s: Scenario, routing: Partial<Scenario['routing']>): Scenario {
  return { ...s, routing: { ...s.routing, ...routing } };
}

/** One road from o to x and a fork on: a queue forms, but every vehicle has one way to go. */
function oneWay(cars: number, capacity: number): Scenario {
  return scenario({
    nodes: ['o', 'a', 'x'],
    network: {
      nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'a', x: 1000, y: 0 }, { id: 'x', x: 3000, y: 0 }],
      roads: [road('in', 'o', 'a'), road('on', 'a', 'x', { lengthKm: 2, capacityVehPerHour: capacity })],
    },
    settlements: [settlement('o', 'o', cars)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'], { mobilization: { kind: 'uniform', median: 1800, shape: null } })],
    routing: { mode: 'equilibrium', periodSeconds: 120, smoothing: 0.5, iterations: 20, binSeconds: 300 },
  });
}

describe('equilibrium routing stops', () => {
  it('after every iteration when neither the gap nor a repeat stops it', () => {
    const routing = simulate(twoRoutes('equilibrium')).routing;
    expect(routing?.iterations).toBe(8);
    expect(routing?.relativeGap).toHaveLength(8);
    expect(routing?.stoppedBy).toBe('iterations');
  });

  it('at the first run whose gap reaches routing.gap, with the runs before unchanged', () => {
    // A case whose adaptive first run is far from equilibrium (on the two-route case it is
    // the run of least gap: every target would stop it there).
    const deep = withRouting(bottleneckPastFork('equilibrium'), { iterations: 8 });
    const all = simulate(deep).routing?.relativeGap ?? [];
    // The lowest gap before the last run: reached first at a run before the last.
    const target = Math.min(...all.slice(0, -1));
    const first = all.findIndex((g) => g <= target);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(all.length - 1);
    const stopped = simulate(withRouting(deep, { gap: target }));
    expect(stopped.routing).toEqual({ mode: 'equilibrium', iterations: first + 1, relativeGap: all.slice(0, first + 1), stoppedBy: 'gap', kept: first + 1 });
    // The run it stopped at is the one that many iterations would have ended with.
    const fixed = simulate(withRouting(deep, { iterations: first + 1 }));
    expect(outcome(stopped)).toEqual(outcome(fixed));
  });

  it('when the runs would repeat: early, and with the result every further run would give', () => {
    const s = oneWay(600, 300);
    const stopped = simulate(s);
    expect(stopped.routing?.stoppedBy).toBe('repeat');
    expect(stopped.routing?.iterations).toBeLessThan(20);
    expect(stopped.vehicles.arrived).toBe(600);
    // A traced run stopped early makes the final run once more with the trace: the same run.
    const traced = simulate(s, { trace: () => {} });
    expect(outcome(traced)).toEqual(outcome(stopped));
    expect(traced.routing).toEqual(stopped.routing);
  });

  it('a run made after a repeat stop repeats the last one (property on random one-way queues)', () => {
    let repeats = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 60, max: 3600 }), (cars, capacity) => {
        const s = oneWay(cars, capacity);
        const stopped = simulate(s);
        if (stopped.routing?.stoppedBy !== 'repeat') return;
        repeats++;
        // With a trace, the run after the stop is made (and traced): it must be the same run.
        const again = simulate(s, { trace: () => {} });
        expect(outcome(again)).toEqual(outcome(stopped));
      }),
      { numRuns: 40 },
    );
    expect(repeats).toBeGreaterThan(20);
  });
});
