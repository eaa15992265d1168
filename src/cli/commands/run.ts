// `evacsim run [scenario]`: simulate and report. The terminal summary by default,
// `--json` for the summary JSON, `--out DIR` for the files, `--check` to exit 1
// when a target of the scenario is missed, `--report FILE` for the HTML report,
// compared with `--baseline FILE` (a summary JSON or a scenario) when given.
import { basename, join } from 'node:path';
import type { Argv } from 'yargs';
import { type Command, defineCommand, type Io } from '../command.js';
import { simulate } from '../../simulation/simulate.js';
import { summarize } from '../../report/summary.js';
import { formatSummary } from '../../report/text.js';
import { linksCsv, settlementsCsv, timeseriesCsv } from '../../report/csv.js';
import type { Baseline } from '../../html/compare.js';
import type { TracedRun } from '../../html/traffic.js';
import { builtInScenario } from '../paths.js';
import { compiledNetwork, fileWarnings, loadChecked, loadOptions, loadVariants, roadGraph, SCENARIO_FILE } from '../load.js';
import { checkTargets, Outputs } from '../write.js';
import { LinkRecorder, linksTimeseriesCsv } from '../../report/link-congestion.js';
import { UsageError } from '../usage-error.js';
import { InputError, ScenarioError } from '../../errors.js';
import { readOptionFile } from '../option-file.js';
import type { Scenario } from '../../scenario/types.js';
import { simulationProgress } from '../progress.js';
import { noteInput } from '../../scenario/files-read.js';
import { type BaselineShape, baselineDifferences } from '../../report/baseline-match.js';
import { beforeRunWarnings } from '../../check/warnings.js';
import { warningLine } from '../../check/warning.js';
import { unfinishedRun } from '../../check/unfinished.js';
import { gridlockWarnings } from '../../check/gridlock-warning.js';

export interface RunArgs {
  scenario?: string;
  seed?: number;
  json: boolean;
  out?: string;
  report?: string;
  baseline?: string;
  check: boolean;
  timing: boolean;
  variant?: string;
  allowLarge: boolean;
  allowPaths: boolean;
  quiet?: boolean;
}

/** The files `--out` holds, in this order. */
const RUN_FILES = ['summary.json', 'timeseries.csv', 'settlements.csv', 'links.csv', 'links-timeseries.csv'];

export const runCommand: Command = defineCommand({
  command: 'run [scenario]',
  describe: 'simulate a scenario (default: the built-in Kursk 2024 case) and print its summary',
  options: runOptions,
  handle: async (args, io) => run(args, io.out, args.report === undefined ? null : await reportModules(), io),
});

export function runOptions(yargs: Argv) {
  return loadOptions(yargs)
    .positional('scenario', { type: 'string', describe: `${SCENARIO_FILE}; default: the built-in Kursk 2024 case` })
    .option('seed', { type: 'number', describe: "random seed (overrides the scenario's)" })
    .option('json', { type: 'boolean', default: false, describe: 'print the summary JSON instead of the text summary' })
    .option('out', { type: 'string', describe: 'folder to write summary.json, timeseries.csv, settlements.csv, links.csv, links-timeseries.csv' })
    .option('report', { type: 'string', describe: 'write a self-contained HTML report (charts, map, tables) to this file' })
    .option('baseline', { type: 'string', describe: 'with --report: compare with this summary JSON (run --json) or scenario (run with the same --seed)' })
    .option('check', { type: 'boolean', default: false, describe: "exit 1 when a target of the scenario is missed" })
    .option('variant', { type: 'string', describe: 'run this variant of the scenario (its `variants` list) instead of the scenario as written' })
    .option('timing', { type: 'boolean', default: false, describe: 'report the wall time (makes the output differ between runs)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar on a terminal (shown for runs longer than 2 s)' });
}

/** The modules of the HTML report, loaded only for --report: a plain run does not pay for them. */
async function reportModules() {
  const [render, analysis, compare, traffic] = await Promise.all([
    import('../../html/render-report.js'), import('../../analysis/analyze.js'), import('../../html/compare.js'), import('../../html/traffic.js'),
  ]);
  return { ...render, ...analysis, ...compare, ...traffic };
}

type ReportModules = Awaited<ReturnType<typeof reportModules>>;

/**
 * Runs the command; returns the exit code. `report` holds the report's modules when --report
 * is given; `io`, when given, shows the run's progress on a terminal (`simulationProgress`).
 */
export function run(args: RunArgs, print: (text: string) => void, report: ReportModules | null, io?: Io): number {
  const path = args.scenario ?? builtInScenario();
  const load = { allowLarge: args.allowLarge, allowPaths: args.allowPaths };
  const scenario = args.variant === undefined ? loadChecked(path, load) : loadVariants(path, load, [args.variant])[0].scenario;
  const files = args.out === undefined ? [] : RUN_FILES.map((name) => join(args.out as string, name));
  // The baseline is an input too: no output may replace it.
  if (args.baseline !== undefined) noteInput(args.baseline);
  checkTargets(args.report === undefined ? files : [...files, args.report]);
  if (args.baseline !== undefined && args.report === undefined) throw new UsageError('--baseline needs --report FILE: the comparison is drawn in the report');
  // Read (and run) before the run, so a bad baseline stops the command before anything is written.
  const baseline = args.baseline === undefined || report === null ? null : loadBaseline(args.baseline, args, report);
  if (baseline !== null) warnIfOther(args.baseline as string, scenario, baseline.shape, io);
  // Built for the check when the scenario was loaded: the run, its tables and its report read the same.
  const net = compiledNetwork(scenario);
  // validate prints every warning; a run those that cost no search, on stderr so the summary stays clean.
  for (const w of [...fileWarnings(scenario), ...beforeRunWarnings(scenario, net)]) io?.err(warningLine(w));
  // Congestion over time needs every link entry and exit: recorded only for files.
  const recorder = args.out !== undefined || args.report !== undefined ? new LinkRecorder() : null;
  const started = performance.now();
  const { traced, result } = simulationProgress(scenario, args.quiet, io).follow((onBin) => {
    // The report's map plays over time: its run records the traffic (same result).
    const traced: TracedRun | null = report === null ? null : report.simulateWithTraffic(scenario, args.seed, recorder?.trace, net, onBin);
    return { traced, result: traced?.result ?? simulate(scenario, { seed: args.seed, trace: recorder?.trace, network: net, onBin }) };
  });
  const wallSeconds = args.timing ? (performance.now() - started) / 1000 : 0;
  // validate would say it too, from a run of its own: said of this run, before its summary.
  for (const w of [...unfinishedRun(result), ...gridlockWarnings(result)]) io?.err(warningLine(w));
  const summary = summarize(result, scenario, { wallSeconds, variant: args.variant });
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  const congestion = recorder?.congestion(result, net, scenario.reportBinSeconds);
  // every file is staged before any is put in place: a failure leaves none of them
  const outputs = new Outputs();
  outputs.stageAll(() => {
    if (args.out !== undefined) {
      const texts = [
        json, timeseriesCsv(result), settlementsCsv(summary.settlements), linksCsv(result, congestion),
        linksTimeseriesCsv(congestion ?? [], scenario.reportBinSeconds),
      ];
      files.forEach((file, i) => { outputs.add(file, texts[i]); });
    }
    if (args.report !== undefined && report !== null) {
      const graph = roadGraph(scenario);
      // The analysis searches the network once per settlement: left out of reports where that would take long.
      const network = report.reportAnalysis(scenario, graph);
      const traffic = traced?.traffic ?? null;
      const compared = baseline?.at(traffic?.times) ?? null;
      outputs.add(args.report, report.renderReport(result, summary, scenario, { traffic, baseline: compared, congestion, network, graph }));
    }
  });
  print(args.json ? json : formatSummary(summary, scenario));
  const missed = summary.targets.filter((t) => !t.ok);
  return args.check && missed.length > 0 ? 1 : 0;
}

/** A baseline as compared with a map of the given instants (the run's), at which a baseline run's map is read; and what it is of. */
interface LoadedBaseline {
  at: (instants?: readonly number[]) => Baseline;
  shape: BaselineShape;
}

/** The baseline named by --baseline: a summary JSON is read as is, a scenario is run. */
function loadBaseline(path: string, args: RunArgs, report: ReportModules): LoadedBaseline {
  const label = `baseline ${basename(path)}`;
  if (path.endsWith('.json')) {
    const text = readOptionFile('--baseline', path, 'a summary or scenario file');
    let file: unknown;
    try {
      file = JSON.parse(text);
    } catch {
      // Not the parser's own words: they quote the text, which may be any bytes.
      throw new UsageError(`--baseline ${path}: not valid JSON (a summary from run --json, or a scenario)`);
    }
    if (report.isSummary(file)) {
      try {
        const baseline = report.baselineFromSummary(file, label);
        return { at: () => baseline, shape: { settlements: baseline.settlements.map((s) => s.id), network: null } };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        throw new UsageError(`--baseline ${path}: not a summary JSON: ${error.message}`);
      }
    }
  }
  let scenario: Scenario;
  try {
    scenario = loadChecked(path, { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  } catch (error) {
    // Read as a scenario, it has problems: say they are the baseline's.
    if (!(error instanceof ScenarioError)) throw error;
    throw new ScenarioError(error.issues.map((issue) => ({ path: `--baseline ${path}${issue.path ? ` ${issue.path}` : ''}`, message: issue.message })));
  }
  // Its map is read at the run's instants: its own traffic over time is not drawn.
  const result = simulate(scenario, { seed: args.seed, network: compiledNetwork(scenario) });
  const summary = summarize(result, scenario);
  return {
    at: (instants) => report.baselineFromRun(result, summary, scenario, null, label, instants),
    shape: { settlements: scenario.settlements.map((s) => s.id), network: scenario.network },
  };
}

/** Warns on stderr, naming what differs, when the baseline is not of this scenario's settlements and network; the run goes on. */
function warnIfOther(path: string, scenario: Scenario, shape: BaselineShape, io: Io | undefined): void {
  const lines = baselineDifferences(scenario, shape);
  if (lines.length === 0) return;
  io?.err(`evacsim: warning: --baseline ${path} does not match this scenario (the report pairs settlements by id):\n${lines.map((l) => `  ${l}\n`).join('')}`);
}
