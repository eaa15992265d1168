// The explorer in the browser: loads the scenario the server offers, builds the
// controls, and asks the server to run the scenario again after each change.
// One run at a time; a change made during a run waits, and only the latest is
// run. A run can be pinned as the baseline; until then each run is compared
// with the last.

import { Unpackr } from 'msgpackr/unpack';
import { parseScenario } from '../../scenario/parse.js';
import type { Scenario } from '../../scenario/types.js';
import { onWidthChange } from '../../html/browser/charts-view.js';
import { offer } from '../../html/browser/download.js';
import { installTooltips } from '../../html/browser/tooltip.js';
import type { Outcome } from '../evaluate.js';
import { type Parameters, applyParameters, readParameters } from '../parameters.js';
import type { Problems, RunReply } from '../protocol.js';
import { PACK_OPTIONS } from '../pack-options.js';
import { whyLine } from '../why.js';
import { buildControls } from './controls.js';
import { type Shown, drawOutcomeCharts, showOutcome } from './view.js';

/** Milliseconds a slider must rest before its value is run. */
const SETTLE_MS = 120;

interface Ran {
  outcome: Outcome;
  params: Parameters;
  run: number;
}

/** A what-if to run: its number and the scenario file with the parameters applied. */
interface RunRequest {
  id: number;
  raw: unknown;
}

const unpackr = new Unpackr(PACK_OPTIONS);

/** POSTs `body` as JSON to the server's action at `path`. */
function ask(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** The problems in a refusal: a JSON list from the explorer's actions, else the server's plain text. */
function refusal(response: Response, answer: ArrayBuffer): Problems {
  const text = new TextDecoder().decode(answer);
  if ((response.headers.get('Content-Type') ?? '').startsWith('application/json')) return JSON.parse(text) as Problems;
  return { problems: [`the server answered ${response.status}: ${text.trim()}`] };
}

/**
 * Asks the server to run the scenario file `raw`: its reply unpacked, or the problems that kept it
 * from answering, and when the answer arrived (before unpacking).
 */
async function askToRun(raw: unknown): Promise<{ reply: RunReply | Problems; arrived: number }> {
  try {
    const response = await ask('/run', raw);
    const answer = await response.arrayBuffer();
    const arrived = performance.now();
    return { reply: response.ok ? (unpackr.unpack(new Uint8Array(answer)) as RunReply) : refusal(response, answer), arrived };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { reply: { problems: [`the explorer's server did not answer (${why}); is \`evacsim explore\` still running?`] }, arrived: performance.now() };
  }
}

async function start(): Promise<void> {
  const status = document.querySelector('#status') as HTMLElement;
  const response = await fetch('/scenario.json');
  const raw: unknown = await response.json();
  const scenario = parseScenario(raw);
  installTooltips(document);

  const initial = readParameters(scenario);
  let params = initial;
  let sent = 0;
  let running: { request: RunRequest; since: number } | null = null;
  let waiting: RunRequest | null = null;
  let shown: Ran | null = null;
  let previous: Ran | null = null;
  let baseline: Ran | null = null;
  let runs = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scheduled = false;
  const pending = new Map<number, Parameters>();
  // Tests and scripts wait on this: true while a change has not been shown yet.
  const markBusy = () => {
    document.body.dataset.busy = String(scheduled || running !== null);
  };
  const comparison = (): Shown | null => {
    const other = baseline ?? previous;
    return other === null ? null : { outcome: other.outcome, label: baseline !== null ? `the baseline (run ${baseline.run})` : 'the previous run' };
  };

  const post = (request: RunRequest) => {
    running = { request, since: performance.now() };
    markBusy();
    status.textContent = 'Running…';
    void askToRun(request.raw).then(({ reply, arrived }) => onReply(request, reply, arrived));
  };
  const submit = () => {
    scheduled = false;
    const request: RunRequest = { id: ++sent, raw: applyParameters(raw, params, initial) };
    pending.set(request.id, params);
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

  const onReply = (request: RunRequest, reply: RunReply | Problems, arrived: number) => {
    const read = performance.now();
    const since = running?.since ?? null;
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
      runs++;
      previous = shown;
      // The run's time: request sent to outcome read, the page's drawing left out.
      const took = since === null ? 0 : read - since;
      shown = { outcome: reply.outcome, params: pending.get(request.id) ?? params, run: runs };
      const other = baseline ?? previous;
      (document.querySelector('#why') as HTMLElement).textContent =
        other === null ? '' : whyLine(other.params, shown.params, other.outcome.facts, shown.outcome.facts);
      showOutcome(shown.outcome, comparison(), baseline !== null);
      status.textContent = `Run ${runs} took ${(took / 1000).toFixed(2)} s.`;
      // Where the time went, for benchmarks: the server's steps, the request and answer, unpacking, drawing.
      const inServer = Object.values(reply.timing).reduce((a, b) => a + b, 0);
      document.body.dataset.timing = JSON.stringify({
        ...reply.timing, messages: since === null ? 0 : arrived - since - inServer, decode: read - arrived, draw: performance.now() - read,
      });
    }
    pending.clear();
    document.body.dataset.runs = String(runs);
    markBusy();
  };

  const pin = document.querySelector('#pin') as HTMLButtonElement;
  pin.addEventListener('click', () => {
    if (shown === null) return;
    baseline = baseline === null ? shown : null;
    pin.setAttribute('aria-pressed', String(baseline !== null));
    pin.textContent = baseline === null ? 'Pin this run as the baseline' : `Unpin the baseline (run ${baseline.run})`;
    document.body.dataset.baseline = baseline === null ? '' : String(baseline.run);
    showOutcome(shown.outcome, comparison(), baseline !== null);
  });
  onWidthChange(document.querySelector('#results') as HTMLElement, () => {
    if (shown !== null) drawOutcomeCharts(shown.outcome, comparison());
  });

  const knobs = document.querySelector('#knobs') as HTMLElement;
  const reset = () => {
    params = initial;
    buildControls(knobs, scenario, params, onChange);
    submit();
  };
  buildControls(knobs, scenario, params, onChange);
  (document.querySelector('#reset') as HTMLElement).addEventListener('click', reset);
  (document.querySelector('#download') as HTMLElement).addEventListener('click', () => download(scenario, applyParameters(raw, params, initial)));
  (document.querySelector('#save-report') as HTMLElement).addEventListener('click', async () => {
    const response = await ask('/report', {});
    // No report when the last run failed: its data is gone, and the page shows why.
    if (!response.ok) status.textContent = refusal(response, await response.arrayBuffer()).problems.join('; ');
    else offer(await response.blob(), `${scenario.name.replace(/[^\w.-]+/g, '-')}-report.html`);
  });
  submit();
}

/** Offers the scenario file with the current parameters as a download. */
function download(scenario: Scenario, file: unknown): void {
  offer(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), `${scenario.name.replace(/[^\w.-]+/g, '-')}-what-if.json`);
}

start().catch((error: unknown) => {
  const status = document.querySelector('#status') as HTMLElement;
  status.textContent = `The explorer could not start: ${error instanceof Error ? error.message : String(error)}`;
  status.classList.add('problem');
});
