// Listing the settlements of a scenario in another order changes nobody's fate: each
// settlement's cars draw shelter-or-exit from a stream of its own
// (`shelter-choice:<settlement>`), households ready at the same instant leave in order of
// their settlements' ids, and the node model breaks ties by id. Before, one stream served
// the cars in order of departure, so two settlements whose cars left at the same instants
// drew each other's numbers when listed the other way round, and of two settlements at one
// node whose households were ready together the one listed first left first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/index.js';
import { summarize } from '../../src/report/summary.js';

/** two-towns with every household of both towns ready at once, 1 h after one order; settlements reversed when asked. */
function twoTowns(reversed: boolean) {
  const raw = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
  raw.orders = [{ at: '30m', districts: ['North', 'South'], compliance: 0.9, mobilization: { kind: 'fixed', median: '1h' } }];
  if (reversed) raw.settlements.reverse();
  return parseScenario(raw);
}

/** The summary, its settlement rows in id order. */
function outcome(reversed: boolean) {
  const scenario = twoTowns(reversed);
  const summary = summarize(simulate(scenario), scenario);
  const { engine, ...rest } = summary;
  return { ...rest, settlements: [...summary.settlements].sort((a, b) => a.id.localeCompare(b.id)) };
}

/** Two villages of 100 at one node, every household ready at 10 min, one 600 veh/h road out: their clearances by id. */
function sharedNode(reversed: boolean): Record<string, number | null> {
  const settlements = [{ id: 'a', node: 'n', population: 100 }, { id: 'b', node: 'n', population: 100 }];
  if (reversed) settlements.reverse();
  const scenario = parseScenario({
    name: 'shared-node', seed: 1,
    network: { nodes: [{ id: 'n', x: 0, y: 0 }, { id: 'x', x: 1000, y: 0 }], roads: [{ id: 'r', from: 'n', to: 'x', capacityVehPerHour: 600 }] },
    settlements, shelters: [{ id: 'x', node: 'x' }], households: { size: 1, carShare: 1 },
    orders: [{ at: 0, settlements: ['a', 'b'], compliance: 1, mobilization: { kind: 'fixed', median: '10m' } }],
  });
  return Object.fromEntries(summarize(simulate(scenario), scenario).settlements.map((row) => [row.id, row.clearance]));
}

describe('the order settlements are listed in', () => {
  it('changes no figure of the summary', () => {
    const listed = outcome(false);
    expect(listed.shelters.find((s) => s.id === 'school')?.arrived).toBe(400);
    expect(outcome(true)).toEqual(listed);
  });

  it('does not decide which of two settlements at one node leaves first', () => {
    // a's 100 cars first (id order), one headway (6 s) apart from 600 s, 90 s on the 1 km
    // road (40 km/h): the last arrives at 600 + 99·6 + 90 = 1,284 s; b's 100 follow, 600 s
    // later. Before, the settlement listed first left first.
    expect(sharedNode(false)).toEqual({ a: 1284, b: 1884 });
    expect(sharedNode(true)).toEqual({ a: 1284, b: 1884 });
  });
});
