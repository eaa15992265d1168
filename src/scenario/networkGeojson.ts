// The hook for road networks given as GeoJSON: `network.geojson`, a path to a
// FeatureCollection of road LineStrings, relative to the scenario file. Not
// supported yet, so a scenario that uses it is rejected with a clear message.

import { ScenarioError } from '../errors.js';

/**
 * The raw scenario with `network.geojson` (when present) expanded into nodes and
 * roads. `scenarioFile` is the scenario's own path, which GeoJSON paths are
 * relative to. For now throws ScenarioError whenever `network.geojson` is given.
 */
export function expandNetworkGeojson(raw: unknown, scenarioFile: string): unknown {
  const network = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).network : undefined;
  if (typeof network === 'object' && network !== null && Object.hasOwn(network, 'geojson')) {
    throw new ScenarioError([{ path: 'network.geojson', message: `GeoJSON networks are not supported yet (in ${scenarioFile})` }]);
  }
  return raw;
}
