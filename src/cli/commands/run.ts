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
import { LinkRecorder, linksTimeseriesCsv } from '../../report/link-congestion.js';
import { compileScenario } from '../../network/compile.js';
import { builtInScenario } from '../paths.js';
import { loadChecked, loadOptions, loadVariants } from '../load.js';
import { writeFileAtomic } from '../write.js';
import { UsageError } from '../../errors.js';

export interface RunArgs {
  scenario?: string;
  seed?: number;
  json: boolean;
  out?: string;
  report?: string;
  check: boolean;
  timing: boolean;
  variant?: string;
  allowLarge: boolean;
  allowPaths: boolean;
}

export const runCommand: Command = {
  command: 'run [scenario]',
  describe: 'simulate a scenario (default: the built-in Kursk 2024 case) and print its summary',
  options: (yargs) => runOptions(yargs) as unknown as Argv,
  handle: (args, io) => run(args as unknown as RunArgs, io.out),
};

export function runOptions(yargs: Argv): Argv<RunArgs> {
  return loadOptions(yargs)
    .positional('scenario', { type: 'string', describe: 'scenario file (.json, .yaml); default: the built-in Kursk 2024 case' })
    .option('seed', { type: 'number', describe: "random seed (overrides the scenario's)" })
    .option('json', { type: 'boolean', default: false, describe: 'print the summary JSON instead of the text summary' })
    .option('out', { type: 'string', describe: 'folder to write summary.json, timeseries.csv, settlements.csv, links.csv, links-timeseries.csv' })
    .option('report', { type: 'string', describe: 'write a self-contained HTML report (charts, map, tables) to this file' })
    .option('check', { type: 'boolean', default: false, describe: "exit 1 when a target of the scenario is missed" })
    .option('variant', { type: 'string', describe: 'run this variant of the scenario (its `variants` list) instead of the scenario as written' })
    .option('timing', { type: 'boolean', default: false, describe: 'report the wall time (makes the output differ between runs)' }) as unknown as Argv<RunArgs>;
}

/** Runs the command; returns the exit code. */
export function run(args: RunArgs, print: (text: string) => void): number {
  const path = args.scenario ?? builtInScenario();
  const load = { allowLarge: args.allowLarge, allowPaths: args.allowPaths };
  const scenario = args.variant === undefined ? loadChecked(path, load) : loadVariants(path, load, [args.variant])[0].scenario;
  if (args.seed !== undefined && !Number.isInteger(args.seed)) {
    throw new UsageError(`--seed must be a whole number, got ${args.seed}`);
  }
  // Congestion over time needs every link entry and exit: recorded only for files.
  const recorder = args.out !== undefined || args.report !== undefined ? new LinkRecorder() : null;
  const started = performance.now();
  const result = simulate(scenario, { seed: args.seed, trace: recorder?.trace });
  const wallSeconds = args.timing ? (performance.now() - started) / 1000 : 0;
  const summary = summarize(result, scenario, { wallSeconds });
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  const congestion = recorder?.congestion(result, compileScenario(scenario), scenario.reportBinSeconds);
  if (args.out !== undefined) {
    writeFileAtomic(join(args.out, 'summary.json'), json);
    writeFileAtomic(join(args.out, 'timeseries.csv'), timeseriesCsv(result));
    writeFileAtomic(join(args.out, 'settlements.csv'), settlementsCsv(summary.settlements));
    writeFileAtomic(join(args.out, 'links.csv'), linksCsv(result, congestion));
    writeFileAtomic(join(args.out, 'links-timeseries.csv'), linksTimeseriesCsv(congestion ?? [], scenario.reportBinSeconds));
  }
  if (args.report !== undefined) writeFileAtomic(args.report, renderReport(result, summary, scenario, congestion));
  print(args.json ? json : formatSummary(summary, scenario));
  const missed = summary.targets.filter((t) => !t.ok);
  return args.check && missed.length > 0 ? 1 : 0;
}
