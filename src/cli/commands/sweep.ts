// `evacsim sweep <scenario>`: a parameter study. Grid or Latin hypercube designs
// over `--set PATH=VALUES`, replications with derived seeds, runs over worker
// threads, a journal that survives kills (`--resume`), and shards for clusters.

import { MAX_TEXT_BYTES, readBoundedText } from '../../scenario/readFile.js';
import { isJsonExtension, parseJsoncText } from '../../scenario/jsonc.js';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import YAML from 'yaml';
import type { Argv } from 'yargs';
import { UsageError } from '../../errors.js';
import { DEFAULT_LIMITS } from '../../check/limits.js';
import { expandNetworkGeojson, type ScenarioFileOptions } from '../../scenario/networkGeojson.js';
import { formatDuration } from '../../report/format.js';
import type { SweepDesign, SweepPlan } from '../../sweep/design.js';
import { manifestOf } from '../../sweep/manifest.js';
import { splitAssignment } from '../../sweep/path.js';
import type { SweepRow } from '../../sweep/row.js';
import { parseShard, shardRuns, type Shard } from '../../sweep/shard.js';
import { prepareSweep, runSweep } from '../../sweep/sweep.js';
import { formatValues } from '../../sweep/values.js';
import type { Command, Io } from '../command.js';
import { loadChecked, loadOptions } from '../load.js';
import { startProgress } from '../progress.js';
import { appendFailure, FAILURES, Journal, JOURNAL, openSweepFolder, stageJournal, stageReports, writeReports } from '../sweep-folder.js';
import { Outputs } from '../write.js';
import { lockSweepFolder } from '../sweep-lock.js';
import { runRef } from '../../sweep/design.js';

export interface SweepArgs {
  scenario: string;
  set?: string | string[];
  design: 'grid' | 'lhs';
  samples?: number;
  replications: number;
  seed?: number;
  commonSeeds: boolean;
  workers?: number;
  out?: string;
  resume: boolean;
  shard?: string;
  dryRun: boolean;
  quiet: boolean;
  allowLarge: boolean;
  allowPaths: boolean;
}

/** Seconds between rewrites of the tables while a sweep runs. */
const REPORT_EVERY_MS = 15_000;

export const sweepCommand: Command = {
  command: 'sweep <scenario>',
  describe: 'run a parameter study: a grid or Latin hypercube of --set values × replications, with 95 % confidence intervals',
  options: (yargs) => sweepOptions(yargs) as unknown as Argv,
  repeatable: ['set'],
  handle: (args, io) => sweep(args as unknown as SweepArgs, io),
};

/** Declares the positional and options of `evacsim sweep`. */
export function sweepOptions(yargs: Argv): Argv<SweepArgs> {
  return loadOptions(yargs)
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.json, .jsonc, .yaml)' })
    .option('set', {
      type: 'string',
      describe:
        'PATH=VALUES, repeatable: a path into the scenario file (orders[*].compliance, settlements[district=Sudzhansky].population) ' +
        'and a range from:to:step (2h:12h:2h for durations) or a comma list',
    })
    .option('design', { choices: ['grid', 'lhs'] as const, default: 'grid' as const, describe: 'grid: every combination; lhs: a seeded Latin hypercube over the ranges' })
    .option('samples', { type: 'number', describe: 'points of a Latin hypercube (default 10 per parameter)' })
    .option('replications', { type: 'number', default: 1, describe: 'runs per point, each with its own seed' })
    .option('seed', { type: 'number', describe: "sweep seed every run seed derives from (default: the scenario's)" })
    .option('common-seeds', { type: 'boolean', default: false, describe: 'replication r uses the same seed at every point (common random numbers)' })
    .option('workers', { type: 'number', describe: `worker threads (default: one per core, here ${availableParallelism()})` })
    .option('out', { type: 'string', describe: 'folder for sweep.json, runs.jsonl, runs.csv, summary.csv, summary.md (required unless --dry-run)' })
    .option('resume', { type: 'boolean', default: false, describe: 'continue the sweep in --out, skipping finished runs (safe to pass always)' })
    .option('shard', { type: 'string', describe: 'INDEX/COUNT: run only this share of the runs (INDEX from 0); join with evacsim merge' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'check every point and print the design, without running' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' }) as unknown as Argv<SweepArgs>;
}

/** Runs the command; resolves to the exit code. */
export async function sweep(args: SweepArgs, io: Io): Promise<number> {
  if (args.out === undefined && !args.dryRun) throw new UsageError('name the sweep folder with --out DIR');
  if (args.samples !== undefined && args.design !== 'lhs') throw new UsageError('--samples applies to --design lhs only');
  const workers = args.workers ?? availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number of at least 1, got ${workers}`);
  const shard = args.shard === undefined ? null : parseShard(args.shard);
  const base = loadChecked(args.scenario, { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  const raw = readScenarioValue(args.scenario, {
    allowPaths: args.allowPaths,
    maxFileBytes: args.allowLarge ? undefined : DEFAULT_LIMITS.fileBytes,
  });
  const plan = prepareSweep(raw, designOf(args), { allowLarge: args.allowLarge });
  if (args.dryRun) {
    io.out(describePlan(base.name, plan, shard));
    return 0;
  }
  const out = args.out as string;
  const unlock = lockSweepFolder(out);
  try {
    return await sweepInto(out, args, io, { name: base.name, raw, plan, shard, workers });
  } finally {
    unlock();
  }
}

/** The sweep itself, once its folder is locked. */
async function sweepInto(
  out: string,
  args: SweepArgs,
  io: Io,
  { name, raw, plan, shard, workers }: { name: string; raw: unknown; plan: SweepPlan; shard: Shard | null; workers: number },
): Promise<number> {
  const rows = openSweepFolder(out, manifestOf(raw, name, args.scenario, plan, shard), plan, args.resume);
  const mine = shardRuns(plan.runs, shard).length;
  const before = rows.length;
  const started = performance.now();
  const failures = await runInto(out, name, raw, plan, rows, { workers, shard, total: mine, quiet: args.quiet }, io);
  const outputs = new Outputs();
  stageJournal(outputs, out, rows);
  stageReports(outputs, out, name, plan, rows);
  outputs.commit();

  const seconds = (performance.now() - started) / 1000;
  const added = rows.length - before;
  const used = Math.min(workers, added);
  const rate = added > 0 ? `, ${(added / Math.max(seconds, 1e-9)).toFixed(2)} runs/s on ${used} worker${used === 1 ? '' : 's'}` : '';
  io.out(
    `sweep of ${name}: ${rows.length}/${mine} runs${shard ? ` of shard ${shard.index}/${shard.count}` : ''} done ` +
      `(${added} new in ${formatDuration(seconds)}${rate})\n` +
      `wrote ${['runs.jsonl', 'runs.csv', 'summary.csv', 'summary.md'].map((f) => join(out, f)).join(', ')}\n`,
  );
  if (failures > 0) {
    io.err(`evacsim: ${failures} run${failures === 1 ? '' : 's'} failed (listed above and in ${join(out, FAILURES)}); --resume runs them again\n`);
    return 3;
  }
  return 0;
}

function designOf(args: SweepArgs): SweepDesign {
  const sets = args.set === undefined ? [] : ([] as string[]).concat(args.set);
  return {
    parameters: sets.map(splitAssignment),
    kind: args.design,
    samples: args.samples,
    replications: args.replications,
    seed: args.seed,
    commonSeeds: args.commonSeeds,
  };
}

/**
 * Runs the runs of `plan` not yet in `rows`, journaling each as it finishes and
 * appending it to `rows`, with progress on stderr and the tables rewritten now and then.
 * Ctrl-C or SIGTERM stop at once (exit 130 / 143): the journal already holds every
 * finished run. A run that fails is reported with its parameters and seed, appended
 * to failures.jsonl, and the sweep goes on; resolves to the number of failed runs.
 */
async function runInto(
  out: string,
  name: string,
  raw: unknown,
  plan: SweepPlan,
  rows: SweepRow[],
  options: { workers: number; shard: Shard | null; total: number; quiet: boolean },
  io: Io,
): Promise<number> {
  const progress = startProgress(options.quiet ? 'none' : process.stderr.isTTY ? 'bar' : 'lines', options.total, rows.length, 'runs', io);
  const journal = new Journal(out);
  const interrupted = (signal: NodeJS.Signals) => {
    progress.stop();
    io.err(`\nevacsim: interrupted (${signal}); ${rows.length} finished runs are kept in ${join(out, JOURNAL)}: continue with --resume\n`);
    process.exit(signal === 'SIGTERM' ? 143 : 130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let failures = 0;
  let reportedAt = performance.now();
  try {
    await runSweep(raw, plan, {
      workers: options.workers,
      shard: options.shard,
      skip: new Set(rows.map((r) => r.run)),
      onRow: (row) => {
        journal.append(row);
        rows.push(row);
        progress.update(rows.length);
        if (performance.now() - reportedAt >= REPORT_EVERY_MS) {
          writeReports(out, name, plan, rows);
          reportedAt = performance.now();
        }
      },
      onFailure: (failure) => {
        failures++;
        const ref = runRef(plan, failure.run);
        const parameters: Record<string, unknown> = {};
        plan.parameters.forEach((p, i) => (parameters[p.name] = plan.points[ref.point][i]));
        const record = { ...ref, parameters, error: failure.error };
        appendFailure(out, record);
        const values = Object.entries(parameters).map(([k, v]) => `${k}=${String(v)}`).join(', ');
        io.err(`\nevacsim: run ${failure.run} failed (${values}${values ? ', ' : ''}seed ${ref.seed}): ${failure.error}\n`);
      },
    });
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    progress.stop();
    journal.close();
  }
  return failures;
}

/** The scenario file's value, as parseScenario takes it (the file is known to be valid), its GeoJSON network expanded. */
function readScenarioValue(path: string, options: ScenarioFileOptions): unknown {
  const text = readBoundedText(path, 'a scenario file', options.maxFileBytes ?? MAX_TEXT_BYTES);
  const ext = extname(path).toLowerCase();
  const value: unknown = isJsonExtension(ext) ? parseJsoncText(text, path) : YAML.parse(text, { maxAliasCount: 100 });
  return expandNetworkGeojson(value, path, options);
}

/** The design as `--dry-run` prints it: counts, then every point. */
function describePlan(name: string, plan: SweepPlan, shard: Shard | null): string {
  const { design } = plan;
  const kind = design.kind === 'lhs' ? `Latin hypercube of ${design.samples} samples` : 'grid';
  const mine = shard === null ? '' : `; shard ${shard.index}/${shard.count} runs ${shardRuns(plan.runs, shard).length}`;
  const lines = [
    `sweep of ${name}: ${kind}, ${plan.points.length} point${plan.points.length === 1 ? '' : 's'} × ${design.replications} replication${design.replications === 1 ? '' : 's'} = ${plan.runs} runs${mine}; seed ${design.seed}`,
    ...plan.parameters.map((p) => `  ${p.name} = ${formatValues(p.spec)}`),
    'every point is a valid scenario',
    '',
    ['point', ...plan.parameters.map((p) => p.name)].join('\t'),
    ...plan.points.map((values, i) => [String(i), ...values.map((v) => JSON.stringify(v))].join('\t')),
  ];
  return `${lines.join('\n')}\n`;
}
