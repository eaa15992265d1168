// Where the package's own files are: the built-in scenarios live beside the
// package root, found by walking up from this file (it runs from src/ under tests
// and from dist/src/ when installed).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding evacsim's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('evacsim: package root not found');
    dir = parent;
  }
  return dir;
}

/** The built-in scenario run when none is named. */
export function builtInScenario(): string {
  return join(packageRoot(), 'scenarios', 'kursk-2024.json');
}
