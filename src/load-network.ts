// The library's loadNetwork: the road network of a scenario file as a typed
// graphology graph, for analysis in the caller's own code.
import { buildGraph, type RoadGraph } from './network/build-graph.js';
import { loadScenarioFile, type ScenarioFileOptions } from './scenario/load.js';

/**
 * The road graph of the scenario file at `path` (see buildGraph: a link per road
 * direction keyed by road id or `<id>:back`, with every attribute the model uses).
 * Throws ScenarioError when the file cannot be read or is invalid.
 */
export function loadNetwork(path: string, options: ScenarioFileOptions = {}): RoadGraph {
  return buildGraph(loadScenarioFile(path, options));
}
