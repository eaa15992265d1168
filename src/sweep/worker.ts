// A sweep worker thread: receives run indices, answers with their rows. It
// rebuilds the plan from the design it is given, so only indices and rows
// cross the thread boundary.

import { parentPort, workerData } from 'node:worker_threads';
import { planSweep } from './design.js';
import type { WorkerData, WorkerReply } from './pool.js';
import { runOne, type PointCache } from './row.js';

const { raw, design } = workerData as WorkerData;
const plan = planSweep(design);
const cache: { last: PointCache | null } = { last: null };
const port = parentPort as NonNullable<typeof parentPort>;

// For the crash-recovery tests only: the thread dies abruptly on this run.
const crashOn = Number(process.env.EVACSIM_TEST_WORKER_CRASH_RUN ?? -1);

port.on('message', (run: number) => {
  if (run === crashOn) process.exit(3);
  let reply: WorkerReply;
  try {
    reply = { row: runOne(raw, plan, run, cache) };
  } catch (error) {
    reply = { run, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
