// The explorer in the browser: loads the scenario the server offers, builds the
// controls, and re-runs the simulation in a worker after each change. One run
// at a time; a change made during a run waits, and only the latest is run.

import { parseScenario } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/types.js';
import type { Outcome } from '../evaluate.js';
import { type Parameters, applyParameters, readParameters } from '../parameters.js';
import type { RunReply, RunRequest } from '../protocol.js';
import { buildControls } from './controls.js';
import { showOutcome } from './view.js';

/** Milliseconds a slider must rest before its value is run. */
const SETTLE_MS = 120;

async function start(): Promise<void> {
  const status = document.querySelector('#status') as HTMLElement;
  const response = await fetch('/scenario.json');
  const raw: unknown = await response.json();
  const scenario = parseScenario(raw);
  const worker = new Worker('/worker.js');

  let params = readParameters(scenario);
  let sent = 0;
  let running: { id: number; since: number } | null = null;
  let waiting: RunRequest | null = null;
  let shown: Outcome | null = null;
  let runs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scheduled = false;
  // Tests and scripts wait on this: true while a change has not been shown yet.
  const markBusy = () => {
    document.body.dataset.busy = String(scheduled || running !== null);
  };

  const post = (request: RunRequest) => {
    running = { id: request.id, since: performance.now() };
    markBusy();
    status.textContent = 'Running…';
    worker.postMessage(request);
  };
  const submit = () => {
    scheduled = false;
    const request = { id: ++sent, raw: applyParameters(raw, params) };
    if (running === null) post(request);
    else waiting = request;
  };
  const onChange = (next: Parameters, settled: boolean) => {
    params = next;
    clearTimeout(timer);
    scheduled = true;
    markBusy();
    timer = setTimeout(submit, settled ? 0 : SETTLE_MS);
  };

  worker.onmessage = (event: MessageEvent<RunReply>) => {
    const reply = event.data;
    const took = running === null ? 0 : performance.now() - running.since;
    running = null;
    if (waiting !== null) {
      // A newer change is waiting: run it and skip this stale answer.
      const next = waiting;
      waiting = null;
      post(next);
      return;
    }
    if ('problems' in reply) {
      status.textContent = `This scenario cannot run: ${reply.problems.join('; ')}`;
      status.classList.add('problem');
    } else {
      status.classList.remove('problem');
      showOutcome(reply.outcome, shown);
      shown = reply.outcome;
      runs++;
      status.textContent = `Run ${runs} took ${(took / 1000).toFixed(2)} s.`;
    }
    document.body.dataset.runs = String(runs);
    markBusy();
  };

  const knobs = document.querySelector('#knobs') as HTMLElement;
  const reset = () => {
    params = readParameters(scenario);
    buildControls(knobs, scenario, params, onChange);
    submit();
  };
  buildControls(knobs, scenario, params, onChange);
  (document.querySelector('#reset') as HTMLElement).addEventListener('click', reset);
  (document.querySelector('#download') as HTMLElement).addEventListener('click', () => download(scenario, applyParameters(raw, params)));
  submit();
}

/** Offers the scenario file with the current parameters as a download. */
function download(scenario: Scenario, file: unknown): void {
  const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${scenario.name.replace(/[^\w.-]+/g, '-')}-what-if.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

start().catch((error: unknown) => {
  const status = document.querySelector('#status') as HTMLElement;
  status.textContent = `The explorer could not start: ${error instanceof Error ? error.message : String(error)}`;
  status.classList.add('problem');
});
