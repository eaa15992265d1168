// Of two shelters on one node, the one whose id sorts first fills first, however the
// file lists them (logistics/state.ts, destinations by node in order of ids). Before,
// arrivals filled them in the order listed: 60 people reaching a gym and a school of 50
// places each left gym 50 and school 10, or gym 10 and school 50 with the shelters
// listed the other way round.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/index.js';
import { summarize } from '../../src/report/summary.js';

/** 60 people, one car each, ready at 10 min, driving 1 km to node x, where a gym and a school hold 50 each. */
function arrivals(schoolFirst: boolean): Record<string, number> {
  const shelters = [{ id: 'gym', node: 'x', capacity: 50 }, { id: 'school', node: 'x', capacity: 50 }];
  if (schoolFirst) shelters.reverse();
  const scenario = parseScenario({
    name: 'one-node-shelters', seed: 1,
    network: { nodes: [{ id: 'n', x: 0, y: 0 }, { id: 'x', x: 1000, y: 0 }], roads: [{ id: 'r', from: 'n', to: 'x' }] },
    settlements: [{ id: 'a', node: 'n', population: 60 }], shelters, households: { size: 1, carShare: 1 },
    orders: [{ at: 0, settlements: ['a'], compliance: 1, mobilization: { kind: 'fixed', median: '10m' } }],
  });
  return Object.fromEntries(summarize(simulate(scenario), scenario).shelters.map((s) => [s.id, s.arrived]));
}

describe('the order shelters on one node are listed in', () => {
  it('does not decide which fills first', () => {
    expect(arrivals(false)).toEqual({ gym: 50, school: 10 });
    expect(arrivals(true)).toEqual({ gym: 50, school: 10 });
  });
});
