// `evacsim export geojson <scenario>`: the scenario's roads, settlements and
// shelters as one GeoJSON FeatureCollection for QGIS; with `--results`, the
// traffic and evacuation results of a run joined to its roads and settlements.
import type { Argv } from 'yargs';
import { type Command, defineCommand, type Io } from '../command.js';
import { UsageError } from '../usage-error.js';
import { exportGeoJson, type GeoJsonResults } from '../../export/index.js';
import { scenarioJson } from '../../generate/index.js';
import { summarize } from '../../report/summary.js';
import type { Scenario } from '../../scenario/types.js';
import { simulate } from '../../simulation/simulate.js';
import { loadChecked, loadOptions } from '../load.js';
import { writeFileAtomic } from '../write.js';
import { checkSeed } from '../seed.js';

export interface ExportArgs {
  format: 'geojson';
  scenario: string;
  results: boolean;
  seed?: number;
  out?: string;
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
    .positional('format', { choices: ['geojson'] as const, demandOption: true, describe: 'geojson: roads as LineStrings, settlements and shelters as Points' })
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .jsonc, .yaml)' })
    .option('results', { type: 'boolean', default: false, describe: 'run the simulation and add its results to roads and settlements' })
    .option('seed', { type: 'number', describe: "random seed of the run (overrides the scenario's)" })
    .option('out', { type: 'string', describe: 'file to write (default: stdout)' });
}

/** Writes the export; returns the exit code. */
export function exportScenario(args: ExportArgs, io: Io): number {
  if (args.seed !== undefined && !args.results) throw new UsageError('--seed needs --results (it is the seed of the run)');
  checkSeed(args.seed);
  const scenario = loadChecked(args.scenario, { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  const collection = exportGeoJson(scenario, args.results ? runResults(scenario, args.seed) : {});
  const text = scenarioJson(collection);
  if (args.out === undefined) {
    io.out(text);
    return 0;
  }
  writeFileAtomic(args.out, text);
  const run = args.results ? ` with the results of seed ${args.seed ?? scenario.seed}` : '';
  io.out(
    `wrote ${args.out}: ${scenario.network.roads.length} roads, ${scenario.settlements.length} settlements, ` +
      `${scenario.shelters.length} shelters and exits${run}\n`,
  );
  return 0;
}

/** Per-link and per-settlement results of one run. */
function runResults(scenario: Scenario, seed: number | undefined): GeoJsonResults {
  const result = simulate(scenario, { seed });
  const summary = summarize(result, scenario);
  return { links: result.links, settlements: summary.settlements };
}
