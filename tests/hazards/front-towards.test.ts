// A front's `towards` names the side it advances to; a point on its line names none,
// and the front then advances on both sides, as without `towards`: validate says so.
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/check/warnings.js';
import { simulate } from '../../src/simulation/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, road, scenario, settlement } from '../helpers/build.js';

//   west (x = −2 km) ── mid (x = 0) ── east (x = 2 km) ── out (x = 20 km); the front's line is x = 0.
function withTowards(towards: [number, number] | null): Scenario {
  return scenario({
    nodes: [],
    network: {
      nodes: [{ id: 'west', x: -2000, y: 0 }, { id: 'mid', x: 0, y: 0 }, { id: 'east', x: 2000, y: 0 }, { id: 'out', x: 20000, y: 0 }],
      roads: [road('w', 'west', 'mid', { lengthKm: 2, oneway: false }), road('e', 'mid', 'east', { lengthKm: 2, oneway: false }), road('o', 'east', 'out', { lengthKm: 18, oneway: false })],
    },
    settlements: [settlement('west', 'west', 1), settlement('east', 'east', 1)],
    shelters: [exit('out', 'out')],
    hazards: [{ kind: 'front', line: [[0, -5000], [0, 5000]], towards, speedKmPerDay: 24, maxDepthKm: 5, from: 0 }],
  });
}

const towardsWarnings = (s: Scenario) => scenarioWarnings(s).filter((w) => w.path === 'hazards[0].towards');

describe('front towards', () => {
  it('on one side, takes that side only, and validate is silent', () => {
    const s = withTowards([1000, 0]);
    expect(simulate(s).settlements.map((x) => x.capturedAt)).toEqual([null, 7200]);
    expect(towardsWarnings(s)).toEqual([]);
  });

  it('on the line, or on the line of its nearest segment, names no side: both sides are taken, and validate warns', () => {
    for (const towards of [[0, 1000], [0, 9000]] as [number, number][]) {
      const s = withTowards(towards);
      expect(simulate(s).settlements.map((x) => x.capturedAt)).toEqual([7200, 7200]);
      expect(towardsWarnings(s)).toHaveLength(1);
      expect(towardsWarnings(s)[0].message).toMatch(/names no side: the front advances on both sides/);
    }
  });

  it('without towards there is nothing to warn of', () => {
    expect(towardsWarnings(withTowards(null))).toEqual([]);
  });
});
