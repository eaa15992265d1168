// `evacsim run [scenario]`: simulate and report. The terminal summary by default,
// `--json` for the summary JSON, `--out DIR` for the files, `--check` to exit 1
// when a target of the scenario is missed, `--report FILE` for the HTML report.
import { join } from 'node:path';
import type { Argv } from 'yargs';
import type { Command } from '../command.js';
import { simulate } from '../../simulation/simulate.js';
import { summarize } from '../../report/summary.js';
import { formatSummary } from '../../report/text.js';
import { linksCsv, settlementsCsv, timeseriesCsv } from '../../report/csv.js';
import { renderReport } from '../../html/report.js';
import { builtInScenario } from '../paths.js';
import { loadChecked, loadOptions } from '../load.js';
import { checkTargets, Outputs } from '../write.js';
import { checkSeed } from '../seed.js';

export interface RunArgs {
  scenario?: string;
  seed?: number;
  json: boolean;
  out?: string;
  report?: string;
  check: boolean;
  timing: boolean;
  allowLarge: boolean;
  allowPaths: boolean;
}

/** The files `--out` holds, in this order. */
const RUN_FILES = ['summary.json', 'timeseries.csv', 'settlements.csv', 'links.csv'];

export const runCommand: Command = {
  command: 'run [scenario]',
  describe: 'simulate a scenario (default: the built-in Kursk 2024 case) and print its summary',
  options: (yargs) => runOptions(yargs) as unknown as Argv,
  handle: (args, io) => run(args as unknown as RunArgs, io.out),
};

export function runOptions(yargs: Argv): Argv<RunArgs> {
  return loadOptions(yargs)
    .positional('scenario', { type: 'string', describe: 'scenario file (.json, .jsonc, .yaml); default: the built-in Kursk 2024 case' })
    .option('seed', { type: 'number', describe: "random seed (overrides the scenario's)" })
    .option('json', { type: 'boolean', default: false, describe: 'print the summary JSON instead of the text summary' })
    .option('out', { type: 'string', describe: 'folder to write summary.json, timeseries.csv, settlements.csv, links.csv' })
    .option('report', { type: 'string', describe: 'write a self-contained HTML report (charts, map, tables) to this file' })
    .option('check', { type: 'boolean', default: false, describe: "exit 1 when a target of the scenario is missed" })
    .option('timing', { type: 'boolean', default: false, describe: 'report the wall time (makes the output differ between runs)' }) as unknown as Argv<RunArgs>;
}

/** Runs the command; returns the exit code. */
export function run(args: RunArgs, print: (text: string) => void): number {
  const path = args.scenario ?? builtInScenario();
  const scenario = loadChecked(path, { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  checkSeed(args.seed);
  const files = args.out === undefined ? [] : RUN_FILES.map((name) => join(args.out as string, name));
  checkTargets(args.report === undefined ? files : [...files, args.report]);
  const started = performance.now();
  const result = simulate(scenario, { seed: args.seed });
  const wallSeconds = args.timing ? (performance.now() - started) / 1000 : 0;
  const summary = summarize(result, scenario, { wallSeconds });
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  // every file is staged before any is put in place: a failure leaves none of them
  const outputs = new Outputs();
  if (args.out !== undefined) {
    const texts = [json, timeseriesCsv(result), settlementsCsv(summary.settlements), linksCsv(result)];
    files.forEach((file, i) => outputs.add(file, texts[i]));
  }
  if (args.report !== undefined) outputs.add(args.report, renderReport(result, summary, scenario));
  outputs.commit();
  print(args.json ? json : formatSummary(summary, scenario));
  const missed = summary.targets.filter((t) => !t.ok);
  return args.check && missed.length > 0 ? 1 : 0;
}
