// The library's road-network functions: loadNetwork (the road network of a scenario
// file as a typed graphology graph, for analysis in the caller's own code), and
// buildGraph, unreachableSettlements and analyzeNetwork behind a check that they were
// given a parsed Scenario. The raw JSON of a scenario file has no road lengths or
// defaults: the graph built from it held NaN lengths and capacities, and the
// network analysis of that graph never ended.
import { analyzeNetwork as analyzeGraph, type NetworkAnalysis } from './analysis/analyze.js';
import { buildGraph as buildRoadGraph, type RoadGraph } from './network/build-graph.js';
import type { CompiledNetwork } from './network/compile.js';
import { unreachableSettlements as unreachable } from './network/reachability.js';
import { loadScenarioFile, type ScenarioFileOptions } from './scenario/load.js';
import { requireParsedScenario } from './scenario/parsed.js';
import type { Scenario } from './scenario/types.js';

/**
 * The road graph of the scenario file at `path` (see buildGraph: a link per road
 * direction keyed by road id or `<id>:back`, with every attribute the model uses).
 * Throws ScenarioError when the file cannot be read or is invalid.
 */
export function loadNetwork(path: string, options: ScenarioFileOptions = {}): RoadGraph {
  return buildRoadGraph(loadScenarioFile(path, options));
}

/** The road graph of a parsed `scenario` (see network/build-graph.ts); InputError when it is not one. */
export function buildGraph(scenario: Scenario): RoadGraph {
  requireParsedScenario(scenario, 'buildGraph()');
  return buildRoadGraph(scenario);
}

/** A problem per settlement of `scenario` that reaches no shelter or exit by road; InputError when it is not a parsed Scenario. */
export function unreachableSettlements(scenario: Scenario, net?: CompiledNetwork): { path: string; message: string }[] {
  requireParsedScenario(scenario, 'unreachableSettlements()');
  return net === undefined ? unreachable(scenario) : unreachable(scenario, net);
}

/** What `evacsim network --json` prints of `scenario` (see analysis/analyze.ts); InputError when it is not a parsed Scenario. */
export function analyzeNetwork(scenario: Scenario, graph?: RoadGraph, searched?: (done: number) => void): NetworkAnalysis {
  requireParsedScenario(scenario, 'analyzeNetwork()');
  return analyzeGraph(scenario, graph ?? buildRoadGraph(scenario), searched);
}
