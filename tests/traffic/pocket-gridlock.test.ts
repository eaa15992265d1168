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

/** Gridlocks of a run of `wideRing` (with `people` at each ring node) under `seed`, each with the vehicles that left its links after it closed. */
function run(seed: number, people = 200) {
  const s: Scenario = { ...wideRing, settlements: wideRing.settlements.map((x) => ({ ...x, population: people })) };
  const net = compileScenario(s);
  const exits: [number, number][] = [];
  const r = simulate(s, { seed, network: net, trace: (l, _v, t, entering) => { if (!entering) exits.push([l, t]); } });
  const gridlocks = r.gridlocks.map((g) => ({
    ...g,
    leftAfter: exits.filter(([l, t]) => t > g.time && g.links.includes(net.linkIds[l])).length,
  }));
  const peaks = Object.fromEntries(r.links.map((l) => [l.id, l.peakQueue]));
  return { arrived: r.vehicles.arrived, cars: r.vehicles.cars, gridlocks, peaks };
}

describe('gridlock through a turn pocket', () => {
  it('is not reported while the lane beside the blocked pocket lets cars out', () => {
    // 60 people at each ring node, seed 18: every ring link fills to its storage (bc's 8,
    // the others' 4) and yet the ring drains, bc's lane letting cars out to the shelter
    // beside its pocket: every car arrives, and no gridlock is reported.
    const { arrived, cars, gridlocks, peaks } = run(18, 60);
    expect([peaks.ab, peaks.bc, peaks.cd, peaks.da]).toEqual([4, 8, 4, 4]);
    expect(arrived).toBe(cars);
    expect(gridlocks).toEqual([]);
  });

  it('is reported once when it holds, and nothing leaves its links afterwards', () => {
    // Seed 3: the ring locks at 2,802.6 s; 274 of the 800 cars arrive, and none of the
    // ring's cars moves after the gridlock is reported.
    const { arrived, gridlocks } = run(3);
    expect(arrived).toBe(274);
    expect(gridlocks.map((g) => [[...g.links].sort(), g.leftAfter])).toEqual([[['ab', 'bc', 'cd', 'da'], 0]]);
    expect(gridlocks[0].time).toBeCloseTo(2802.6, 6);
  });

  it('once reported under any seed, lets nothing out of its links', () => {
    for (let seed = 1; seed <= 12; seed++) {
      for (const g of run(seed).gridlocks) expect(g.leftAfter).toBe(0);
    }
  });
});
