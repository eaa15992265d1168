// A car at the head of a departure pocket whose first link has been full for `stuckSeconds`
// looks again (a waiting check) and may take another first link. Still in its town, that is
// no reroute in itself: it counts once the car leaves on the new link, and only if that is
// off every shortest free-flow route (RouteChoice.departed), as when the head changes its
// first link as the link takes it (atDeparture). Before, a change at a check counted at
// once, so the count depended on when the car happened to look again.
//
//   o ─a (50 m)─► m ─am (1 km, 60 veh/h)─────► x     two routes of the same free-flow time:
//   o ─b (50 m)─► n ─bn (1 km, 60 or 120 veh/h)─► x  neither is a detour
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

function twoEqualRoutes(mode: RoutingMode, stuckSeconds: number, bn: number): Scenario {
  return scenario({
    nodes: ['o', 'm', 'n', 'x'],
    network: {
      nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'm', x: 1000, y: 500 }, { id: 'n', x: 1000, y: -500 }, { id: 'x', x: 2000, y: 0 }],
      roads: [
        road('a', 'o', 'm', { lengthKm: 0.05, speedKmh: 60, capacityVehPerHour: 1800 }),
        road('b', 'o', 'n', { lengthKm: 0.05, speedKmh: 60, capacityVehPerHour: 1800 }),
        road('am', 'm', 'x', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 60 }),
        road('bn', 'n', 'x', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: bn }),
      ],
    },
    settlements: [settlement('o', 'o', 300)],
    shelters: [exit('x', 'x')],
    stuckSeconds,
    orders: [order(['o'], { mobilization: { kind: 'uniform', median: 1800, shape: null } })],
    routing: { mode, periodSeconds: 120, smoothing: 0.5, iterations: 3, binSeconds: 300 },
  });
}

describe('a first link changed at a waiting check in the town', () => {
  it.each([
    ['adaptive', 60], ['adaptive', 120], ['equilibrium', 60], ['equilibrium', 120],
  ] as const)('is no congestion reroute when both first links are on shortest free-flow routes (%s, bn %i veh/h)', (mode, bn) => {
    // With 30 s checks the heads of a's pocket, a full 50 m road, look again and some take b
    // (before: 132, 50, 140 and 17 counted as congestion reroutes); every car arrives.
    const r = simulate(twoEqualRoutes(mode, 30, bn));
    expect(r.vehicles.arrived).toBe(300);
    expect(r.vehicles.reroutedBy.congestion).toBe(0);
    expect(r.vehicles.rerouted).toBe(0);
    // Checks every 10 min: the same count.
    expect(simulate(twoEqualRoutes(mode, 600, bn)).vehicles.reroutedBy.congestion).toBe(0);
  });
});
