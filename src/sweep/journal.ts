// runs.jsonl, the journal of a sweep: one run per line, appended as runs finish.
// Reading it back checks each line against the plan, so a journal from another
// sweep, or a damaged line, is never mixed into the results.

import { InputError } from '../errors.js';
import { runRef, type SweepPlan } from './design.js';
import type { SweepRow } from './row.js';

/** The journal line of `row`: JSON and a newline, written in one piece. */
export function journalLine(row: SweepRow): string {
  return `${JSON.stringify(row)}\n`;
}

/**
 * The rows of the complete lines of `text` (a torn last line must be cut off
 * before), first occurrence of each run kept. Throws InputError naming `file`
 * and the line when a line is not a run of `plan`.
 */
export function parseJournal(text: string, plan: SweepPlan, file: string): SweepRow[] {
  const rows = new Map<number, SweepRow>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let row: SweepRow;
    try {
      row = JSON.parse(line) as SweepRow;
    } catch {
      throw new InputError(`${file}:${i + 1}: not a JSON line; remove the line to go on`);
    }
    const why = mismatch(row, plan);
    if (why !== null) throw new InputError(`${file}:${i + 1}: ${why}; this journal is not of this sweep`);
    const damage = damaged(row, plan);
    if (damage !== null) throw new InputError(`${file}:${i + 1}: ${damage}; the line was changed after the run wrote it: remove it, and --resume runs that run again`);
    if (!rows.has(row.run)) rows.set(row.run, row);
  });
  return [...rows.values()];
}

/**
 * What is wrong with the values of `row`, a run of `plan`, or null: every metric of the
 * design a number or empty (null), and the run's end and wall time numbers. Read as
 * they were, a metric "4800" added up as text (a mean of 24002400) and "abc" ended a
 * merge in an internal error, leaving its temporary files behind.
 */
function damaged(row: SweepRow, plan: SweepPlan): string | null {
  for (const name of plan.design.metrics) {
    if (!Object.hasOwn(row.metrics, name)) return `metric ${JSON.stringify(name)} is missing`;
  }
  for (const [name, value] of Object.entries(row.metrics)) {
    if (value !== null && !(typeof value === 'number' && Number.isFinite(value))) return `metric ${JSON.stringify(name)} is ${shown(value)}, not a number or null`;
  }
  for (const key of ['endTime', 'wallSeconds'] as const) {
    const value = row[key];
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) return `${key} is ${shown(value)}, not a number of seconds`;
  }
  return null;
}

/** A value as the line had it: JSON, but Infinity (read from 1e999) as Infinity, not null. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function mismatch(row: SweepRow, plan: SweepPlan): string | null {
  if (typeof row !== 'object' || row === null || typeof row.metrics !== 'object' || typeof row.parameters !== 'object') return 'not a run record';
  if (!Number.isSafeInteger(row.run) || row.run < 0 || row.run >= plan.runs) return `run ${JSON.stringify(row.run)} is not one of the ${plan.runs} runs`;
  const ref = runRef(plan, row.run);
  if (row.point !== ref.point || row.replication !== ref.replication || row.seed !== ref.seed) return `run ${row.run} has another point, replication or seed`;
  return null;
}
