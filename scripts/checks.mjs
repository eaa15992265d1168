// The static checks `npm test` runs before vitest: the linter, the type-check of
// src/, benchmarks/ and tests/ (tsconfig.check.json, which includes what
// tsconfig.json compiles), and the layer rules. They are independent, so they
// run at the same time (at load 5.5-6, 5-6 s instead of 8-9); each one's output
// is printed whole once it ends, in this order. Exits 1 when any fails.
// dist/ is not compiled here: tests/global-setup.ts compiles it when any source
// is newer, and `npm ci` has built it.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Name and shell command of each check; lint and layers as `npm run lint` and `npm run deps` run them. */
const CHECKS = [
  ['lint', scripts.lint],
  ['types', 'tsc -p tsconfig.check.json'],
  ['layers', scripts.deps],
];
const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH}` };

/** Runs one check; resolves to its name, exit code and everything it printed. */
function run([name, command]) {
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: root, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ name, code: 1, text: `${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? 1, signal, text: Buffer.concat(output).toString() }));
  });
}

let failed = false;
for (const result of await Promise.all(CHECKS.map(run))) {
  process.stdout.write(result.text);
  if (result.code !== 0) {
    failed = true;
    process.stderr.write(`${result.name} failed (${result.signal ?? `exit ${result.code}`})\n`);
  }
}
process.exitCode = failed ? 1 : 0;
