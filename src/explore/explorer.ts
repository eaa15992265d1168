// The explorer's files for one scenario: the page, its stylesheet, the scripts
// bundled at build time (the page, its worker, and the report's script for
// "save as report"), and the raw scenario, ready to serve.

import { browserScript } from '../html/browser-script.js';
import { explorerPage } from './page.js';
import type { Routes } from './server.js';
import { EXPLORER_CSS } from './style.js';

/** The routes of the explorer for the raw scenario `raw` called `name`. */
export function explorerRoutes(raw: unknown, name: string): Routes {
  const js = 'text/javascript; charset=utf-8';
  return new Map([
    ['/', { type: 'text/html; charset=utf-8', body: explorerPage(name) }],
    ['/style.css', { type: 'text/css; charset=utf-8', body: EXPLORER_CSS }],
    ['/app.js', { type: js, body: browserScript('explorer') }],
    ['/worker.js', { type: js, body: browserScript('explorer-worker') }],
    ['/report.js', { type: js, body: browserScript('report') }],
    ['/scenario.json', { type: 'application/json; charset=utf-8', body: JSON.stringify(raw) }],
  ]);
}
