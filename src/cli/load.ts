// The one way a command reads a scenario: the file is read once (its value as
// written and the parsed Scenario), then checked for what needs more than the
// schema: the file size and element counts against the limits, and that every
// settlement reaches a destination on the compiled network. run, validate,
// network, export, sweep, explore, ete and calibrate all come through here, with
// the same `--allow-large` and `--allow-paths`.
import type { Argv } from 'yargs';
import { ScenarioError } from '../errors.js';
import { UsageError } from './usage-error.js';
import { readScenarioFile, type ScenarioFile } from '../scenario/load.js';
import { parseScenario } from '../scenario/parse.js';
import { applyVariant, BASE_VARIANT, type VariantSpec, variantsOf } from '../scenario/variants.js';
import type { Scenario } from '../scenario/types.js';
import { unreachableSettlements } from '../network/reachability.js';
import { compile, type CompiledNetwork } from '../network/compile.js';
import { buildGraph, type RoadGraph } from '../network/build-graph.js';
import { heapProblem } from './heap.js';
import { totalmem } from 'node:os';
import { DEFAULT_LIMITS, sizeProblems } from '../check/limits.js';
import type { Warning } from '../check/warning.js';

/** How every command's help names its scenario argument: the file types the loader reads. */
export const SCENARIO_FILE = 'scenario file (.json, .jsonc, .yaml, .yml)';

export interface LoadOptions {
  /** Lift the size and memory limits. */
  allowLarge?: boolean;
  /** Let the scenario read files outside its own folder (`network.geojson`). */
  allowPaths?: boolean;
}

/**
 * Reads `path` once and fully validates it; the value as written comes with the
 * Scenario for commands that edit it (sweep, explore, variants). Throws
 * ScenarioError with every problem found.
 */
export function loadCheckedFile(path: string, options: LoadOptions = {}): ScenarioFile {
  if (path.trim() === '' || path === '-') throw new UsageError('name a scenario file (standard input is not read)');
  const heap = heapProblem(path);
  if (heap !== null) throw new ScenarioError([{ path: '', message: heap }]);
  const warnings: Warning[] = [];
  const file = readScenarioFile(path, { ...fileOptions(options), onWarning: (at, message) => warnings.push({ path: at, message }) });
  checkLoaded(file.scenario, options);
  if (warnings.length > 0) readWarnings.set(file.scenario, warnings);
  return file;
}

/** What reading a scenario's file found legal but probably a mistake (a GeoJSON Point far from every road end). */
const readWarnings = new WeakMap<Scenario, Warning[]>();

/**
 * The warnings of reading the file of `scenario` (loaded here, or a variant of one): a
 * GeoJSON Point placed on a road end more than 2 km away. They are not in the Scenario,
 * which holds no coordinates of settlements; run and validate print them.
 */
export function fileWarnings(scenario: Scenario): Warning[] {
  return readWarnings.get(scenario) ?? [];
}

/** The validated Scenario at `path` (see loadCheckedFile). */
export function loadChecked(path: string, options: LoadOptions = {}): Scenario {
  return loadCheckedFile(path, options).scenario;
}

/** Road graphs and networks built for the reachability check, kept for the run (a loaded Scenario is not changed after). */
const graphs = new WeakMap<Scenario, RoadGraph>();
const compiled = new WeakMap<Scenario, CompiledNetwork>();

/** `cache`'s value for `scenario`, made by `make` the first time it is asked for. */
function once<T>(cache: WeakMap<Scenario, T>, scenario: Scenario, make: () => T): T {
  if (!cache.has(scenario)) cache.set(scenario, make());
  return cache.get(scenario) as T;
}

/** The road graph of a scenario this module loaded, built once for the check, the run and the report. */
export function roadGraph(scenario: Scenario): RoadGraph {
  return once(graphs, scenario, () => buildGraph(scenario));
}

/** The compiled network of a scenario this module loaded, compiled once from its road graph. */
export function compiledNetwork(scenario: Scenario): CompiledNetwork {
  return once(compiled, scenario, () => compile(roadGraph(scenario)));
}

/** The checks beyond the file: limits (unless lifted) and that every settlement reaches a destination. */
function checkLoaded(scenario: Scenario, options: LoadOptions, where = ''): Scenario {
  const issues = [
    ...sizeProblems(scenario, options.allowLarge === true, undefined, totalmem()), ...unreachableSettlements(scenario, compiledNetwork(scenario)),
  ];
  if (issues.length > 0) throw new ScenarioError(where ? issues.map((i) => ({ path: where, message: `${i.path ? `${i.path}: ` : ''}${i.message}` })) : issues);
  return scenario;
}

function fileOptions(options: LoadOptions): { allowPaths?: boolean; maxFileBytes?: number } {
  return { allowPaths: options.allowPaths, maxFileBytes: options.allowLarge ? undefined : DEFAULT_LIMITS.fileBytes };
}

/**
 * The scenario at `path` and the variants named in `names` (every variant when
 * `names` is undefined; "base" names the scenario as written), each fully
 * checked as loadChecked checks. Throws UsageError for a name the file does not have.
 */
export function loadVariants(path: string, options: LoadOptions = {}, names?: readonly string[]): { name: string; description: string; scenario: Scenario }[] {
  const { scenario: base, value: raw } = loadCheckedFile(path, options);
  const variants = variantsOf(raw);
  const wanted = names ?? [BASE_VARIANT, ...variants.map((v) => v.name)];
  return wanted.map((name) => {
    if (name === BASE_VARIANT) return { name, description: '', scenario: base };
    const index = variants.findIndex((v) => v.name === name);
    if (index < 0) {
      const known = [BASE_VARIANT, ...variants.map((v) => v.name)].join(', ');
      throw new UsageError(`no variant "${name}" in ${path}; it has: ${known}`);
    }
    return { name, description: variants[index].description, scenario: checkedVariant(base, raw, variants[index], index, options) };
  });
}

/**
 * Variant `variant` (number `index` of the raw file `raw`, whose scenario as written is
 * `base`) as a scenario, held to the same limits as the file (ScenarioError at `variants[index]`).
 */
export function checkedVariant(base: Scenario, raw: unknown, variant: VariantSpec, index: number, options: LoadOptions = {}): Scenario {
  const scenario = parseScenario(applyVariant(raw, variant, index));
  const read = readWarnings.get(base);
  if (read !== undefined) readWarnings.set(scenario, read);
  return checkLoaded(scenario, options, `variants[${index}]`);
}

/** The `--allow-large` and `--allow-paths` options of every command that loads a scenario. */
export function loadOptions<T>(yargs: Argv<T>): Argv<T & { 'allow-large': boolean; 'allow-paths': boolean }> {
  return yargs
    .option('allow-large', { type: 'boolean', default: false, describe: 'lift the file size, element count and memory limits' })
    .option('allow-paths', { type: 'boolean', default: false, describe: 'let the scenario read files outside its own folder' });
}
