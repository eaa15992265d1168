// Messages between the explorer page and its worker: the page sends a raw
// scenario with a run number, and the worker answers with the outcome (and how
// long each step took) or the problems that kept it from running; or the page
// asks for the last run as an HTML report (with the report's script, which the
// page fetched), and gets it.

import type { Outcome } from './evaluate.js';

export type WorkerRequest =
  | { kind: 'run'; id: number; raw: unknown }
  | { kind: 'report'; id: number; script: string };

export type RunRequest = Extract<WorkerRequest, { kind: 'run' }>;

/** Milliseconds each step of a run took in the worker. */
export interface WorkerTiming {
  parse: number;
  simulate: number;
  summary: number;
  /** The page's data: series, map, tables. */
  outcome: number;
}

export type WorkerReply =
  /**
   * The outcome as it is, cloned by the browser: in Chromium's worker that costs about half of
   * writing and reading it as JSON (measured, BENCHMARKS.md). The map's series over time, most of
   * its numbers, are views into two typed-array buffers, which are transferred (transfer.ts).
   */
  | { kind: 'run'; id: number; outcome: Outcome; timing: WorkerTiming }
  | { kind: 'run'; id: number; problems: string[] }
  /** The report of the last run; empty when it failed. */
  | { kind: 'report'; id: number; html: string };
