// Where the package's own files are: the built-in scenarios live beside the
// package root, found by walking up from this file (it runs from src/ under tests
// and from dist/src/ when installed).
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

export { packageRoot };

/** The built-in scenario run when none is named. */
export function builtInScenario(): string {
  return join(packageRoot(), 'scenarios', 'kursk-2024.json');
}
