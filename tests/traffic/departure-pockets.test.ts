// Departure pockets: the vehicles of an origin queue wait for their first link in one
// queue per link, so a car waiting for a jammed first road does not hold those bound
// for another, and roads that part at the origin itself are each used at their own rate.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { compileScenario } from '../../src/network/compile.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { expectSame } from '../helpers/loop-expect.js';

//   o ══ narrow (10 km, 600 veh/h) or wide (11 km, 1,800 veh/h) ══► x
// The two-route case with both roads leaving the town itself: 3,000 cars released at once.
// With n on the narrow road its last car leaves at 600 + 6(n − 1) s and the wide road's at
// 660 + 2(2,999 − n) s: both equal near n = 758, so nothing clears before 5,142 s; all on
// the narrow road clear at 600 + 6·2,999 = 18,594 s.
function parallelFromTown(mode: RoutingMode): Scenario {
  return scenario({
    nodes: ['o', 'x'],
    network: {
      nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'x', x: 10000, y: 0 }],
      roads: [
        road('narrow', 'o', 'x', { lengthKm: 10, speedKmh: 60, capacityVehPerHour: 600 }),
        road('wide', 'o', 'x', { lengthKm: 11, speedKmh: 60, capacityVehPerHour: 1800, lanes: 2 }),
      ],
    },
    settlements: [settlement('o', 'o', 3000)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'], { mobilization: { kind: 'fixed', median: 0, shape: null } })],
    routing: { mode, periodSeconds: 120, smoothing: 0.5, iterations: 8, binSeconds: 300 },
  });
}

function lastEvacuation(s: Scenario): { last: number; narrow: number } {
  const r = simulate(s);
  let last = 0;
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) last = Math.max(last, r.log.time[i]);
  return { last, narrow: r.links.find((l) => l.id === 'narrow')?.vehicles ?? 0 };
}

describe('departure pockets', () => {
  it('free-flow: every car on the shorter narrow road, at its closed form', () => {
    const { last, narrow } = lastEvacuation(parallelFromTown('free-flow'));
    expect(narrow).toBe(3000);
    expect(last).toBeCloseTo(600 + 6 * 2999, 6);
  });

  it.each(['adaptive', 'equilibrium'] as const)('%s: both roads from the town at their own rates, within one per cent of the best split', (mode) => {
    // In one departure queue, a car for the narrow road waiting its 6 s headway held the
    // cars for the wide one behind it: 5,812 s (adaptive) and 5,870 s (equilibrium).
    const { last, narrow } = lastEvacuation(parallelFromTown(mode));
    expect(last).toBeGreaterThanOrEqual(5142);
    expect(last).toBeLessThanOrEqual(5142 * 1.01);
    expect(Math.abs(narrow - 758)).toBeLessThanOrEqual(20);
  });

  //   S ◄──slow (1 km, 60 veh/h)── o ──free (1 km, 3,600 veh/h)──► X
  // Half the town goes to the shelter S over a slow road, half to the exit X over a free one.
  it('a car waiting for a jammed first road does not hold those bound for another', () => {
    const s = scenario({
      nodes: ['o', 'S', 'X'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'S', x: -1000, y: 0 }, { id: 'X', x: 1000, y: 0 }],
        roads: [
          road('slow', 'o', 'S', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 60 }),
          road('free', 'o', 'X', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 3600 }),
        ],
      },
      settlements: [settlement('o', 'o', 1000)],
      shelters: [exit('S', 'S', 100_000), exit('X', 'X')],
      shelterShare: 0.5,
      orders: [order(['o'], { mobilization: { kind: 'fixed', median: 0, shape: null } })],
      routing: { mode: 'free-flow', periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 },
    });
    const net = compileScenario(s);
    const free = net.linkIds.indexOf('free');
    const exits: number[] = [];
    const r = simulate(s, { network: net, trace: (l, _v, t, entering) => { if (l === free && !entering) exits.push(t); } });
    const n = r.links.find((l) => l.id === 'free')?.vehicles ?? 0;
    expect(n).toBeGreaterThan(100);
    expect(n).toBe(exits.length);
    // All ready at 0, one a second onto `free`, 60 s to drive it: the last leaves at 60 + (n − 1).
    expect(Math.max(...exits)).toBeCloseTo(60 + (n - 1), 6);
  });

  it('keeps each first link FIFO: cars leave their town for a link in the order they became ready', () => {
    fc.assert(
      fc.property(arbitraryScenario(), (generated) => {
        // Free-flow routing without hazards: no car changes its first link while it waits.
        const s: Scenario = { ...generated, hazards: [], routing: { ...generated.routing, mode: 'free-flow' } };
        const net = compileScenario(s);
        const L = net.linkCount;
        const joined = new Map<number, number>(); // vehicle → its order of joining an origin queue
        const last = new Map<number, number>(); // first link → the join order of the last car onto it
        let leftOrigin = -1;
        let joins = 0;
        simulate(s, {
          network: net,
          trace: (queue, v, _t, entering) => {
            if (queue >= L) {
              if (entering) joined.set(v, joins++);
              else leftOrigin = v;
              return;
            }
            if (!entering || leftOrigin !== v) return;
            leftOrigin = -1;
            const order = joined.get(v) as number;
            expectSame((last.get(queue) ?? -1) < order, true);
            last.set(queue, order);
          },
        });
      }),
      { numRuns: 300 },
    );
  });
});
