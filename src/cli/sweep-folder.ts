// A sweep folder on disk: sweep.json (the manifest), runs.jsonl (the journal,
// one fsynced line per finished run), and the tables (CSV or Parquet), their
// data dictionary columns.json and summary.md, regenerated from the journal.
// A process killed at any moment leaves a folder that resumes without losing
// or repeating a finished run.

import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './usage-error.js';
import { calibration, calibrationMarkdown } from '../sweep/calibration.js';
import { pairedDifferences } from '../sweep/differences.js';
import { sensitivityIndices } from '../sweep/indices.js';
import { differences, MANIFEST_FORMAT, type ReportOptions, type SweepManifest } from '../sweep/manifest.js';
import { journalLine, parseJournal } from '../sweep/journal.js';
import { summaryMarkdown } from '../sweep/markdown.js';
import { parquetOf } from '../sweep/parquet.js';
import type { SweepPlan } from '../sweep/design.js';
import type { SweepRow } from '../sweep/row.js';
import { sensitivity, summarizePoints } from '../sweep/summary.js';
import { csvOf, differencesTable, indicesTable, runsTable, sensitivityTable, summaryTable, type Table } from '../sweep/tables.js';
import { writeFileAtomic } from './write.js';

export const MANIFEST = 'sweep.json';
export const JOURNAL = 'runs.jsonl';
/** Runs that failed, one JSON line each (run, point, replication, seed, parameters, error); a log across resumes. */
export const FAILURES = 'failures.jsonl';

/** Appends one failed run to failures.jsonl, durably. */
export function appendFailure(dir: string, record: object): void {
  const fd = openSync(join(dir, FAILURES), 'a');
  try {
    writeSync(fd, `${JSON.stringify(record)}\n`);
    fsyncSync(fd);
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
    manifest = JSON.parse(readFileSync(path, 'utf8')) as SweepManifest;
  } catch (error) {
    throw new UsageError(`${path}: cannot be read (${(error as Error).message})`);
  }
  if (manifest?.format !== MANIFEST_FORMAT) {
    throw new UsageError(`${path}: not an evacsim sweep manifest of this version (format ${JSON.stringify(manifest?.format)}, expected ${MANIFEST_FORMAT})`);
  }
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
  const bytes = readFileSync(path);
  const complete = bytes.lastIndexOf(0x0a) + 1;
  if (repair && complete < bytes.length) truncateSync(path, complete);
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
  if (JSON.stringify(existing) !== JSON.stringify(manifest)) writeManifest(dir, { ...manifest, evacsim: existing.evacsim, scenario: existing.scenario });
  return rows;
}

/** Temporary files of atomic writes cut short by a kill. */
function removeStaleFiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (/^\.(runs|summary|sweep|sensitivity|differences|columns|accepted)\..*\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
  }
}

/** The journal of a folder, open for appending: each row one write, then fsync. */
export class Journal {
  private fd: number | null;
  constructor(dir: string) {
    this.fd = openSync(join(dir, JOURNAL), 'a');
  }
  append(row: SweepRow): void {
    const fd = this.fd as number;
    writeSync(fd, journalLine(row));
    fsyncSync(fd);
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
 * runs when asked), columns.json and summary.md from `rows`, each atomically.
 */
export function writeReports(dir: string, name: string, plan: SweepPlan, rows: readonly SweepRow[], reports: ReportOptions): void {
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
  for (const [table, content] of Object.entries(tables)) {
    if (reports.format === 'parquet') writeFileAtomic(join(dir, `${table}.parquet`), parquetOf(content));
    else writeFileAtomic(join(dir, `${table}.csv`), csvOf(content));
  }
  const dictionary = Object.fromEntries(Object.entries(tables).map(([table, content]) => [`${table}.${reports.format}`, content.columns]));
  writeFileAtomic(join(dir, 'columns.json'), `${JSON.stringify(dictionary, null, 2)}\n`);
  const sections = calibrated === null ? [] : [calibrationMarkdown(calibrated)];
  writeFileAtomic(join(dir, 'summary.md'), summaryMarkdown(name, plan, points, ranking, rows.length, { indices, differences: diffs, sections }));
}

/** Replaces the journal by `rows` in run order, durably: a kill leaves the old journal or the new one. */
export function rewriteJournal(dir: string, rows: readonly SweepRow[]): void {
  const path = join(dir, JOURNAL);
  const tmp = join(dir, `.runs.jsonl.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, [...rows].sort((a, b) => a.run - b.run).map(journalLine).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Writes `manifest` into `dir`. */
export function writeManifest(dir: string, manifest: SweepManifest): void {
  writeFileAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}
