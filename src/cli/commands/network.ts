// `evacsim network <scenario>`: what the road network allows before any
// simulation — reach and free-flow times per settlement, critical and busiest
// roads, minimum cuts to safety and the clearance bound they imply.
import type { Argv } from 'yargs';
import { type Command, defineCommand, type Io } from '../command.js';
import { analyzeNetwork } from '../../analysis/analyze.js';
import { formatNetworkAnalysis } from '../../analysis/text.js';
import { fileWarnings, loadChecked, loadOptions, roadGraph, SCENARIO_FILE } from '../load.js';
import { warningLine } from '../../check/warning.js';
import { builtInScenario } from '../paths.js';
import { startProgress } from '../progress.js';

/** From this many settlements on (one search of the whole network each), progress is shown on stderr. */
const PROGRESS_FROM = 1000;

export interface NetworkArgs {
  scenario?: string;
  json: boolean;
  allowLarge: boolean;
  allowPaths: boolean;
  quiet: boolean;
}

export const networkCommand: Command = defineCommand({
  command: 'network [scenario]',
  describe: 'analyse the road network: reach, critical roads, busiest roads, minimum cuts to safety',
  options: networkOptions,
  handle: (args, io) => network(args, io),
});

export function networkOptions(yargs: Argv) {
  return loadOptions(yargs)
    .positional('scenario', { type: 'string', describe: `${SCENARIO_FILE}; default: the built-in Kursk 2024 case` })
    .option('json', { type: 'boolean', default: false, describe: 'print the analysis as JSON' })
    .option('quiet', { type: 'boolean', default: false, describe: `no progress on stderr (shown from ${PROGRESS_FROM} settlements on)` });
}

export function network(args: NetworkArgs, io: Io): number {
  const scenario = loadChecked(args.scenario ?? builtInScenario(), { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  // What placing a GeoJSON network's points said (a settlement far from any road end), as run says it.
  for (const w of fileWarnings(scenario)) io.err(warningLine(w));
  const total = scenario.settlements.length;
  const shown = !args.quiet && total >= PROGRESS_FROM;
  const progress = startProgress(shown ? (process.stderr.isTTY ? 'bar' : 'lines') : 'none', total, 0, 'settlements', io);
  // The road graph the check built when the scenario was loaded.
  const analysis = analyzeNetwork(scenario, roadGraph(scenario), (done) => { progress.update(done); });
  progress.stop();
  io.out(args.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatNetworkAnalysis(analysis));
  return 0;
}
