// Messages between the explorer page and its worker: the page sends a raw
// scenario with a run number; the worker answers with the outcome or the
// problems that kept the scenario from running.

import type { Outcome } from './evaluate.js';

export interface RunRequest {
  id: number;
  raw: unknown;
}

export type RunReply = { id: number; outcome: Outcome } | { id: number; problems: string[] };
