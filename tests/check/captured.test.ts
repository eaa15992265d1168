// Captures that take something before it could be used: a settlement captured before its
// order (its people count as trapped, untold), and a shelter or exit captured within the
// run. The run's own accounting is checked beside each warning, so the warning says
// what the model does.
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/check/warnings.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/index.js';
import { summarize } from '../../src/report/summary.js';

//   a ──ab── b ──bx── x (exit)     a captured at 2 h, the order to a and b at 3 h; the
//                                   shelter "camp" on b (50 places) captured at 5 h.
function captures(extra: Record<string, unknown> = {}) {
  return parseScenario({
    name: 'captures', seed: 1,
    network: {
      nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }, { id: 'x', x: 5000, y: 0 }],
      roads: [{ id: 'ab', from: 'a', to: 'b' }, { id: 'bx', from: 'b', to: 'x' }],
    },
    settlements: [{ id: 'a', node: 'a', population: 500 }, { id: 'b', node: 'b', population: 100 }],
    shelters: [{ id: 'x', node: 'x' }, { id: 'camp', node: 'b', capacity: 50 }],
    households: { size: 1, carShare: 1 },
    orders: [{ at: '3h', settlements: ['a', 'b'], compliance: 1 }],
    hazards: [{ kind: 'capture', nodes: ['a'], at: '2h' }, { kind: 'capture', nodes: ['b'], at: '5h' }],
    ...extra,
  });
}

const captured = (s: ReturnType<typeof captures>) => scenarioWarnings(s).filter((w) => w.message.includes('captured at'));

describe('captures before use', () => {
  it('warn of a settlement captured before its order and of a shelter captured within the run', () => {
    expect(captured(captures())).toEqual([
      { path: 'settlements[0]', message: '"a" is captured at 2h 0m, before its order comes (orders[0], 3h 0m): its 500 people count as trapped, with no time to leave' },
      { path: 'shelters[1]', message: 'shelter "camp" is captured at 5h 0m: it takes nobody from then on (those bound for it go elsewhere; those already there still count as evacuated)' },
    ]);
  });

  it('say what the run does: the settlement\'s people trapped, the shelter\'s arrivals still evacuated', () => {
    const s = captures();
    const summary = summarize(simulate(s), s);
    const a = summary.settlements.find((row) => row.id === 'a');
    expect(a).toMatchObject({ told: 500, trapped: 500, evacuated: 0 });
    // b's 100 cars leave at 3 h; 50 fill the camp on their own node, the rest drive to x.
    expect(summary.shelters.find((row) => row.id === 'camp')?.arrived).toBe(50);
    expect(summary.people.evacuated).toBe(100);
  });

  it('are quiet for captures after the order, after the horizon, or of empty settlements', () => {
    const later = captures({ horizon: '1d', hazards: [{ kind: 'capture', nodes: ['a'], at: '4h' }, { kind: 'capture', nodes: ['b'], at: '30h' }] });
    expect(captured(later)).toEqual([]);
    const empty = captures({ settlements: [{ id: 'a', node: 'a', population: 0 }, { id: 'b', node: 'b', population: 100 }] });
    expect(captured(empty).map((w) => w.path)).toEqual(['shelters[1]']);
  });
});
