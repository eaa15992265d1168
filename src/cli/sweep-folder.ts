// A sweep folder on disk: sweep.json (the manifest), runs.jsonl (the journal,
// one fsynced line per finished run), and runs.csv, summary.csv, summary.md
// regenerated from the journal. A process killed at any moment leaves a folder
// that resumes without losing or repeating a finished run.

import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { differences, MANIFEST_FORMAT, type SweepManifest } from '../sweep/manifest.js';
import { journalLine, parseJournal } from '../sweep/journal.js';
import { summaryMarkdown } from '../sweep/markdown.js';
import type { SweepPlan } from '../sweep/design.js';
import type { SweepRow } from '../sweep/row.js';
import { sensitivity, summarizePoints } from '../sweep/summary.js';
import { runsCsv, summaryCsv } from '../sweep/tables.js';
import { Outputs, writeFileAtomic } from './write.js';

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
  if (manifest?.format !== MANIFEST_FORMAT) throw new UsageError(`${path}: not an evacsim sweep manifest (format ${JSON.stringify(manifest?.format)})`);
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
 * rows when resuming. Refuses a folder holding a sweep unless `resume`, and a
 * different sweep always.
 */
export function openSweepFolder(dir: string, manifest: SweepManifest, plan: SweepPlan, resume: boolean): SweepRow[] {
  const existing = readManifest(dir);
  removeStaleFiles(dir);
  if (existing === null) {
    if (existsSync(join(dir, JOURNAL))) throw new UsageError(`${dir} has ${JOURNAL} but no ${MANIFEST}; choose another --out`);
    writeFileAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return [];
  }
  if (!resume) throw new UsageError(`${dir} already holds a sweep; pass --resume to continue it, or choose another --out`);
  const different = differences(existing, manifest, true);
  if (different.length > 0) {
    throw new UsageError(`${dir} holds a different sweep (${different.join('; ')}); resume it with the same scenario and options, or choose another --out`);
  }
  return readJournal(dir, plan, true);
}

/** Temporary files of atomic writes cut short by a kill. */
function removeStaleFiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (/^\.(runs|summary|sweep)\..*\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
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

/** Writes runs.csv, summary.csv and summary.md from `rows`, all three together, atomically. */
export function writeReports(dir: string, name: string, plan: SweepPlan, rows: readonly SweepRow[]): void {
  const outputs = new Outputs();
  stageReports(outputs, dir, name, plan, rows);
  outputs.commit();
}

/** Stages runs.csv, summary.csv and summary.md of `rows` in `outputs`. */
export function stageReports(outputs: Outputs, dir: string, name: string, plan: SweepPlan, rows: readonly SweepRow[]): void {
  const points = summarizePoints(plan, rows);
  outputs.add(join(dir, 'runs.csv'), runsCsv(plan, rows));
  outputs.add(join(dir, 'summary.csv'), summaryCsv(plan, points));
  outputs.add(join(dir, 'summary.md'), summaryMarkdown(name, plan, points, sensitivity(plan, rows), rows.length));
}

/** Stages the journal of `rows`, in run order, in `outputs`: a kill leaves the old journal or the new one. */
export function stageJournal(outputs: Outputs, dir: string, rows: readonly SweepRow[]): void {
  outputs.add(join(dir, JOURNAL), [...rows].sort((a, b) => a.run - b.run).map(journalLine).join(''));
}

/** Stages `manifest` for `dir` in `outputs` (for merged folders). */
export function stageManifest(outputs: Outputs, dir: string, manifest: SweepManifest): void {
  outputs.add(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}
