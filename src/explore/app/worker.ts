// The explorer's worker: runs each what-if scenario off the page's thread, so
// sliders stay smooth while the simulation works.

import { ScenarioError } from '../../errors.js';
import { evaluate } from '../evaluate.js';
import type { RunReply, RunRequest } from '../protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<RunRequest>) => void) | null;
  postMessage(reply: RunReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, raw } = event.data;
  try {
    scope.postMessage({ id, outcome: evaluate(raw) });
  } catch (error) {
    scope.postMessage({ id, problems: problemsOf(error) });
  }
};

function problemsOf(error: unknown): string[] {
  if (error instanceof ScenarioError) return error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return [error instanceof Error ? error.message : String(error)];
}
