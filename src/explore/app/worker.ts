// The explorer's worker: runs each what-if scenario off the page's thread, so
// sliders stay smooth while the simulation works, and writes the last run as a
// report when asked.

import { ScenarioError } from '../../errors.js';
import { reportPage } from '../../html/report.js';
import { type Run, type RunStep, outcomeOf, runRaw } from '../evaluate.js';
import type { WorkerReply, WorkerRequest, WorkerTiming } from '../protocol.js';
import { outcomeBuffers, ownTraffic } from '../transfer.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let last: Run | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'report') {
    const html = last === null ? '' : reportPage(last.result, last.summary, last.scenario, request.script, { traffic: last.traffic });
    scope.postMessage({ kind: 'report', id: request.id, html });
    return;
  }
  try {
    const timing: WorkerTiming = { parse: 0, simulate: 0, summary: 0, outcome: 0 };
    let since = performance.now();
    const lap = (step: keyof WorkerTiming) => {
      const now = performance.now();
      timing[step] = now - since;
      since = now;
      // The new scenario is valid: the last run's data may go before this one's is made.
      if (step === 'parse') last = null;
    };
    const run = runRaw(request.raw, lap satisfies (step: RunStep) => void);
    const outcome = outcomeOf(run);
    // The map's series go to the page without a copy; the run kept for the report keeps a copy of its traffic.
    last = { ...run, traffic: ownTraffic(run.traffic) };
    lap('outcome');
    scope.postMessage({ kind: 'run', id: request.id, outcome, timing }, outcomeBuffers(outcome));
  } catch (error) {
    scope.postMessage({ kind: 'run', id: request.id, problems: problemsOf(error) });
  }
};

function problemsOf(error: unknown): string[] {
  if (error instanceof ScenarioError) return error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return [error instanceof Error ? error.message : String(error)];
}
