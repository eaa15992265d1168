// The explorer's runs, made by its server: the page posts a what-if scenario,
// the server simulates it here in Node and answers with the outcome packed as
// MessagePack (the map's typed series travel as typed arrays, not as text).
// Node runs the simulation about 1.7 times as fast as a browser's worker
// (BENCHMARKS.md), and the page's thread stays free to draw.

import { Packr } from 'msgpackr/pack';
import { ScenarioError, issueLine } from '../errors.js';
import { totalmem } from 'node:os';
import { sizeProblems } from '../check/limits.js';
import { reportPage } from '../html/report.js';
import { simulateWithTraffic } from '../html/traffic.js';
import { reportAnalysis } from '../analysis/analyze.js';
import { compileScenario } from '../network/compile.js';
import { LinkRecorder } from '../report/link-congestion.js';
import { summarize } from '../report/summary.js';
import { type Run, type RunStep, outcomeOf, runRaw } from './evaluate.js';
import { PACK_OPTIONS } from './pack-options.js';
import type { RunReply, RunTiming } from './protocol.js';
import type { Scenario } from '../scenario/types.js';
import type { Action, Reply } from './server.js';

/** The content type of a run's answer. */
const PACKED = 'application/msgpack';

/** How the explorer's limits are lifted, said after each limit a run exceeds. */
const LIFT = 'start evacsim explore with --allow-large to lift it';

/** What the server does for the page: its actions, and a run made before the page asks. */
export interface Runner {
  /** POST /run and POST /report. */
  actions: Map<string, Action>;
  /**
   * Runs `body` (what the page will send first) now and keeps the answer, so the page's first run
   * is answered at once.
   */
  warmUp: (body: string) => Reply;
  /**
   * Runs `body` once more and forgets it: the simulation's code is compiled over its first few
   * runs (a cold Kursk run takes several times as long as a warm one), better before a person
   * waits on it than after.
   */
  practise: (body: string) => void;
}

export interface RunnerOptions {
  /** Lift the size and memory limits, as `evacsim explore --allow-large` does. */
  allowLarge?: boolean;
  /** The machine's memory: a run estimated to need more is refused even with `allowLarge` (default: all of it, `os.totalmem()`). */
  machineBytes?: number;
}

/**
 * The runner of what-ifs of a scenario whose file is `scenarioBytes` long, which writes the last
 * run as a report with the report's `script`. The same body gives the same bytes (runs are
 * deterministic), so the last answer is kept and given again for the same body. Every run is
 * held to the limits `evacsim run` applies (unless `allowLarge`), checked before anything large
 * is allocated: a body over them is answered 422 at once, and the server goes on serving.
 */
export function runner(scenarioBytes: number, script: string, options: RunnerOptions = {}): Runner {
  const check = (scenario: Scenario) => {
    const issues = sizeProblems(scenario, options.allowLarge === true, LIFT, options.machineBytes ?? totalmem());
    if (issues.length > 0) throw new ScenarioError(issues);
  };
  const packr = new Packr(PACK_OPTIONS);
  let last: Run | null = null;
  let kept: { body: string; reply: Reply; run: Run } | null = null;
  // The page sends the served scenario with other parameters: about as long as the file.
  const maxBytes = 2 * scenarioBytes + 65_536;
  const answer = (text: string): Reply => {
    if (kept !== null && kept.body === text) {
      last = kept.run;
      return kept.reply;
    }
    last = null;
    const made = compute(text);
    if (!('run' in made)) return made;
    last = made.run;
    kept = { body: text, reply: made.reply, run: made.run };
    return made.reply;
  };
  const compute = (text: string): Reply | { reply: Reply; run: Run } => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return problems(422, [`the scenario is not JSON: ${error instanceof Error ? error.message : String(error)}`]);
    }
    try {
      const timing: RunTiming = { parse: 0, simulate: 0, summary: 0, outcome: 0 };
      let since = performance.now();
      const lap = (step: keyof RunTiming) => {
        const now = performance.now();
        timing[step] = now - since;
        since = now;
      };
      const ran = runRaw(raw, lap satisfies (step: RunStep) => void, check);
      const outcome = outcomeOf(ran);
      lap('outcome');
      return { reply: { status: 200, type: PACKED, body: packr.pack({ outcome, timing } satisfies RunReply) }, run: ran };
    } catch (error) {
      return problems(422, problemsOf(error));
    }
  };
  const report = (): Reply => (last === null
    ? problems(409, ['the last run failed: there is no run to save as a report'])
    : { status: 200, type: 'text/html; charset=utf-8', body: fullReport(last, script) });
  return {
    actions: new Map<string, Action>([
      ['/run', { maxBytes, run: (body: Buffer) => answer(body.toString('utf8')) }],
      ['/report', { maxBytes: 1024, run: report }],
    ]),
    warmUp: answer,
    practise: (body) => {
      compute(body);
    },
  };
}

/**
 * The report of `run` as `evacsim run --report` writes it. The run is made again with each
 * link's entries and exits recorded, for the bottleneck table's queue times (runs are
 * deterministic: the same run), and the road network's analysis is added. Only a saved
 * report pays for them, not every what-if.
 */
function fullReport({ scenario }: Run, script: string): string {
  const net = compileScenario(scenario);
  const recorder = new LinkRecorder();
  const { result, traffic } = simulateWithTraffic(scenario, undefined, recorder.trace, net);
  const congestion = recorder.congestion(result, net, scenario.reportBinSeconds);
  return reportPage(result, summarize(result, scenario), scenario, script, { traffic, congestion, network: reportAnalysis(scenario) });
}

function problems(status: number, list: string[]): Reply {
  return { status, type: 'application/json; charset=utf-8', body: JSON.stringify({ problems: list }) };
}

function problemsOf(error: unknown): string[] {
  if (error instanceof ScenarioError) return error.issues.map(issueLine);
  return [error instanceof Error ? error.message : String(error)];
}
