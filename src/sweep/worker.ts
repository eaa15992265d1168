// A sweep worker thread: receives run indices, answers with their rows. It
// rebuilds the plan from the design and points it is given, so only indices
// and rows cross the thread boundary afterwards.

import { parentPort, workerData } from 'node:worker_threads';
import { planWithPoints } from './design.js';
import { compileMetrics } from './metrics.js';
import type { WorkerData, WorkerReply } from './pool.js';
import { runOne, type PointCache } from './row.js';

const { raw, design, points } = workerData as WorkerData;
const plan = planWithPoints(design, points);
const metrics = compileMetrics(design.metrics);
const cache: { last: PointCache | null } = { last: null };
const port = parentPort as NonNullable<typeof parentPort>;

// For the crash-recovery tests only: the thread dies abruptly on this run.
const crashOn = Number(process.env.EVACSIM_TEST_WORKER_CRASH_RUN ?? -1);

port.on('message', (run: number) => {
  if (run === crashOn) process.exit(3);
  let reply: WorkerReply;
  try {
    reply = { row: runOne(raw, plan, metrics, run, cache) };
  } catch (error) {
    reply = { run, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
