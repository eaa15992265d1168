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
    rmSync(tmp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
