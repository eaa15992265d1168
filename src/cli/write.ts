// Output files are written atomically: to a temporary file beside the target,
// then renamed over it, so an interrupted run never leaves a half-written file.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { UsageError } from '../errors.js';

/** Writes `text` to `path` atomically, creating its folder. */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    removeQuietly(tmp);
    throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** Removes a leftover temporary file; when even that fails, the original error is the one to report. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // the folder may not exist or may be a file: nothing was written there
  }
}
