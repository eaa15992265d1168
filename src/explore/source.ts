// The scenario file as written (not normalized), for the browser: the explorer
// edits this raw value and re-parses it there, so a downloaded what-if keeps the
// file's own units, comments aside. A GeoJSON network is expanded in place.

import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import YAML from 'yaml';
import { expandNetworkGeojson } from '../scenario/network-geojson.js';
import { isJsonExtension, parseJsoncText } from '../scenario/jsonc.js';

/** The raw value of the scenario file at `path`; call it after the file has been validated. */
export function readRawScenario(path: string): unknown {
  const body = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const raw: unknown = isJsonExtension(extname(path).toLowerCase()) ? parseJsoncText(body, path) : YAML.parse(body, { maxAliasCount: 100 });
  return expandNetworkGeojson(raw, path);
}
