// `evacsim network <scenario>`: what the road network allows before any
// simulation — reach and free-flow times per settlement, critical and busiest
// roads, minimum cuts to safety and the clearance bound they imply.
import type { Argv } from 'yargs';
import { type Command, defineCommand } from '../command.js';
import { analyzeNetwork } from '../../analysis/analyze.js';
import { formatNetworkAnalysis } from '../../analysis/text.js';
import { loadChecked, loadOptions } from '../load.js';
import { builtInScenario } from '../paths.js';

export interface NetworkArgs {
  scenario?: string;
  json: boolean;
  allowLarge: boolean;
  allowPaths: boolean;
}

export const networkCommand: Command = defineCommand({
  command: 'network [scenario]',
  describe: 'analyse the road network: reach, critical roads, busiest roads, minimum cuts to safety',
  options: networkOptions,
  handle: (args, io) => network(args, io.out),
});

export function networkOptions(yargs: Argv) {
  return loadOptions(yargs)
    .positional('scenario', { type: 'string', describe: 'scenario file (.json, .yaml); default: the built-in Kursk 2024 case' })
    .option('json', { type: 'boolean', default: false, describe: 'print the analysis as JSON' });
}

export function network(args: NetworkArgs, print: (text: string) => void): number {
  const scenario = loadChecked(args.scenario ?? builtInScenario(), { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  const analysis = analyzeNetwork(scenario);
  print(args.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatNetworkAnalysis(analysis));
  return 0;
}
