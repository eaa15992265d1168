// The browser code bundled at build time (scripts/bundle-browser.mjs writes
// dist/browser/NAME.js): read once from the package, for the report to inline
// and the explorer to serve. Node only; the pages themselves never import it.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export type BrowserBundle = 'report' | 'explorer';

const cache = new Map<BrowserBundle, string>();

/** The bundled script `name`; throws, saying to run `npm run build`, when it was never built. */
export function browserScript(name: BrowserBundle): string {
  const known = cache.get(name);
  if (known !== undefined) return known;
  const file = join(packageRoot(), 'dist', 'browser', `${name}.js`);
  if (!existsSync(file)) throw new Error(`the browser script ${file} is missing; run \`npm run build\``);
  const script = readFileSync(file, 'utf8');
  cache.set(name, script);
  return script;
}
