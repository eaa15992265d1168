// A head that chooses again (its wait was checked, or the network changed) is the first of
// its link's vehicles to leave it: the vehicles queued behind it, bound for the links they
// chose as they entered, will enter those links after it. They must not make a link look
// longer to the head; without that, the head of a long queue bound for the short road left
// it for a longer one, though nothing stood in its own way.
//
//   z ──r1──► m ──r2 (30 s)──► near exit
//             └──r3 (90 s)──► far exit        3 s headway each
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Clock } from '../../src/engine/clock.js';
import { compileScenario } from '../../src/network/compile.js';
import { enterQueue } from '../../src/traffic/links.js';
import { RouteChoice } from '../../src/traffic/choice.js';
import { ROUTE_CHOICE, ROUTE_SHIFT, TrafficState } from '../../src/traffic/state.js';
import type { RoutingMode } from '../../src/scenario/types.js';
import { road, scenario } from '../helpers/build.js';

function queueAtFork(mode: RoutingMode, choices: number[]): { tr: TrafficState; choice: RouteChoice; r2: number; r3: number; m: number } {
  const s = scenario({
    nodes: ['z', 'm', 'near', 'far'],
    network: {
      nodes: [{ id: 'z', x: -5000, y: 0 }, { id: 'm', x: 0, y: 0 }, { id: 'near', x: 500, y: 0 }, { id: 'far', x: 0, y: 1500 }],
      roads: [road('r1', 'z', 'm'), road('r2', 'm', 'near'), road('r3', 'm', 'far')],
    },
  });
  s.routing = { ...s.routing, mode };
  const net = compileScenario(s);
  const tr = new TrafficState(net, new Clock(), s.routing, choices.length, 0);
  const [r1, r2, r3] = ['r1', 'r2', 'r3'].map((id) => net.linkIndex.get(id) as number);
  for (const [l, t] of [[r1, 300], [r2, 30], [r3, 90]]) {
    tr.freeTime[l] = t;
    tr.headway[l] = 3;
    tr.roadCost[l] = t;
    tr.roadEstimate[l] = t;
    tr.treeCost[l] = t;
  }
  const node = (id: string) => net.nodeIndex.get(id) as number;
  const exits = [node('near'), node('far')];
  const choice = new RouteChoice(tr, (_t, out) => out.push(...exits));
  // Vehicle 0 is the head; each vehicle chose on entry (`choices`: 2 for r2, 3 for r3).
  choices.forEach((c, v) => {
    enterQueue(tr, v, r1);
    tr.vReady[v] = 0; // at the stop line now: no lead
    const link = c === 2 ? r2 : r3;
    tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_CHOICE] = link;
    tr.bound[link]++;
  });
  return { tr, choice, r2, r3, m: node('m') };
}

describe('a head choosing again', () => {
  it.each(['adaptive', 'equilibrium'] as const)('keeps the short road when only vehicles behind it are bound for it (%s)', (mode) => {
    // 30 vehicles behind the head bound for r2: 90 s of discharge, after the head.
    const { tr, choice, r2, r3, m } = queueAtFork(mode, Array(31).fill(2));
    expect(choice.atHead(0, m, 4, true)).toBe(r2);
    // The followers count again once the head has chosen: 30 of them and the head itself.
    expect(tr.bound[r2]).toBe(31);
    expect(tr.bound[r3]).toBe(0);
  });

  it('still counts those ahead of it: vehicles on the short road make the long one quicker', () => {
    const { tr, choice, r2, r3, m } = queueAtFork('adaptive', Array(31).fill(2));
    // 30 vehicles on r2 now (not behind the head): 93 s to the head's exit from r2, more than r3's 90 s.
    tr.entered[r2] = 30;
    expect(choice.atHead(0, m, 4, true)).toBe(r3);
  });

  it('leaves the counts as they were, whatever the vehicles chose (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(2, 3), { minLength: 1, maxLength: 60 }), (choices) => {
      const { tr, choice, r2, r3, m } = queueAtFork('adaptive', choices);
      const picked = choice.atHead(0, m, 4, true);
      const behind = choices.slice(1);
      expect(tr.bound[r2]).toBe(behind.filter((c) => c === 2).length + (picked === r2 ? 1 : 0));
      expect(tr.bound[r3]).toBe(behind.filter((c) => c === 3).length + (picked === r3 ? 1 : 0));
      // Nothing ahead of the head: the short road is its way, however many follow.
      expect(picked).toBe(r2);
    }));
  });
});
