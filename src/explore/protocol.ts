// Messages between the explorer page and its worker: the page sends a raw
// scenario with a run number, and the worker answers with the outcome or the
// problems that kept it from running (the outcome is an Outcome as JSON); or the page asks for the last run as an
// HTML report (with the report's script, which the page fetched), and gets it.

export type WorkerRequest =
  | { kind: 'run'; id: number; raw: unknown }
  | { kind: 'report'; id: number; script: string };

export type RunRequest = Extract<WorkerRequest, { kind: 'run' }>;

export type WorkerReply =
  /** The outcome as JSON text: cloning one string costs a fraction of cloning thousands of small arrays. */
  | { kind: 'run'; id: number; outcome: string }
  | { kind: 'run'; id: number; problems: string[] }
  | { kind: 'report'; id: number; html: string };
