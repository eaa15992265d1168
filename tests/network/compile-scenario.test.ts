// compileScenario builds, without the graph, exactly what compile(buildGraph(s)) builds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGraph } from '../../src/network/build-graph.js';
import { compile, compileScenario } from '../../src/network/compile.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { generate } from '../../src/generate/index.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { road } from '../helpers/build.js';

describe('compileScenario', () => {
  it('equals compile(buildGraph(scenario)) on generated networks', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true }), (s) => {
        expect(compileScenario(s)).toEqual(compile(buildGraph(s)));
      }),
      { numRuns: 100 },
    );
  });

  it('equals it on the shipped and the synthetic scenarios (lat/lon and x/y)', () => {
    const scenarios = [
      loadScenarioFile('scenarios/kursk-2024.json'),
      loadScenarioFile('scenarios/grid-city.json'),
      parseScenario(generate('region', { people: 20_000, seed: 2 })),
    ];
    for (const s of scenarios) expect(compileScenario(s)).toEqual(compile(buildGraph(s)));
  });

  it('refuses what the graph refuses: a second link with the id of a two-way road\'s way back', () => {
    const s = parseScenario(generate('corridor', { people: 10, seed: 1 }));
    s.network.roads.push(road('approach:back', 'b', 'town'));
    s.network.roads[0].oneway = false;
    expect(() => compile(buildGraph(s))).toThrow();
    expect(() => compileScenario(s)).toThrow();
  });
});
