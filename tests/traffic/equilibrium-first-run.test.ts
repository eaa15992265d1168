// Equilibrium routing repeats the adaptive choice, learning between runs: its first
// run, having learned nothing, is the adaptive run itself, the periodic refresh of
// the travel-time estimates (and of the trees on them) included.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';

/** Vehicles per link, and every link entry and exit of a run as text. */
function traced(s: Scenario): { links: Record<string, number>; steps: string } {
  const steps: string[] = [];
  const r = simulate(s, { trace: (l, v, t, entering) => steps.push(`${l},${v},${t},${entering ? 1 : 0}`) });
  return { links: Object.fromEntries(r.links.map((l) => [l.id, l.vehicles])), steps: `${steps.join('\n')}\n${JSON.stringify(r.vehicles)}` };
}

function expectSameRun(a: Scenario, b: Scenario): void {
  const [x, y] = [traced(a), traced(b)];
  expect(x.links).toEqual(y.links);
  // Compared whole, without a diff of thousands of lines when they differ.
  expect(x.steps === y.steps).toBe(true);
}

/** One run under `mode`, its estimates refreshed every 30 s (the generated runs are short). */
const oneRun = (s: Scenario, mode: RoutingMode): Scenario => ({ ...s, routing: { ...s.routing, mode, iterations: 1, periodSeconds: 30 } });

//   o1 ──A1 (1 km)──► m ──B (5 km, 1,200 veh/h)──► x        o2 ──A2 (1 km)──► m
//   o1 ──Y (8 km, 1,800 veh/h)───────────────────────► x
// 2,000 cars from each town, ready over an hour. o2 has only B; o1 has B (6 km) or the
// bypass Y (8 km). Once B queues, the trees on the refreshed estimates show the queue
// beyond m to o1's cars, and most take the bypass.
function sharedBottleneck(mode: RoutingMode): Scenario {
  return scenario({
    nodes: ['o1', 'o2', 'm', 'x'],
    network: {
      nodes: [{ id: 'o1', x: 0, y: 0 }, { id: 'o2', x: 0, y: 2000 }, { id: 'm', x: 1000, y: 1000 }, { id: 'x', x: 6000, y: 1000 }],
      roads: [
        road('A1', 'o1', 'm', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 3600, lanes: 2 }),
        road('A2', 'o2', 'm', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 3600, lanes: 2 }),
        road('B', 'm', 'x', { lengthKm: 5, speedKmh: 60, capacityVehPerHour: 1200 }),
        road('Y', 'o1', 'x', { lengthKm: 8, speedKmh: 60, capacityVehPerHour: 1800 }),
      ],
    },
    settlements: [settlement('o1', 'o1', 2000), settlement('o2', 'o2', 2000)],
    shelters: [exit('x', 'x')],
    orders: [order(['o1', 'o2'], { mobilization: { kind: 'uniform', median: 1800, shape: null } })],
    routing: { mode, periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 },
  });
}

describe('the first run of equilibrium routing is the adaptive run', () => {
  it('two towns sharing a bottleneck, one with a bypass: the same entries and exits, most of the bypass town on the bypass', () => {
    const adaptive = sharedBottleneck('adaptive');
    expectSameRun(sharedBottleneck('equilibrium'), adaptive);
    const bypass = simulate(adaptive).links.find((l) => l.id === 'Y')?.vehicles ?? 0;
    expect(bypass).toBeGreaterThan(1000);
  });

  it('on random networks, with hazards and fleets', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true }), (s) => {
        expectSameRun(oneRun(s, 'equilibrium'), oneRun(s, 'adaptive'));
      }),
      { numRuns: 150 },
    );
  });
});
