// Adaptive routing refreshes its travel-time estimates every period; the trees on
// them are searched again only when an estimate changed, so a network at free flow
// costs no searches between refreshes, with the same choices.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouteSearch } from '../../src/network/routing.js';
import { simulate } from '../../src/simulation/index.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

afterEach(() => vi.restoreAllMocks());

// 300 people leaving one by one over a day on two uncongested roads: a choice in nearly every 120 s period.
const trickle = scenario({
  nodes: ['o', 'a', 'b', 'x'],
  network: {
    nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'a', x: 1000, y: 500 }, { id: 'b', x: 1000, y: -500 }, { id: 'x', x: 2000, y: 0 }],
    roads: [road('oa', 'o', 'a'), road('ax', 'a', 'x'), road('ob', 'o', 'b', { lengthKm: 1.1 }), road('bx', 'b', 'x')],
  },
  settlements: [settlement('o', 'o', 300)],
  shelters: [exit('x', 'x')],
  orders: [order(['o'], { mobilization: { kind: 'uniform', median: 43_200, shape: null } })],
  horizon: 2 * 86_400,
});

describe('estimate refresh', () => {
  it('searches the estimate trees again only when an estimate changed', () => {
    const start = vi.spyOn(RouteSearch.prototype, 'start');
    const result = simulate(trickle);
    const refreshes = Math.floor(trickle.horizon / trickle.routing.periodSeconds);
    expect(result.vehicles.arrived).toBe(300);
    // Every road stays at free flow: its estimate settles at the free-flow time and stays.
    expect(start.mock.calls.length).toBeLessThan(refreshes / 20);
  });
});
