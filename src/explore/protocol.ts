// What the explorer page and its server say to each other. The page posts a
// raw scenario (JSON) to /run; the server answers 200 with the outcome and how
// long each step took (MessagePack, runs.ts), or 422 with the problems that kept
// it from running (JSON). The page posts {} to /report and gets the last run as
// an HTML report, or 409 when there is none.

import type { Outcome } from './evaluate.js';

/** Milliseconds each step of a run took in the server. */
export interface RunTiming {
  parse: number;
  simulate: number;
  summary: number;
  /** The page's data: series, map, tables. */
  outcome: number;
}

export interface RunReply {
  outcome: Outcome;
  timing: RunTiming;
}

/** The body of a refusal (status 409 or 422). */
export interface Problems {
  problems: string[];
}
