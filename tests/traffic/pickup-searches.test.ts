// The pickups' route searches are held within a memory budget, least recently asked
// given up first; a table that gave its search up is searched afresh when asked, so
// the budget changes the work done and never a result.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generate } from '../../src/generate/index.js';
import { RouteSearch } from '../../src/network/routing.js';
import type { CompiledNetwork } from '../../src/network/compile.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/index.js';
import { PickupSearches, searchBytes } from '../../src/traffic/pickup-searches.js';

afterEach(() => vi.restoreAllMocks());

describe('pickup searches', () => {
  it('gives up the search of the table asked least recently', () => {
    const net = { nodeCount: 4 } as unknown as CompiledNetwork;
    const searches = new PickupSearches(net, 6, 2);
    const held = new Map<number, RouteSearch>();
    const gaveUp: number[] = [];
    const giveUp = (p: number) => {
      gaveUp.push(p);
      const search = held.get(p) as RouteSearch;
      held.delete(p);
      return search;
    };
    const take = (p: number) => held.set(p, searches.take(p, giveUp));
    take(0);
    take(1);
    searches.touch(0);
    take(2); // 1 was asked least recently
    take(3); // then 0
    searches.touch(2);
    take(4); // then 3
    expect(gaveUp).toEqual([1, 0, 3]);
    // Two searches were made; the others reuse them.
    expect(new Set(held.values()).size).toBe(2);
    expect([...held.keys()].sort()).toEqual([2, 4]);
  });

  it('a region run gives the same results whatever the budget, searching more under a small one', () => {
    const scenario = parseScenario(generate('region', { people: 20_000, seed: 3 }));
    const start = vi.spyOn(RouteSearch.prototype, 'start');
    const outputs = (pickupSearchBytes?: number) => {
      start.mockClear();
      const r = simulate(scenario, { pickupSearchBytes });
      return { json: JSON.stringify(r), searches: start.mock.calls.length, fleet: r.fleets[0] };
    };
    const plenty = outputs();
    const nodes = scenario.network.nodes.length;
    for (const held of [1, 3]) {
      const few = outputs(held * searchBytes(nodes));
      expect(few.json).toBe(plenty.json);
      expect(few.searches).toBeGreaterThan(plenty.searches);
    }
    // The buses did carry people, from several pickups.
    expect(plenty.fleet.trips).toBeGreaterThan(10);
  });
});
