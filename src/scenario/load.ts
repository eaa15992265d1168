// Reading scenario files: JSON (`.json`, `.jsonc` with comments) or YAML (`.yaml`, `.yml`) text to a
// Scenario. Syntax errors name the file, line and column; YAML aliases (and the
// merge keys `<<` that read them) are capped so a small file cannot expand into a huge one.

import { extname } from 'node:path';
import { stripComments } from 'jsonc-parser';
import YAML from 'yaml';
import { ScenarioError } from '../errors.js';
import type { Scenario } from './types.js';
import { parseJsonText } from './json-syntax.js';
import { isJsonExtension } from './jsonc.js';
import { expandNetworkGeojson, type ScenarioFileOptions } from './network-geojson.js';
import { parseScenario } from './parse.js';
import { unshared } from './unshare.js';
import { FileRefused, LIFT_HINT, MAX_TEXT_BYTES, readBoundedText, readProblem } from './read-file.js';

export type { ScenarioFileOptions } from './network-geojson.js';

/** Alias references a YAML scenario may use; more suggests an expansion attack. */
const MAX_YAML_ALIASES = 100;

function syntaxError(message: string): ScenarioError {
  return new ScenarioError([{ path: '', message }]);
}

/** A file with nothing in it but blank space (or comments, where the format has them). */
function emptyFile(fileName: string): ScenarioError {
  return syntaxError(`${fileName}: the file is empty; a scenario is an object`);
}

function readYaml(text: string, fileName: string): unknown {
  // merge: a `<<: *anchor` key takes the anchor's fields, those the mapping gives itself overriding them
  const document = YAML.parseDocument(text, { merge: true });
  if (document.errors.length > 0) {
    // only the first: one bad character (a tab) makes the parser report dozens of follow-on errors
    throw new ScenarioError(
      document.errors.slice(0, 1).map((error) => {
        const position = error.linePos?.[0];
        const where = position ? `${position.line}:${position.col}` : '1:1';
        const reason = error.code === 'MULTIPLE_DOCS'
          ? 'a scenario file holds one YAML document; a line "---" here starts another'
          : error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return { path: '', message: `${fileName}:${where}: invalid YAML: ${reason}` };
      }),
    );
  }
  if (document.contents === null) throw emptyFile(fileName);
  // A list or mapping as a key would become its text (and yaml warns on stderr): refused.
  let collectionKey: YAML.Node | null = null;
  YAML.visit(document, {
    Pair(_, pair) {
      const key = YAML.isAlias(pair.key) ? pair.key.resolve(document) : pair.key;
      if (YAML.isCollection(key)) {
        collectionKey = pair.key as YAML.Node;
        return YAML.visit.BREAK;
      }
    },
  });
  if (collectionKey !== null) {
    const key = collectionKey as YAML.Node;
    const offset = key.range?.[0] ?? 0;
    const before = text.slice(0, offset).split('\n');
    const where = `${before.length}:${(before.at(-1) ?? '').length + 1}`;
    throw syntaxError(`${fileName}:${where}: invalid YAML: a key that is a list or a mapping; keys must be plain names`);
  }
  try {
    return unshared(document.toJS({ maxAliasCount: MAX_YAML_ALIASES }));
  } catch (error) {
    const reason = error instanceof ReferenceError && /alias/i.test(error.message)
      ? `more than ${MAX_YAML_ALIASES} alias references; expand them or simplify the file`
      : error instanceof Error ? error.message : String(error);
    throw syntaxError(`${fileName}: invalid YAML: ${reason}`);
  }
}

/**
 * The raw value of scenario `text` (JSON or YAML by the extension of
 * `fileName`) with a `network.geojson` expanded: what parseScenario takes, and
 * what scenario variants and sweeps set values in. Throws ScenarioError for
 * syntax errors (with line and column) and unknown extensions.
 */
export function scenarioValueOfText(text: string, fileName: string, options: ScenarioFileOptions = {}): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const extension = extname(fileName).toLowerCase();
  let raw: unknown;
  if (isJsonExtension(extension)) {
    // .jsonc: comments blanked out, so line and column numbers of errors stay those of the file
    const json = extension === '.jsonc' ? stripComments(body, ' ') : body;
    if (/^[ \t\r\n]*$/.test(json)) throw emptyFile(fileName);
    raw = parseJsonText(json, fileName);
  } else if (extension === '.yaml' || extension === '.yml') raw = readYaml(body, fileName);
  else throw syntaxError(`${fileName}: unknown scenario file type ${JSON.stringify(extension)}; use .json, .jsonc (JSON with comments), .yaml or .yml`);
  return expandNetworkGeojson(raw, fileName, options);
}

/**
 * The Scenario in `text`, read as JSON or YAML by the extension of `fileName`
 * (which also names the file in messages, and is the folder a `network.geojson`
 * path is read from). Throws ScenarioError for syntax errors (with line and
 * column), unknown extensions and invalid scenarios.
 */
export function parseScenarioText(text: string, fileName: string, options: ScenarioFileOptions = {}): Scenario {
  return parseScenario(scenarioValueOfText(text, fileName, options));
}

/** The raw value of the scenario file at `path` (see scenarioValueOfText). Throws ScenarioError when it cannot be read. */
export function loadScenarioValue(path: string, options: ScenarioFileOptions = {}): unknown {
  let text: string;
  try {
    text = readBoundedText(path, 'a scenario file', options.maxFileBytes ?? MAX_TEXT_BYTES, LIFT_HINT);
  } catch (error) {
    throw syntaxError(`${path}: ${error instanceof FileRefused ? error.message : readProblem(error, 'a scenario file')}`);
  }
  return scenarioValueOfText(text, path, options);
}

/** A scenario file read once: its value as written (GeoJSON network expanded) and the Scenario it describes. */
export interface ScenarioFile {
  /** What sweeps, variants and the explorer edit before parsing again. */
  value: unknown;
  scenario: Scenario;
}

/** Reads and parses the file at `path` once. Throws ScenarioError when it cannot be read or is invalid. */
export function readScenarioFile(path: string, options: ScenarioFileOptions = {}): ScenarioFile {
  const value = loadScenarioValue(path, options);
  return { value, scenario: parseScenario(value) };
}

/** The Scenario in the file at `path`. Throws ScenarioError when it cannot be read or is invalid. */
export function loadScenarioFile(path: string, options: ScenarioFileOptions = {}): Scenario {
  return readScenarioFile(path, options).scenario;
}
