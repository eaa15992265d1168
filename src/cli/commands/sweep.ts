// `evacsim sweep <scenario>`: a parameter study. Grid, Latin hypercube, design
// file, Sobol or Morris designs over `--set PATH=VALUES`, chosen metrics,
// replications with derived seeds (grown to a confidence-interval width on
// request), runs over worker threads, a journal that survives kills
// (`--resume`), and shards for clusters.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { UsageError } from '../usage-error.js';
import { counted, formatCount, formatDuration } from '../../report/format.js';
import { checkDesignCounts, MAX_RUNS, planSweep, runRef, type SweepDesign, type SweepPlan } from '../../sweep/design.js';
import { readDesignFile } from '../../sweep/design-file.js';
import { lockSweepFolder } from '../../sweep/folder-lock.js';
import { manifestOf, type ReportOptions } from '../../sweep/manifest.js';
import { splitAssignment } from '../../sweep/path.js';
import { replicationsFor } from '../../sweep/precision.js';
import type { SweepRow } from '../../sweep/row.js';
import { parseShard, shardRuns, type Shard } from '../../sweep/shard.js';
import { prepareSweep, runSweep } from '../../sweep/sweep.js';
import { formatValues } from '../../sweep/values.js';
import { type Command, defineCommand, type Io } from '../command.js';
import { loadCheckedFile, loadOptions, SCENARIO_FILE } from '../load.js';
import { startProgress } from '../progress.js';
import { appendFailure, FAILURES, Journal, JOURNAL, openSweepFolder, prepareSweepFolder, readManifest, reportFiles, reportTargets, writeManifest, writeReports } from '../sweep-folder.js';
import { readOptionFile } from '../option-file.js';
import { checkWholeNumber } from '../whole-number.js';
import { oneOf } from '../choices.js';

/** Options `sweep` and `calibrate` share. */
export interface SweepRunArgs {
  scenario: string;
  metric?: string | string[];
  replications: number;
  ciWidth?: number;
  maxReplications?: number;
  seed?: number;
  commonSeeds: boolean;
  workers?: number;
  out?: string;
  resume: boolean;
  shard?: string;
  format: 'csv' | 'parquet';
  ignoreProvenance: boolean;
  dryRun: boolean;
  quiet: boolean;
  allowLarge: boolean;
  allowPaths: boolean;
}

export interface SweepArgs extends SweepRunArgs {
  set?: string | string[];
  design: string;
  method?: 'sobol' | 'morris';
  samples?: number;
  trajectories?: number;
  compareTo?: number;
}

/** The cap of --ci-width when --max-replications is not given. */
const DEFAULT_MAX_REPLICATIONS = 200;

/** Seconds between rewrites of the tables while a sweep runs. */
const REPORT_EVERY_MS = 15_000;

export const sweepCommand: Command = defineCommand({
  repeatable: ['set', 'metric'],
  command: 'sweep <scenario>',
  describe: 'run a parameter study: a grid, Latin hypercube, design file, Sobol or Morris design of --set values × replications, with 95 % confidence intervals',
  options: sweepOptions,
  handle: (args, io) => sweep(args, io),
});

/** Declares the options `sweep` and `calibrate` share. */
export function sweepRunOptions(yargs: Argv) {
  return loadOptions(yargs)
    .positional('scenario', { type: 'string', demandOption: true, describe: SCENARIO_FILE })
    .option('metric', { type: 'string', describe: 'a summary path to record, repeatable (clearance.p90, settlements[id=X].evacuated, districts.NAME.evacuated, targets[0].actual, evacuatedAt(6h)); default: the headline metrics' })
    .option('replications', { type: 'number', default: 1, describe: 'runs per point; may be raised when resuming' })
    .option('ci-width', { type: 'number', describe: "add replications until every metric's 95 % half-width is at most this (in the metric's unit, seconds for times)" })
    .option('max-replications', { type: 'number', describe: `cap of --ci-width (default ${DEFAULT_MAX_REPLICATIONS})` })
    .option('seed', { type: 'number', describe: "sweep seed every run seed derives from (default: the scenario's)" })
    .option('common-seeds', { type: 'boolean', default: true, describe: 'replication r uses the same seed at every point (common random numbers); --no-common-seeds for independent seeds' })
    .option('workers', { type: 'number', describe: `worker threads (default: one per core, here ${availableParallelism()}; 0: runs one after another in this thread)` })
    .option('out', { type: 'string', describe: 'folder for sweep.json, runs.jsonl, the tables, columns.json and summary.md (required unless --dry-run)' })
    .option('resume', { type: 'boolean', default: false, describe: 'continue the sweep in --out, skipping finished runs (safe to pass always)' })
    .option('shard', { type: 'string', describe: 'INDEX/COUNT: run only this share of the runs (INDEX from 0); join with evacsim merge' })
    .option('format', { ...oneOf('--format', ['csv', 'parquet'] as const), default: 'csv' as const, describe: 'format of the data tables' })
    .option('ignore-provenance', { type: 'boolean', default: false, describe: 'resume a folder made by another evacsim version or on changed scenario content' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'check every point and print the design, without running' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' });
}

/** Declares the positional and options of `evacsim sweep`. */
export function sweepOptions(yargs: Argv) {
  return sweepRunOptions(yargs)
    .option('set', {
      type: 'string',
      describe:
        'PATH=VALUES, repeatable: a path into the scenario file (orders[*].compliance, settlements[district=Sudzhansky].population) ' +
        'and a range from:to:step (2h:12h:2h for durations) or a comma list',
    })
    .option('design', { type: 'string', default: 'grid', describe: 'grid: every combination; lhs: a seeded Latin hypercube over the ranges; FILE.csv: the points of a file (header: --set paths)' })
    .option('method', { ...oneOf('--method', ['sobol', 'morris'] as const), describe: 'sensitivity indices: sobol (Saltelli design, --samples N base samples) or morris (--trajectories r)' })
    .option('samples', { type: 'number', describe: 'points of a Latin hypercube (default 10 per parameter), or base samples of --method sobol (default 64)' })
    .option('trajectories', { type: 'number', describe: 'trajectories of --method morris (default 10)' })
    .option('compare-to', { type: 'number', describe: 'POINT: paired differences of every other point from this one, with 95 % intervals (differences table)' });
}

/** Runs the command; resolves to the exit code. */
export async function sweep(args: SweepArgs, io: Io): Promise<number> {
  const { design, places } = designOf(args);
  return runSweepCommand(args, design, { compareTo: args.compareTo ?? null, format: args.format, calibration: false }, io, places);
}

/** The design `args` describe (checked further by prepareSweep), and where a design file's points were read. */
function designOf(args: SweepArgs): { design: SweepDesign; places?: string[] } {
  const sets = args.set === undefined ? [] : ([] as string[]).concat(args.set);
  const isFile = !['grid', 'lhs'].includes(args.design);
  if (args.method !== undefined && (isFile || args.design === 'lhs')) throw new UsageError(`--method ${args.method} draws its own design; leave out --design ${args.design}`);
  if (args.samples !== undefined && args.design !== 'lhs' && args.method !== 'sobol') throw new UsageError('--samples applies to --design lhs and --method sobol only');
  if (args.trajectories !== undefined && args.method !== 'morris') throw new UsageError('--trajectories applies to --method morris only');
  checkWholeNumber('--samples', args.samples, args.method === 'sobol' ? 2 : 1);
  checkWholeNumber('--trajectories', args.trajectories, 2);
  const kind = args.method ?? (args.design as 'grid' | 'lhs');
  // In the words of the options: the same check in resolveDesign names the design's fields.
  if (!isFile) checkDesignCounts(kind, sets.length, args.samples ?? null, args.trajectories ?? null, args.replications, '--');
  const common = { replications: args.replications, seed: args.seed, commonSeeds: args.commonSeeds, metrics: metricsOf(args) };
  if (isFile) {
    if (sets.length > 0) throw new UsageError('--design FILE gives every parameter; leave out --set');
    const text = readOptionFile('--design', args.design, 'grid, lhs or a CSV file');
    const { places, ...read } = readDesignFile(text, args.design);
    return { design: { ...read, ...common }, places };
  }
  const design: SweepDesign = {
    parameters: sets.map(splitAssignment),
    kind,
    samples: args.samples,
    trajectories: args.trajectories,
    ...common,
  };
  return { design };
}

/**
 * Refuses a --ci-width cap the sweep could not grow to: found only after the
 * first replications had run, it ended the sweep with exit 2 half-way.
 */
function checkGrowthCap(points: number, maxReplications: number, isDefault: boolean): void {
  if (points * maxReplications <= MAX_RUNS) return;
  const cap = `${isDefault ? 'the default ' : ''}--max-replications ${maxReplications}`;
  throw new UsageError(`${cap} × ${counted(points, 'point')} = ${counted(points * maxReplications, 'run')}, above the limit of ${formatCount(MAX_RUNS)}; give a cap of at most ${Math.floor(MAX_RUNS / points)}`);
}

/** The `--metric` paths, or undefined for the default selection. */
export function metricsOf(args: Pick<SweepRunArgs, 'metric'>): string[] | undefined {
  return args.metric === undefined ? undefined : ([] as string[]).concat(args.metric);
}

/** --workers above max(MIN_WORKER_CAP, WORKERS_PER_CORE × cores) is refused. */
const WORKERS_PER_CORE = 4;
const MIN_WORKER_CAP = 64;

/**
 * Plans `design` on the scenario of `args`, and runs it into the folder `--out`
 * (locked while it runs), raising the replications for `--ci-width`; writes
 * the journal, tables and summaries. Resolves to the exit code: 0, or 3 when runs failed.
 */
export async function runSweepCommand(args: SweepRunArgs, design: SweepDesign, reports: ReportOptions, io: Io, pointPlaces?: readonly string[]): Promise<number> {
  if (args.out === undefined && !args.dryRun) throw new UsageError('name the sweep folder with --out DIR');
  checkWholeNumber('--replications', args.replications, 1);
  if (args.maxReplications !== undefined && args.ciWidth === undefined) throw new UsageError('--max-replications is the cap of --ci-width; give it with --ci-width');
  const maxReplications = args.maxReplications ?? DEFAULT_MAX_REPLICATIONS;
  const workers = args.workers ?? availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 0) throw new UsageError(`--workers must be a whole number (0: no worker threads), got ${workers}`);
  // Each thread loads the program and a copy of the scenario (about 30 MB): --workers 1e9 started one per run.
  const maxWorkers = Math.max(MIN_WORKER_CAP, WORKERS_PER_CORE * availableParallelism());
  if (workers > maxWorkers) {
    throw new UsageError(`--workers ${workers} is more than ${maxWorkers} threads (${WORKERS_PER_CORE} per core of the ${availableParallelism()} here, and at least ${MIN_WORKER_CAP}); threads beyond the cores only wait, each with a copy of the scenario`);
  }
  const shard = args.shard === undefined ? null : parseShard(args.shard);
  if (args.ciWidth !== undefined) {
    if (!(args.ciWidth > 0)) throw new UsageError(`--ci-width must be a positive number, got ${args.ciWidth}`);
    if (shard !== null) throw new UsageError('--ci-width decides the replications from all the runs; run it without --shard');
    checkWholeNumber('--max-replications', maxReplications, 2);
    if (maxReplications < args.replications) {
      throw new UsageError(`--max-replications ${maxReplications} is below --replications ${args.replications}; --ci-width adds replications up to the cap, so give a cap of at least ${args.replications}`);
    }
  }
  const { scenario: base, value: raw } = loadCheckedFile(args.scenario, { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  let plan = prepareSweep(raw, design, { allowLarge: args.allowLarge, pointPlaces });
  if (reports.compareTo !== null && !(Number.isSafeInteger(reports.compareTo) && reports.compareTo >= 0 && reports.compareTo < plan.points.length)) {
    throw new UsageError(`--compare-to must be a point from 0 to ${plan.points.length - 1}, got ${reports.compareTo}`);
  }
  if (args.ciWidth !== undefined) checkGrowthCap(plan.points.length, maxReplications, args.maxReplications === undefined);
  if (args.dryRun) {
    io.out(describePlan(base.name, plan, shard));
    return 0;
  }
  const out = args.out as string;
  prepareSweepFolder(out, [...reportTargets(out, reports), join(out, FAILURES)]);
  const release = await lockSweepFolder(out, io.err);
  try {
    const existing = args.resume ? readManifest(out) : null;
    if (args.ciWidth !== undefined && existing !== null && existing.design.replications > plan.design.replications) {
      if (existing.design.replications > maxReplications) {
        throw new UsageError(`${out} already has ${existing.design.replications} replications, above --max-replications ${maxReplications}; give a cap of at least ${existing.design.replications}`);
      }
      // A folder grown by --ci-width before: continue at its size.
      plan = planSweep({ ...plan.design, replications: existing.design.replications });
    }
    let manifest = manifestOf(raw, base.name, args.scenario, plan, shard, reports);
    const rows = openSweepFolder(out, manifest, plan, args.resume, args.ignoreProvenance);
    const before = rows.length;
    const started = performance.now();
    let failures = 0;
    for (;;) {
      const mine = shardRuns(plan.runs, shard).length;
      failures += await runInto(out, base.name, raw, plan, rows, reports, { workers, shard, total: mine, quiet: args.quiet, allowLarge: args.allowLarge }, io);
      writeReports(out, base.name, plan, rows, reports, { journal: true });
      if (args.ciWidth === undefined || failures > 0) break;
      const next = replicationsFor(plan, rows, args.ciWidth, maxReplications);
      if (next.uncontrolled > 0) io.err(`evacsim: ${counted(next.uncontrolled, 'point × metric cell')} ${next.uncontrolled === 1 ? 'has' : 'have'} runs that did not reach a time; --ci-width does not control them\n`);
      if (next.replications <= plan.design.replications) {
        if (next.widest > args.ciWidth) io.err(`evacsim: stopped at ${counted(plan.design.replications, 'replication')} per point (--max-replications ${maxReplications}); the widest 95 % half-width is ${next.widest} (${next.metric})\n`);
        break;
      }
      plan = planSweep({ ...plan.design, replications: next.replications });
      manifest = manifestOf(raw, base.name, args.scenario, plan, shard, reports);
      writeManifest(out, manifest);
    }
    const mine = shardRuns(plan.runs, shard).length;
    const seconds = (performance.now() - started) / 1000;
    const added = rows.length - before;
    const used = Math.min(workers, added);
    const where = workers === 0 ? 'in this thread' : `on ${used} worker${used === 1 ? '' : 's'}`;
    const rate = added > 0 ? `, ${(added / Math.max(seconds, 1e-9)).toFixed(2)} runs/s ${where}` : '';
    const growth = args.ciWidth === undefined ? '' : `; ${counted(plan.design.replications, 'replication')} per point`;
    io.out(
      `sweep of ${base.name}: ${formatCount(rows.length)}/${counted(mine, 'run')}${shard ? ` of shard ${shard.index}/${shard.count}` : ''} done ` +
        `(${formatCount(added)} new in ${formatDuration(seconds)}${rate})${growth}\n` +
        `wrote ${[JOURNAL, ...reportFiles(reports)].map((f) => join(out, f)).join(', ')}\n`,
    );
    if (failures > 0) {
      io.err(`evacsim: ${failures} run${failures === 1 ? '' : 's'} failed (listed above and in ${join(out, FAILURES)}); --resume runs them again\n`);
      return 3;
    }
    return 0;
  } finally {
    await release();
  }
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
  reports: ReportOptions,
  options: { workers: number; shard: Shard | null; total: number; quiet: boolean; allowLarge: boolean },
  io: Io,
): Promise<number> {
  const done = new Set(rows.map((r) => r.run));
  const already = shardRuns(plan.runs, options.shard).filter((run) => done.has(run)).length;
  const progress = startProgress(options.quiet ? 'none' : process.stderr.isTTY ? 'bar' : 'lines', options.total, already, 'runs', io);
  const journal = new Journal(out);
  const interrupted = (signal: NodeJS.Signals) => {
    progress.stop();
    io.err(`\nevacsim: interrupted (${signal}); ${counted(rows.length, 'finished run')} ${rows.length === 1 ? 'is' : 'are'} kept in ${join(out, JOURNAL)}: continue with --resume\n`);
    process.exit(signal === 'SIGTERM' ? 143 : 130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let failures = 0;
  let count = already;
  let reportedAt = performance.now();
  try {
    await runSweep(raw, plan, {
      allowLarge: options.allowLarge,
      workers: options.workers,
      shard: options.shard,
      skip: done,
      onRow: (row) => {
        journal.append(row);
        rows.push(row);
        progress.update(++count);
        if (performance.now() - reportedAt >= REPORT_EVERY_MS) {
          writeReports(out, name, plan, rows, reports);
          reportedAt = performance.now();
        }
      },
      onFailure: (failure) => {
        failures++;
        const ref = runRef(plan, failure.run);
        const parameters: Record<string, unknown> = {};
        plan.parameters.forEach((p, i) => { parameters[p.name] = plan.points[ref.point][i]; });
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

/** The design as `--dry-run` prints it: counts, then every point. */
function describePlan(name: string, plan: SweepPlan, shard: Shard | null): string {
  const { design } = plan;
  const kinds = { grid: 'grid', lhs: `Latin hypercube of ${design.samples} samples`, points: 'design file', sobol: `Saltelli design of ${design.samples} base samples`, morris: `Morris design of ${design.trajectories} trajectories` };
  const mine = shard === null ? '' : `; shard ${shard.index}/${shard.count} runs ${shardRuns(plan.runs, shard).length}`;
  const lines = [
    `sweep of ${name}: ${kinds[design.kind]}, ${counted(plan.points.length, 'point')} × ${counted(design.replications, 'replication')} = ${counted(plan.runs, 'run')}${mine}; seed ${design.seed}`,
    ...plan.parameters.map((p) => `  ${p.name} = ${p.spec === null ? '(from the design file)' : formatValues(p.spec)}`),
    `metrics: ${design.metrics.join(', ')}`,
    'every point is a valid scenario',
    '',
    ['point', ...plan.parameters.map((p) => p.name)].join('\t'),
    ...plan.points.map((values, i) => [String(i), ...values.map((v) => JSON.stringify(v))].join('\t')),
  ];
  return `${lines.join('\n')}\n`;
}
