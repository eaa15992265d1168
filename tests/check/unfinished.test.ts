// The unfinished run's warning read off a run already made: the one validate gives
// from a run of its own, with the counts of the run it is given.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unfinishedAtHorizon, unfinishedRun } from '../../src/check/unfinished.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/simulate.js';
import { peopleAt } from '../../src/report/metrics.js';
import { formatCount } from '../../src/report/format.js';

const bottleneck = (): Record<string, unknown> => ({ ...JSON.parse(readFileSync('scenarios/bottleneck.json', 'utf8')), targets: [] });

describe('unfinishedRun', () => {
  it('says of a run already made what unfinishedAtHorizon says of a run of its own', () => {
    const s = parseScenario({ ...bottleneck(), horizon: '30m' });
    const warnings = unfinishedRun(simulate(s));
    expect(warnings).toHaveLength(1);
    expect(warnings).toEqual(unfinishedAtHorizon(s));
  });

  it('counts the people of the run it is given, not of another run of the scenario', () => {
    const s = parseScenario({ ...JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8')), horizon: '1h', targets: [] });
    const other = simulate(s, { seed: s.seed + 1 });
    const people = peopleAt(other, other.endTime);
    const [warning] = unfinishedRun(other);
    expect(warning.message).toMatch(new RegExp(`^the run ends at the horizon \\(1h 0m\\) with ${formatCount(people.waiting)} people still waiting and ${formatCount(people.inTransit)} travelling`));
    expect(unfinishedRun(other)).not.toEqual(unfinishedAtHorizon(s));
  });

  it('gives nothing for a run that ends with nobody waiting or travelling', () => {
    expect(unfinishedRun(simulate(parseScenario(bottleneck())))).toEqual([]);
  });
});
