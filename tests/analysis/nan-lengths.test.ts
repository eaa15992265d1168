// The analysis refuses a road graph whose links have no length, speed or capacity (built from the raw
// JSON of a scenario file, whose roads have none yet) instead of cutting it for ever.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../src/analysis/analyze.js';
import { buildGraph } from '../../src/network/build-graph.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/types.js';
import { InputError } from '../../src/errors.js';

describe('analyzeNetwork on a graph without road lengths', () => {
  it('throws an InputError naming the link', () => {
    const raw = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8')) as Scenario;
    const parsed = parseScenario(raw);
    expect(() => analyzeNetwork(parsed, buildGraph(raw))).toThrow(InputError);
    expect(() => analyzeNetwork(parsed, buildGraph(raw))).toThrow('link north-road: lengthM must be a number above 0, got NaN; build the graph from a parsed scenario');
  });
});
