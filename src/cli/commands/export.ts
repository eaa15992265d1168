// `evacsim export geojson <scenario>`: the scenario's roads, settlements and
// shelters as one GeoJSON FeatureCollection for QGIS; with `--results`, the
// traffic and evacuation results of a run joined to its roads, settlements and
// shelters. GeoJSON is WGS84: a planar scenario needs `--origin LAT,LON`.
import type { Argv } from 'yargs';
import { type Command, defineCommand, type Io } from '../command.js';
import { UsageError } from '../usage-error.js';
import { exportGeoJson, type GeoJsonResults, type ScenarioFeatureCollection } from '../../export/index.js';
import { InputError } from '../../errors.js';
import { scenarioJson } from '../../generate/index.js';
import { summarize } from '../../report/summary.js';
import type { Scenario } from '../../scenario/types.js';
import { simulate } from '../../simulation/simulate.js';
import { compiledNetwork, fileWarnings, loadChecked, loadOptions, roadGraph, SCENARIO_FILE } from '../load.js';
import { warningLine } from '../../check/warning.js';
import { checkTargets, writeFileAtomic } from '../write.js';
import { oneOf } from '../choices.js';
import { counted } from '../../report/format.js';

export interface ExportArgs {
  format: 'geojson';
  scenario: string;
  results: boolean;
  seed?: number;
  out?: string;
  origin?: string;
  allowLarge: boolean;
  allowPaths: boolean;
}

export const exportCommand: Command = defineCommand({
  command: 'export <format> <scenario>',
  describe: 'write a scenario and its results for GIS tools: export geojson <scenario>',
  options: exportOptions,
  handle: (args, io) => exportScenario(args, io),
});

export function exportOptions(yargs: Argv) {
  return loadOptions(yargs)
    .positional('format', { ...oneOf('export <format>', ['geojson'] as const), demandOption: true, describe: 'geojson: roads as LineStrings, settlements and shelters as Points' })
    .positional('scenario', { type: 'string', demandOption: true, describe: SCENARIO_FILE })
    .option('results', { type: 'boolean', default: false, describe: 'run the simulation and add its results to roads, settlements and shelters' })
    .option('seed', { type: 'number', describe: "random seed of the run (overrides the scenario's)" })
    .option('out', { type: 'string', describe: 'file to write (default: stdout)' })
    .option('origin', { type: 'string', describe: 'LAT,LON of x = 0, y = 0 of a planar (x/y metres) scenario, which GeoJSON needs in lon/lat' });
}

/** Writes the export; returns the exit code. */
export function exportScenario(args: ExportArgs, io: Io): number {
  if (args.seed !== undefined && !args.results) throw new UsageError('--seed needs --results (it is the seed of the run)');
  const scenario = loadChecked(args.scenario, { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  for (const w of fileWarnings(scenario)) io.err(warningLine(w));
  // Once the scenario is read (it may not be the target), before the run of --results.
  if (args.out !== undefined) checkTargets([args.out]);
  const origin = originOf(args, scenario);
  // The road graph and network the check built when the scenario was loaded.
  const collection = exported(args, scenario, origin);
  const text = scenarioJson(collection);
  if (args.out === undefined) {
    io.out(text);
    return 0;
  }
  writeFileAtomic(args.out, text);
  const run = args.results ? ` with the results of seed ${args.seed ?? scenario.seed}` : '';
  io.out(
    `wrote ${args.out}: ${counted(scenario.network.roads.length, 'road')}, ${counted(scenario.settlements.length, 'settlement')}, ` +
      `${counted(scenario.shelters.length, 'shelter or exit', 'shelters and exits')}${run}\n`,
  );
  return 0;
}

/** The GeoJSON of `scenario`; a point `--origin` puts off the globe is a usage error of `--origin`, found before any run. */
function exported(args: ExportArgs, scenario: Scenario, origin: [number, number] | undefined): ScenarioFeatureCollection {
  const build = (results: GeoJsonResults) => {
    try {
      return exportGeoJson(scenario, results, { origin, graph: roadGraph(scenario) });
    } catch (error) {
      if (!(error instanceof InputError) || args.origin === undefined) throw error;
      throw new UsageError(`--origin ${args.origin}: ${error.message}`);
    }
  };
  if (!args.results) return build({});
  if (origin !== undefined) build({});
  return build(runResults(scenario, args.seed));
}

/** Per-link, per-settlement and per-shelter results of one run. */
function runResults(scenario: Scenario, seed: number | undefined): GeoJsonResults {
  const result = simulate(scenario, { seed, network: compiledNetwork(scenario) });
  const summary = summarize(result, scenario);
  return { links: result.links, settlements: summary.settlements, shelters: summary.shelters };
}

/** The [lon, lat] of `--origin LAT,LON`: required for a planar scenario, refused for one with lat/lon. */
function originOf(args: ExportArgs, scenario: Scenario): [number, number] | undefined {
  const planar = scenario.network.nodes.length > 0 && scenario.network.nodes[0].lat === undefined;
  if (args.origin === undefined) {
    if (!planar) return undefined;
    throw new UsageError(
      `${args.scenario} has planar x/y coordinates in metres and GeoJSON is WGS84 lon/lat: give the point x = 0, y = 0 stands for with --origin LAT,LON`,
    );
  }
  if (!planar) throw new UsageError(`--origin is for planar (x/y) scenarios; ${args.scenario} has lat/lon`);
  const parts = args.origin.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 2 || !parts.every(Number.isFinite) || Math.abs(parts[0]) > 90 || Math.abs(parts[1]) > 180) {
    throw new UsageError(`--origin must be LAT,LON with |LAT| ≤ 90 and |LON| ≤ 180, such as 51.73,36.19; got ${args.origin}`);
  }
  return [parts[1], parts[0]];
}
