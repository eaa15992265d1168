// Gridlock through a turn pocket: a ring link of two lanes whose pocket waits for the next
// ring link is not a gridlock while its lane can still let vehicles out.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { compileScenario } from '../../src/network/compile.js';
import type { Scenario } from '../../src/scenario/types.js';
import { ring } from '../helpers/gridlock-ring.js';

// The gridlock ring (tests/helpers/gridlock-ring.ts) with `bc` (r1 → r2) on two lanes, 8 cars
// of storage and one turn pocket, over 12 hours. At r2 its cars turn to cd (on round the ring,
// for X) or to toS (to the shelter S, which never fills: toS lets a car out every 60 s). So
// bc is held only when its lane is empty and its pocket waits for a full cd: a head for cd
// steps into a pocket that waits for cd, and one for toS waits on a link that drains.
const wideRing: Scenario = {
  ...ring,
  horizon: 12 * 3600,
  network: { ...ring.network, roads: ring.network.roads.map((r) => (r.id === 'bc' ? { ...r, lanes: 2 } : r)) },
};

/** Gridlocks of a run of `wideRing` under `seed`, each with the vehicles that left its links after it closed. */
function run(seed: number) {
  const net = compileScenario(wideRing);
  const exits: [number, number][] = [];
  const r = simulate(wideRing, { seed, network: net, trace: (l, _v, t, entering) => { if (!entering) exits.push([l, t]); } });
  const gridlocks = r.gridlocks.map((g) => ({
    ...g,
    leftAfter: exits.filter(([l, t]) => t > g.time && g.links.includes(net.linkIds[l])).length,
  }));
  return { arrived: r.vehicles.arrived, gridlocks };
}

describe('gridlock through a turn pocket', () => {
  it('is not reported while the lane beside the blocked pocket lets cars out', () => {
    // Seed 9: every car arrives (the 400 for X at toX's 60 veh/h by 12 h). Before, a gridlock
    // of the four ring links was reported at 2,550.6 s (bc's pocket waiting for a full cd),
    // and 1,030 cars left those links after it.
    const { arrived, gridlocks } = run(9);
    expect(arrived).toBe(800);
    expect(gridlocks).toEqual([]);
  });

  it('is reported once when it holds, and nothing leaves its links afterwards', () => {
    // Seed 3: the ring locks with bc's lane empty, its pocket's 8 cars waiting for cd, and the
    // other three links' 4 cars each waiting for the next; 245 cars arrive. Before, three
    // gridlocks were reported, the first at 6,534.6 s with 32 cars leaving its links after it.
    const { arrived, gridlocks } = run(3);
    expect(arrived).toBe(245);
    expect(gridlocks.map((g) => [[...g.links].sort(), g.leftAfter])).toEqual([[['ab', 'bc', 'cd', 'da'], 0]]);
    expect(gridlocks[0].time).toBeCloseTo(7242.6, 6);
  });
});
