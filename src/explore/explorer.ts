// The explorer's files for one scenario: the page, its stylesheet, the bundled
// scripts and the raw scenario, ready to serve.

import { bundleExplorer } from './bundle.js';
import { explorerPage } from './page.js';
import type { Routes } from './server.js';
import { EXPLORER_CSS } from './style.js';

/** The routes of the explorer for the raw scenario `raw` called `name`. */
export async function explorerRoutes(raw: unknown, name: string): Promise<Routes> {
  const { app, worker } = await bundleExplorer();
  const js = 'text/javascript; charset=utf-8';
  return new Map([
    ['/', { type: 'text/html; charset=utf-8', body: explorerPage(name) }],
    ['/style.css', { type: 'text/css; charset=utf-8', body: EXPLORER_CSS }],
    ['/app.js', { type: js, body: app }],
    ['/worker.js', { type: js, body: worker }],
    ['/scenario.json', { type: 'application/json; charset=utf-8', body: JSON.stringify(raw) }],
  ]);
}
