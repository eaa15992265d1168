// Road networks given as GeoJSON: `"network": { "geojson": "roads.geojson" }`
// names a FeatureCollection beside the scenario file. Its roads and nodes become
// the network, its settlement and shelter Points join the scenario's own. The
// file must lie in the scenario's folder unless the caller allows other paths.

import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ScenarioError } from '../errors.js';
import { networkFromGeoJson } from '../import/geojson.js';
import { forbiddenKeys } from './forbidden-keys.js';
import { parseJsonText } from './json-syntax.js';
import { FileRefused, LIFT_HINT, MAX_TEXT_BYTES, readBoundedText, readProblem } from './read-file.js';

export interface ScenarioFileOptions {
  /** Let `network.geojson` name a file outside the scenario's folder (an absolute path, `..`, a symbolic link out). */
  allowPaths?: boolean;
  /** Refuse a `network.geojson` file larger than this many bytes; default: no limit. */
  maxFileBytes?: number;
  /** Told of what is legal in the file but probably a mistake (a Point far from every road end). */
  onWarning?: (path: string, message: string) => void;
}

const PATH = 'network.geojson';

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function problem(message: string): ScenarioError {
  return new ScenarioError([{ path: PATH, message }]);
}

/**
 * The raw scenario with `network.geojson` expanded: the file's nodes and roads
 * become `network.nodes` and `network.roads`, its settlement and shelter Points
 * are appended to the scenario's. Returns `raw` itself when there is no
 * `network.geojson`. The path is relative to the folder of `scenarioFile`.
 * Throws a ScenarioError at `network.geojson` when `nodes` or `roads` are given
 * too, when the path leaves that folder (unless `allowPaths`), or when the file
 * cannot be read or is not a valid GeoJSON network.
 */
export function expandNetworkGeojson(raw: unknown, scenarioFile: string, options: ScenarioFileOptions = {}): unknown {
  if (!isFields(raw) || !isFields(raw.network) || !Object.hasOwn(raw.network, 'geojson')) return raw;
  const { geojson, ...network } = raw.network;
  const both = ['nodes', 'roads'].filter((key) => Object.hasOwn(network, key));
  if (both.length > 0) {
    throw problem(`a network is either a GeoJSON file or ${both.map((k) => `"${k}"`).join(' and ')}, not both; remove one`);
  }
  if (typeof geojson !== 'string' || geojson.trim() === '') {
    throw problem(`expected the path of a GeoJSON file, relative to the scenario file, got ${JSON.stringify(geojson)}`);
  }
  const fc = readGeoJson(geojson, scenarioFile, options);
  const forbidden = forbiddenKeys(fc);
  if (forbidden.length > 0) throw new ScenarioError(forbidden.map((i) => ({ path: PATH, message: `${geojson}: ${i.path}: ${i.message}` })));
  const found = networkFromGeoJson(fc, PATH);
  for (const w of found.warnings) options.onWarning?.(w.path, `${geojson}: ${w.message}`);
  return {
    ...raw,
    network: { ...network, nodes: found.nodes, roads: found.roads },
    ...appended(raw, 'settlements', found.settlements),
    ...appended(raw, 'shelters', found.shelters),
  };
}

/** `{ [key]: raw[key] + added }`; nothing when there is nothing to add or raw[key] is not a list (the schema reports that). */
function appended(raw: Fields, key: 'settlements' | 'shelters', added: readonly unknown[]): Fields {
  const own = raw[key];
  if (added.length === 0) return {};
  if (own === undefined) return { [key]: added };
  return Array.isArray(own) ? { [key]: [...own, ...added] } : {};
}

/** The parsed JSON of the file `given` names, after checking that it stays in the scenario's folder. */
function readGeoJson(given: string, scenarioFile: string, options: ScenarioFileOptions): unknown {
  const shown = isAbsolute(given) ? given : join(dirname(scenarioFile), given);
  const folder = dirname(resolve(scenarioFile));
  const target = resolve(folder, given);
  const outside = 'a scenario reads only files in its own folder or below it (use --allow-paths to lift this)';
  if (!options.allowPaths && isAbsolute(given)) throw problem(`"${given}" is an absolute path; ${outside}`);
  if (!options.allowPaths && !inside(folder, target)) throw problem(`"${given}" is outside the scenario's folder; ${outside}`);
  let text: string;
  try {
    const real = realpathSync(target);
    if (!options.allowPaths && !inside(realpathSync(folder), real)) {
      throw problem(`"${given}" is a symbolic link to ${real}, outside the scenario's folder; ${outside}`);
    }
    text = readBoundedText(real, 'a GeoJSON file', options.maxFileBytes ?? MAX_TEXT_BYTES, LIFT_HINT);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw problem(`${shown}: ${error instanceof FileRefused ? error.message : readProblem(error, 'a GeoJSON file')}`);
  }
  return parseJsonText(text, shown, PATH);
}

/** True when `path` lies strictly inside `folder` (both absolute). */
function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
