// Listing the settlements of a scenario in another order changes nobody's fate: each
// settlement's cars draw shelter-or-exit from a stream of its own
// (`shelter-choice:<settlement>`), and the node model breaks ties by id. Before, one
// stream served the cars in order of departure, so two settlements whose cars left at
// the same instants drew each other's numbers when listed the other way round.
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

describe('the order settlements are listed in', () => {
  it('changes no figure of the summary', () => {
    const listed = outcome(false);
    expect(listed.shelters.find((s) => s.id === 'school')?.arrived).toBe(400);
    expect(outcome(true)).toEqual(listed);
  });
});
