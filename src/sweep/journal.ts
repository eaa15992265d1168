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
    if (!rows.has(row.run)) rows.set(row.run, row);
  });
  return [...rows.values()];
}

function mismatch(row: SweepRow, plan: SweepPlan): string | null {
  if (typeof row !== 'object' || row === null || typeof row.metrics !== 'object' || typeof row.parameters !== 'object') return 'not a run record';
  if (!Number.isSafeInteger(row.run) || row.run < 0 || row.run >= plan.runs) return `run ${JSON.stringify(row.run)} is not one of the ${plan.runs} runs`;
  const ref = runRef(plan, row.run);
  if (row.point !== ref.point || row.replication !== ref.replication || row.seed !== ref.seed) return `run ${row.run} has another point, replication or seed`;
  return null;
}
