// Runs of a sweep spread over worker threads, or run in the calling thread.
// Each worker takes the next run as soon as it is free; rows are handed on as
// they come, in completion order. The worker script is the compiled
// `worker.js` beside this file, or under dist/ when this file runs from source.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SimulationError } from '../errors.js';
import type { ResolvedDesign, SweepPlan } from './design.js';
import { compileMetrics } from './metrics.js';
import type { Value } from './values.js';
import { runOne, type PointCache, type SweepRow } from './row.js';

export interface WorkerData {
  raw: unknown;
  design: ResolvedDesign;
  points: Value[][];
}

export type WorkerReply = { row: SweepRow } | { run: number; error: string };

/** A run that threw, or whose worker thread died under it. */
export interface RunFailure {
  run: number;
  error: string;
}

/**
 * Runs `runs` of `plan` on the scenario file value `raw` over `workers`
 * threads (0: in this thread, yielding to the event loop between runs), calling
 * `onRow` with each row and `onFailure` with each run that failed. A run that
 * throws, or whose thread crashes, is reported and the sweep goes on (a crashed
 * thread is replaced).
 */
export async function runPool(
  raw: unknown,
  plan: SweepPlan,
  runs: readonly number[],
  workers: number,
  onRow: (row: SweepRow) => void,
  onFailure: (failure: RunFailure) => void,
): Promise<void> {
  if (runs.length === 0) return;
  if (workers === 0) return runHere(raw, plan, runs, onRow, onFailure);
  const url = workerUrl();
  const data: WorkerData = { raw, design: plan.design, points: plan.points };
  const threads = new Set<Worker>();
  let next = 0;
  let finished = 0;
  // Set once the caller's onRow or onFailure threw: the threads are then stopped, and
  // the runs they held were not failures of theirs, so they are not reported as such.
  let aborted = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const abort = (error: unknown) => {
        aborted = true;
        reject(error);
      };
      const done = () => {
        if (++finished === runs.length) resolve();
      };
      const start = () => {
        if (next >= runs.length) return;
        const thread = new Worker(url, { workerData: data, execArgv: [] });
        threads.add(thread);
        let current = -1;
        const feed = () => {
          current = next < runs.length ? runs[next++] : -1;
          if (current >= 0) thread.postMessage(current);
        };
        thread.on('message', (reply: WorkerReply) => {
          if (aborted) return;
          try {
            if ('error' in reply) onFailure({ run: reply.run, error: reply.error });
            else onRow(reply.row);
          } catch (error) {
            abort(error);
            return;
          }
          current = -1;
          done();
          feed();
        });
        let lost = '';
        thread.on('error', (error) => (lost = `${error.name}: ${error.message}`));
        thread.on('exit', (code) => {
          threads.delete(thread);
          if (current < 0 || aborted) return;
          const run = current;
          current = -1;
          try {
            onFailure({ run, error: `the worker thread running it stopped (${lost || `exit code ${code}`})` });
          } catch (error) {
            abort(error);
            return;
          }
          done();
          start();
        });
        feed();
      };
      for (let i = 0; i < Math.min(workers, runs.length); i++) start();
    });
  } finally {
    await Promise.all([...threads].map((t) => t.terminate()));
  }
}

async function runHere(
  raw: unknown,
  plan: SweepPlan,
  runs: readonly number[],
  onRow: (row: SweepRow) => void,
  onFailure: (failure: RunFailure) => void,
): Promise<void> {
  const metrics = compileMetrics(plan.design.metrics);
  const cache: { last: PointCache | null } = { last: null };
  for (const run of runs) {
    let row: SweepRow;
    try {
      row = runOne(raw, plan, metrics, run, cache);
    } catch (error) {
      onFailure({ run, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
      cache.last = null;
      continue;
    }
    onRow(row);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The compiled worker script. */
function workerUrl(): URL {
  for (const candidate of ['./worker.js', '../../dist/src/sweep/worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new SimulationError('the sweep worker script is missing: build evacsim first (npm run build)');
}
