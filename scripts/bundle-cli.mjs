// Bundles the command line for bin/evacsim.js, at build time: Node loads a few
// large files much faster than the hundreds of small modules tsc emits (about
// 0.3 s less start-up). Code splitting keeps each command's modules in its own
// chunk, loaded only when that command runs. The output sits in dist/cli/, two
// folders deep like src/sweep/, so paths taken from import.meta.url (the sweep
// worker, package.json) resolve the same. `npm run build` runs it after tsc;
// the tests run it first too (tests/global-setup.ts), so no test runs a stale CLI.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundle's entry: what bin/evacsim.js did with the compiled modules. */
const ENTRY = `
import { main } from './src/cli/main.ts';
import { processIo } from './src/cli/stdio.ts';
process.exitCode = await main(process.argv.slice(2), processIo());
`;

/** Writes dist/cli/evacsim.mjs and its chunks; resolves to the entry file. */
export async function bundleCli() {
  const out = join(root, 'dist', 'cli');
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'evacsim.ts', loader: 'ts' },
    bundle: true,
    splitting: true,
    outdir: out,
    write: false,
    entryNames: 'evacsim',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow.
    mainFields: ['module', 'main'],
    // Bundled CommonJS packages call require(); ES modules have none of their own.
    banner: { js: "import { createRequire as __evacsimRequire } from 'node:module'; const require = __evacsimRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  // Files are replaced one by one, never the folder at once, so an evacsim
  // running meanwhile (another test run) still finds its entry.
  mkdirSync(out, { recursive: true });
  const fresh = new Set();
  for (const file of result.outputFiles) {
    fresh.add(file.path);
    if (!existsSync(file.path) || readFileSync(file.path, 'utf8') !== file.text) writeFileSync(file.path, file.text);
  }
  for (const name of readdirSync(out)) if (!fresh.has(join(out, name))) rmSync(join(out, name), { force: true });
  return join(out, 'evacsim.mjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  bundleCli().catch((error) => {
    process.stderr.write(`bundle-cli: ${error.message}\n`);
    process.exit(1);
  });
}
