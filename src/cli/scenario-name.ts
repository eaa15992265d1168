// A scenario a command writes (`generate`, `import`) must be one evacsim reads
// back: its reader goes by the extension, so a file named otherwise would not load.
import { extname } from 'node:path';
import { UsageError } from './usage-error.js';

/**
 * Throws UsageError when `out` is given and does not end in an extension scenarios are read
 * from, read as the reader reads it (`extname`: a file named only `.json` has none).
 */
export function refuseUnreadableScenarioName(out: string | undefined): void {
  if (out !== undefined && !/^\.(json|jsonc|yaml|yml)$/i.test(extname(out))) {
    throw new UsageError(`--out ${out}: a scenario file ends in .json (or .jsonc, .yaml, .yml), as evacsim reads it`);
  }
}
