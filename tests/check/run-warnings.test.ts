// A run's warnings, as its report and the explorer list them: the quick ones of its
// scenario, followed by the run's own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runWarnings } from '../../src/check/run-warnings.js';
import { unfinishedRun } from '../../src/check/unfinished.js';
import { quickWarnings } from '../../src/check/warnings.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/simulate.js';

const bottleneck = (): Record<string, unknown> => ({ ...JSON.parse(readFileSync('scenarios/bottleneck.json', 'utf8')), targets: [] });

describe('runWarnings', () => {
  it("lists the scenario's quick warnings, then the run's own", () => {
    const raw = bottleneck();
    const [town] = raw.settlements as { id: string; node: string }[];
    const s = parseScenario({ ...raw, horizon: '30m', settlements: [...(raw.settlements as object[]), { id: town.id.toUpperCase(), node: town.node, population: 10 }] });
    const result = simulate(s);
    const warnings = runWarnings(s, result);
    expect(quickWarnings(s)).toHaveLength(1);
    expect(warnings).toEqual([...quickWarnings(s), ...unfinishedRun(result)]);
    expect(warnings.map((w) => w.path)).toEqual(['settlements[1].id', 'horizon']);
  });

  it('is empty for a run with nothing to warn of', () => {
    const s = parseScenario(bottleneck());
    expect(runWarnings(s, simulate(s))).toEqual([]);
  });
});
