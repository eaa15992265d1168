// A run's warnings, as its report and the explorer list them: the quick ones of its
// scenario, followed by the run's own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runWarnings } from '../../src/check/run-warnings.js';
import { unfinishedRun } from '../../src/check/unfinished.js';
import { networkWarnings, quickWarnings } from '../../src/check/warnings.js';
import { buildGraph } from '../../src/network/build-graph.js';
import { compile } from '../../src/network/compile.js';
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

  it("lists the roads that cannot carry their capacity, from the caller's compiled network or its own", () => {
    const raw = bottleneck();
    (raw.network as { roads: { waveSpeedKmh?: number }[] }).roads[0].waveSpeedKmh = 10;
    const s = parseScenario(raw);
    const result = simulate(s);
    const net = compile(buildGraph(s));
    expect(networkWarnings(s, net).map((w) => w.path)).toEqual(['network.roads[0]']);
    expect(runWarnings(s, result, net)).toEqual([...quickWarnings(s), ...networkWarnings(s, net), ...unfinishedRun(result)]);
    expect(runWarnings(s, result)).toEqual(runWarnings(s, result, net));
  });

  it('is empty for a run with nothing to warn of', () => {
    const s = parseScenario(bottleneck());
    expect(runWarnings(s, simulate(s))).toEqual([]);
  });
});
