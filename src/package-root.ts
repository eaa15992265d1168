// The folder of evacsim's package.json, found by walking up from this file: it
// runs from src/ under the tests and from dist/src/ when installed.
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
