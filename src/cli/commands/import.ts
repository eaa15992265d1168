// `evacsim import osm <file>`: an OpenStreetMap extract (.osm XML or .osm.pbf)
// to a scenario file with its drivable roads and named settlements. Warnings go
// to stderr as `warning: …`; the scenario to `--out` (or stdout).
import { basename } from 'node:path';
import type { Argv } from 'yargs';
import { type Command, defineCommand, type Io } from '../command.js';
import { InputError, ScenarioError } from '../../errors.js';
import { UsageError } from '../usage-error.js';
import { exactnessProblems } from '../../check/limits.js';
import { unreachableSettlements } from '../../network/reachability.js';
import { parseScenario } from '../../scenario/parse.js';
import { scenarioJson } from '../../generate/index.js';
import { importOsm, osmFormatOf, parseBbox, ROAD_CLASS_ORDER } from '../../import/osm/index.js';
import { FileRefused, MAX_TEXT_BYTES, readBounded, readProblem } from '../../scenario/read-file.js';
import type { RoadClass } from '../../scenario/types.js';
import { checkTargets, writeFileAtomic } from '../write.js';
import { oneOf } from '../choices.js';
import { refuseUnreadableScenarioName } from '../scenario-name.js';

export interface ImportArgs {
  source: 'osm';
  file: string;
  bbox?: string;
  minClass: RoadClass;
  includeService: boolean;
  name?: string;
  out?: string;
}

/** The largest .osm.pbf extract read: a country-sized extract; clip larger ones first. */
const MAX_PBF_BYTES = 2 * 1024 ** 3;

export const importCommand: Command = defineCommand({
  command: 'import <source> <file>',
  describe: 'make a scenario from a real map: import osm <file.osm | file.osm.pbf>',
  options: importOptions,
  handle: (args, io) => importMap(args, io),
});

export function importOptions(yargs: Argv) {
  return yargs
    .positional('source', { ...oneOf('import <source>', ['osm'] as const), demandOption: true, describe: 'osm: an OpenStreetMap extract' })
    .positional('file', { type: 'string', demandOption: true, describe: 'the extract: .osm (XML) or .osm.pbf' })
    .option('bbox', { type: 'string', describe: 'keep only what lies inside minLon,minLat,maxLon,maxLat (degrees; write --bbox=-9.5,… when it starts with a minus)' })
    .option('min-class', { ...oneOf('--min-class', ROAD_CLASS_ORDER), default: 'local' as RoadClass, describe: 'keep only roads of this class or faster' })
    .option('include-service', { type: 'boolean', default: false, describe: 'also keep highway=service roads (driveways, parking aisles)' })
    .option('name', { type: 'string', describe: "the scenario's name (default: the --out file's name, else the extract's)" })
    .option('out', { type: 'string', describe: 'scenario file to write (default: stdout)' });
}

/** Imports the map; returns the exit code. */
export async function importMap(args: ImportArgs, io: Io): Promise<number> {
  const bbox = args.bbox === undefined ? undefined : parseBbox(args.bbox);
  refuseUnreadableScenarioName(args.out);
  const format = osmFormatOf(args.file);
  let data: Buffer;
  try {
    data = readBounded(args.file, 'an OpenStreetMap file', format === 'xml' ? MAX_TEXT_BYTES : MAX_PBF_BYTES);
  } catch (error) {
    throw new UsageError(`${args.file}: ${error instanceof FileRefused ? error.message : readProblem(error, 'an OpenStreetMap file')}`);
  }
  // Once the map is read (it may not be the target), before the import's work.
  if (args.out !== undefined) checkTargets([args.out]);
  const options = { bbox, minClass: args.minClass, includeService: args.includeService, name: args.name ?? nameOf(args.out ?? args.file) };
  const imported = await importOsm({ data, format }, options).catch((error: unknown) => {
    throw error instanceof InputError ? new InputError(`${args.file}: ${error.message}`) : error;
  });
  const { scenario, dropped } = imported;
  refuseInvalid(scenario, args.file);
  for (const warning of imported.warnings) io.err(`warning: ${warning}\n`);
  const text = scenarioJson(scenario);
  const counts =
    `${scenario.network.nodes.length} nodes, ${scenario.network.roads.length} roads, ` +
    `${scenario.settlements.length} settlements kept; ${dropped.nodes} nodes, ${dropped.roads} roads dropped off the largest strongly connected part (other drops: warnings above)\n`;
  if (args.out === undefined) {
    io.out(text);
    io.err(`imported ${args.file}: ${counts}`);
  } else {
    writeFileAtomic(args.out, text);
    io.out(`wrote ${args.out}: ${counts}`);
  }
  return 0;
}

/** Throws ScenarioError when the imported scenario would not pass `evacsim validate`: nothing is written then. */
function refuseInvalid(scenario: unknown, file: string): void {
  let problems: { path: string; message: string }[];
  try {
    const parsed = parseScenario(scenario);
    problems = [...exactnessProblems(parsed), ...unreachableSettlements(parsed)];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    problems = error.issues;
  }
  if (problems.length > 0) {
    throw new ScenarioError(problems.map((p) => ({ path: p.path, message: `${p.message} (in the scenario imported from ${file}; nothing written)` })));
  }
}

/** A scenario name from a file name: `maps/sudzha.osm.pbf` → `sudzha`. */
function nameOf(path: string): string {
  return basename(path).replace(/(\.osm)?\.(pbf|osm|xml|json|ya?ml)$/i, '') || 'imported';
}
