// The explorer for one scenario: the files to serve (the page, its stylesheet,
// its script bundled at build time, and the raw scenario), the actions that run
// what-ifs of it and save the last run as a report, and the run to make before
// the page asks.

import { browserScript } from '../html/browser-script.js';
import { DEFAULT_LIMITS } from '../check/limits.js';
import { explorerPage } from './page.js';
import { applyParameters, readParameters } from './parameters.js';
import { type RunnerOptions, runner } from './runs.js';
import { parseScenario } from '../scenario/parse.js';
import type { Actions, Reply, Routes } from './server.js';
import { EXPLORER_CSS } from './style.js';

/**
 * Runs made at start beside the page's first: in a fresh process Kursk's runs took 1.2–1.6 s,
 * 0.6–0.8 s, 0.2–0.4 s, and reached 0.15–0.25 s from about the fifth (BENCHMARKS.md).
 */
const PRACTICE_RUNS = 4;

export interface Explorer {
  routes: Routes;
  actions: Actions;
  /** Runs the scenario as the page will first ask for it, and keeps the answer. */
  warmUp: () => Reply;
  /**
   * Once the server listens: warmUp, then `practice` more runs that only compile the simulation's
   * code, one per turn of the event loop, so a request arriving meanwhile is answered between them.
   */
  prepare: (practice?: number) => void;
}

/**
 * The explorer of the raw scenario `raw` called `name`; its runs are held to the limits of
 * `evacsim run` unless `options.allowLarge`.
 */
export function explorer(raw: unknown, name: string, options: RunnerOptions = {}): Explorer {
  const scenario = JSON.stringify(raw);
  const runs = runner(Buffer.byteLength(scenario), browserScript('report'), options);
  // The page's first request: the served scenario with its own parameters (app/main.ts).
  const first = () => {
    const served: unknown = JSON.parse(scenario);
    const initial = readParameters(parseScenario(served));
    return JSON.stringify(applyParameters(served, initial, initial));
  };
  return {
    routes: new Map([
      ['/', { type: 'text/html; charset=utf-8', body: explorerPage(name, options.allowLarge ? null : DEFAULT_LIMITS.fleetVehicles) }],
      ['/style.css', { type: 'text/css; charset=utf-8', body: EXPLORER_CSS }],
      ['/app.js', { type: 'text/javascript; charset=utf-8', body: browserScript('explorer') }],
      ['/scenario.json', { type: 'application/json; charset=utf-8', body: scenario }],
    ]),
    actions: runs.actions,
    warmUp: () => runs.warmUp(first()),
    prepare: (practice = PRACTICE_RUNS) => {
      const body = first();
      const next = (left: number) => {
        if (left > 0) setImmediate(() => {
          runs.practise(body);
          next(left - 1);
        });
      };
      setImmediate(() => {
        runs.warmUp(body);
        next(practice);
      });
    },
  };
}
