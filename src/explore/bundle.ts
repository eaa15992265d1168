// Bundles the explorer's browser code with esbuild when the server starts: the
// page script and the worker, from this folder's app/ (TypeScript sources under
// the tests, compiled JavaScript when installed), into two self-contained files.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface Bundles {
  app: string;
  worker: string;
}

/** The page script and the worker script, each one file with everything it imports. */
export async function bundleExplorer(): Promise<Bundles> {
  const [app, worker] = await Promise.all([bundle('main'), bundle('worker')]);
  return { app, worker };
}

async function bundle(name: string): Promise<string> {
  const folder = join(dirname(fileURLToPath(import.meta.url)), 'app');
  const source = [`${name}.ts`, `${name}.js`].map((file) => join(folder, file)).find((path) => existsSync(path));
  if (source === undefined) throw new Error(`the explorer's ${name} script is missing from ${folder}`);
  const out = await build({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}
