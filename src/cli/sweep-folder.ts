// A sweep folder on disk: sweep.json (the manifest), runs.jsonl (the journal,
// one fsynced line per finished run), and the tables (CSV or Parquet), their
// data dictionary columns.json and summary.md, regenerated from the journal.
// A process killed at any moment leaves a folder that resumes without losing
// or repeating a finished run.

import { closeSync, constants, existsSync, fstatSync, fsyncSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './usage-error.js';
import { calibration, calibrationMarkdown } from '../sweep/calibration.js';
import { pairedDifferences } from '../sweep/differences.js';
import { sensitivityIndices } from '../sweep/indices.js';
import { differences, MANIFEST_FORMAT, manifestShapeProblem, type ReportOptions, type SweepManifest } from '../sweep/manifest.js';
import { journalLine, parseJournal } from '../sweep/journal.js';
import { summaryMarkdown } from '../sweep/markdown.js';
import { parquetOf } from '../sweep/parquet.js';
import type { SweepPlan } from '../sweep/design.js';
import type { SweepRow } from '../sweep/row.js';
import { sensitivity, summarizePoints } from '../sweep/summary.js';
import { csvOf, differencesTable, indicesTable, runsTable, sensitivityTable, summaryTable, type Table } from '../sweep/tables.js';
import { checkTargets, Outputs, writeFileAtomic } from './write.js';
import { checkFolder, makeFolder } from './folders.js';
import { kindOf, reason } from './file-errors.js';
import { LOCK } from '../sweep/folder-lock.js';
import { inShard } from '../sweep/shard.js';

export const MANIFEST = 'sweep.json';
export const JOURNAL = 'runs.jsonl';
/** Runs that failed, one JSON line each (run, point, replication, seed, parameters, error); a log across resumes. */
export const FAILURES = 'failures.jsonl';

/** Appends one failed run to failures.jsonl, durably. */
export function appendFailure(dir: string, record: object): void {
  const path = join(dir, FAILURES);
  const fd = openForAppending(path);
  try {
    appendLine(fd, path, `${JSON.stringify(record)}\n`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `line` at the end of the file open as `fd` and fsyncs it; a failure (a full disk)
 * is a UsageError naming `path`. A line cut short is a torn line, which a resume cuts off.
 */
function appendLine(fd: number, path: string, line: string): void {
  try {
    writeSync(fd, line);
    fsyncSync(fd);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${reason(error)}`);
  }
}

/**
 * The bytes of the file at `path`, opened without blocking: a FIFO (or device, socket)
 * put in place of a folder's sweep.json or runs.jsonl is refused at once; readFileSync
 * waited on it for ever (`merge` never ended).
 */
function readRegular(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() && !stats.isDirectory()) throw new Error(`it is ${kindOf(stats)}, not a regular file`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The manifest in `dir`, or null when `dir` holds none. Throws UsageError for an unreadable one. */
export function readManifest(dir: string): SweepManifest | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  let manifest: SweepManifest;
  try {
    manifest = JSON.parse(readRegular(path).toString('utf8')) as SweepManifest;
  } catch (error) {
    throw new UsageError(`${path}: cannot be read (${(error as Error).message})`);
  }
  if (manifest?.format !== MANIFEST_FORMAT) {
    const format = typeof manifest === 'object' && manifest !== null && 'format' in manifest ? `format ${JSON.stringify(manifest.format)}` : 'no "format" key';
    throw new UsageError(`${path}: not an evacsim sweep manifest of this version (${format}, expected ${MANIFEST_FORMAT})`);
  }
  const problem = manifestShapeProblem(manifest);
  if (problem !== null) throw new UsageError(`${path}: not a valid sweep manifest: ${problem}`);
  return manifest;
}

/**
 * The finished rows of the journal in `dir` (none when it has no journal). With
 * `repair`, a torn last line — a run cut off mid-write — is cut from the file;
 * without, it is only ignored.
 */
export function readJournal(dir: string, plan: SweepPlan, repair: boolean): SweepRow[] {
  const path = join(dir, JOURNAL);
  if (!existsSync(path)) return [];
  let bytes: Buffer;
  try {
    bytes = readRegular(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${reason(error)}`);
  }
  const complete = bytes.lastIndexOf(0x0a) + 1;
  if (repair && complete < bytes.length) {
    try {
      truncateSync(path, complete);
    } catch (error) {
      throw new UsageError(`cannot cut the torn last line of ${path}: ${reason(error)}`);
    }
  }
  return parseJournal(bytes.subarray(0, complete).toString('utf8'), plan, path);
}

/**
 * Makes `dir` ready for the sweep of `manifest` and returns the runs it already
 * holds: none for a new folder (the manifest is written first), the journal's
 * rows when resuming. Refuses a folder holding a sweep unless `resume`, a
 * different sweep always, and one made by another evacsim version or on other
 * scenario content unless `ignoreProvenance`. A resumed sweep may raise the
 * number of replications (the manifest is updated), never lower it.
 */
export function openSweepFolder(dir: string, manifest: SweepManifest, plan: SweepPlan, resume: boolean, ignoreProvenance = false): SweepRow[] {
  const existing = readManifest(dir);
  removeStaleFiles(dir);
  if (existing === null) {
    if (existsSync(join(dir, JOURNAL))) throw new UsageError(`${dir} has ${JOURNAL} but no ${MANIFEST}; choose another --out`);
    refuseForeign(dir);
    writeManifest(dir, manifest);
    return [];
  }
  if (!resume) throw new UsageError(`${dir} already holds a sweep; pass --resume to continue it, or choose another --out`);
  const different = differences(existing, manifest, true, false);
  if (different.sweep.length > 0) {
    throw new UsageError(`${dir} holds a different sweep (${different.sweep.join('; ')}); resume it with the same scenario and options, or choose another --out`);
  }
  if (different.provenance.length > 0 && !ignoreProvenance) {
    throw new UsageError(`${dir} was made by another evacsim or on another scenario (${different.provenance.join('; ')}); its runs would mix with different ones: choose another --out, or pass --ignore-provenance`);
  }
  if (manifest.design.replications < existing.design.replications) {
    throw new UsageError(`${dir} has ${existing.design.replications} replications; --replications ${manifest.design.replications} would drop runs: give at least ${existing.design.replications}`);
  }
  const rows = readJournal(dir, plan, true);
  refuseOtherShardRuns(dir, rows, manifest);
  if (JSON.stringify(existing) !== JSON.stringify(manifest)) writeManifest(dir, { ...manifest, evacsim: existing.evacsim, scenario: existing.scenario });
  return rows;
}

/**
 * Refuses (UsageError) to resume a shard folder whose journal holds a run of another shard:
 * written under an earlier assignment of runs to shards (shard.ts), it would run again what
 * another shard holds. Its runs are right as they are: merge takes them.
 */
function refuseOtherShardRuns(dir: string, rows: readonly SweepRow[], manifest: SweepManifest): void {
  const { shard } = manifest;
  const other = shard === null ? undefined : rows.find((row) => !inShard(row.run, shard));
  if (shard === null || other === undefined) return;
  throw new UsageError(
    `${dir} holds run ${other.run}, which shard ${shard.index}/${shard.count} does not run: its runs were assigned to shards as an earlier evacsim did; ` +
      'merge the shard folders as they are (evacsim merge), or choose another --out',
  );
}

/** Names of the temporary files of atomic writes (staged outputs) cut short by a kill. */
const STALE = /^\.(runs|summary|sweep|sensitivity|differences|columns|accepted)\..*\.tmp$/;

/** Temporary files of atomic writes cut short by a kill. */
function removeStaleFiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (STALE.test(name)) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Refuses (UsageError) a folder holding no sweep manifest but other files, so
 * files of another kind are never written over; the folder lock and the
 * temporary files of a killed write do not count.
 */
export function refuseForeign(dir: string): void {
  if (!existsSync(dir)) return;
  const names = readdirSync(dir).filter((name) => !name.startsWith(LOCK) && !STALE.test(name)).sort();
  if (names.length === 0) return;
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? `, … (${names.length} in all)` : '');
  throw new UsageError(`${dir} is not empty and holds no sweep (it has ${shown}); choose a new or empty folder for --out`);
}

/** The journal of a folder, open for appending: each row one write, then fsync. */
export class Journal {
  private fd: number | null;
  private readonly path: string;
  constructor(dir: string) {
    this.path = join(dir, JOURNAL);
    this.fd = openForAppending(this.path);
  }
  append(row: SweepRow): void {
    appendLine(this.fd as number, this.path, journalLine(row));
  }
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** The names of the files writeReports writes with `reports`. */
export function reportFiles(reports: ReportOptions): string[] {
  const ext = reports.format === 'parquet' ? 'parquet' : 'csv';
  const tables = ['runs', 'summary', 'sensitivity', ...(reports.compareTo === null ? [] : ['differences']), ...(reports.calibration ? ['accepted'] : [])];
  return [...tables.map((t) => `${t}.${ext}`), 'columns.json', 'summary.md'];
}

/**
 * Writes the tables (runs, summary, sensitivity, and differences and accepted
 * runs when asked), columns.json and summary.md from `rows`, all or none: each
 * is staged beside its target and renamed into place once every one is written.
 * With `journal`, runs.jsonl is rewritten from `rows` in run order with them;
 * with `manifest`, sweep.json too.
 */
export function writeReports(dir: string, name: string, plan: SweepPlan, rows: readonly SweepRow[], reports: ReportOptions, also: { journal?: boolean; manifest?: SweepManifest } = {}): void {
  const points = summarizePoints(plan, rows);
  const ranking = sensitivity(plan, rows);
  const indices = sensitivityIndices(plan, rows);
  const diffs = reports.compareTo === null ? undefined : pairedDifferences(plan, rows, reports.compareTo);
  const calibrated = reports.calibration ? calibration(plan, rows) : null;
  const tables: Record<string, Table> = {
    runs: runsTable(plan, rows),
    summary: summaryTable(plan, points),
    sensitivity: plan.design.kind === 'sobol' || plan.design.kind === 'morris' ? indicesTable(indices) : sensitivityTable(ranking),
  };
  if (diffs !== undefined) tables.differences = differencesTable(plan, diffs);
  if (calibrated !== null) tables.accepted = runsTable(plan, calibrated.accepted);
  const outputs = new Outputs();
  outputs.stageAll(() => {
    if (also.manifest !== undefined) outputs.add(join(dir, MANIFEST), `${JSON.stringify(also.manifest, null, 2)}\n`);
    if (also.journal === true) outputs.add(join(dir, JOURNAL), [...rows].sort((a, b) => a.run - b.run).map(journalLine).join(''));
    for (const [table, content] of Object.entries(tables)) {
      if (reports.format === 'parquet') outputs.add(join(dir, `${table}.parquet`), parquetOf(content));
      else outputs.add(join(dir, `${table}.csv`), csvOf(content));
    }
    const dictionary = Object.fromEntries(Object.entries(tables).map(([table, content]) => [`${table}.${reports.format}`, content.columns]));
    outputs.add(join(dir, 'columns.json'), `${JSON.stringify(dictionary, null, 2)}\n`);
    const sections = calibrated === null ? [] : [calibrationMarkdown(calibrated)];
    outputs.add(join(dir, 'summary.md'), summaryMarkdown(name, plan, points, ranking, rows.length, { indices, differences: diffs, sections }));
  });
}

/** The paths of every file a sweep with `reports` writes into `dir`: the manifest, the journal, the tables and summaries. */
export function reportTargets(dir: string, reports: ReportOptions): string[] {
  return [MANIFEST, JOURNAL, ...reportFiles(reports)].map((f) => join(dir, f));
}

/**
 * Makes the sweep folder `dir` (`--out`) once it is known to hold `targets`: refused
 * (UsageError) before anything is made when it cannot be a folder or a target cannot
 * be written, so a refused sweep or merge leaves no new folder.
 */
export function prepareSweepFolder(dir: string, targets: readonly string[]): void {
  checkFolder(dir, '--out');
  checkTargets(targets);
  makeFolder(dir, '--out');
}

/** Opens `path` for appending, creating it; throws UsageError naming it when it cannot. */
function openForAppending(path: string): number {
  try {
    return openSync(path, 'a');
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${reason(error)}`);
  }
}

/** Writes `manifest` into `dir`. */
export function writeManifest(dir: string, manifest: SweepManifest): void {
  writeFileAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}
