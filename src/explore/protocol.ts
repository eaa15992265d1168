// Messages between the explorer page and its worker: the page sends a raw
// scenario with a run number, and the worker answers with the outcome or the
// problems that kept it from running (the outcome is an Outcome as JSON, with how long each step took); or the page asks for the last run as an
// HTML report (with the report's script, which the page fetched), and gets it.

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
  /** The outcome written as JSON. */
  encode: number;
}

export type WorkerReply =
  /**
   * The outcome as JSON text: writing, cloning and reading one string costs less than cloning
   * thousands of small arrays, or copying them into one transferred typed array (measured).
   */
  | { kind: 'run'; id: number; outcome: string; timing: WorkerTiming }
  | { kind: 'run'; id: number; problems: string[] }
  | { kind: 'report'; id: number; html: string };
