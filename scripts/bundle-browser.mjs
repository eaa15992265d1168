// Bundles the code that runs in the browser, at build time: the report's page
// script and the explorer's page, each one self-contained file in
// dist/browser/. `npm run build` runs it after tsc; the tests run it first too
// (tests/global-setup.ts), so no test reads a stale bundle.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Entry point (TypeScript source) of each bundle, by the bundle's name. */
export const ENTRIES = {
  report: 'src/html/browser/report-page.ts',
  explorer: 'src/explore/app/main.ts',
};

/** Writes dist/browser/NAME.js for every entry; resolves to the folder. */
export async function bundleBrowser() {
  const out = join(root, 'dist', 'browser');
  mkdirSync(out, { recursive: true });
  await Promise.all(Object.entries(ENTRIES).map(async ([name, entry]) => {
    const result = await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'silent',
    });
    // The report inlines its script: no "</script" may end the element early.
    writeFileSync(join(out, `${name}.js`), result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1'));
  }));
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  bundleBrowser().catch((error) => {
    process.stderr.write(`bundle-browser: ${error.message}\n`);
    process.exit(1);
  });
}
