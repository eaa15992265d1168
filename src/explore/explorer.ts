// The explorer for one scenario: the files to serve (the page, its stylesheet,
// its script bundled at build time, and the raw scenario) and the actions that
// run what-ifs of it and save the last run as a report.

import { browserScript } from '../html/browser-script.js';
import { explorerPage } from './page.js';
import { runActions } from './runs.js';
import type { Actions, Routes } from './server.js';
import { EXPLORER_CSS } from './style.js';

export interface Explorer {
  routes: Routes;
  actions: Actions;
}

/** The explorer of the raw scenario `raw` called `name`. */
export function explorer(raw: unknown, name: string): Explorer {
  const scenario = JSON.stringify(raw);
  return {
    routes: new Map([
      ['/', { type: 'text/html; charset=utf-8', body: explorerPage(name) }],
      ['/style.css', { type: 'text/css; charset=utf-8', body: EXPLORER_CSS }],
      ['/app.js', { type: 'text/javascript; charset=utf-8', body: browserScript('explorer') }],
      ['/scenario.json', { type: 'application/json; charset=utf-8', body: scenario }],
    ]),
    actions: runActions(Buffer.byteLength(scenario), browserScript('report')),
  };
}
