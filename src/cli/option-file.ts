// Files named by an option rather than by the scenario (`sweep --design`,
// `ete --zones`, `run --baseline`): read as a scenario file is, without blocking
// (a FIFO, device, socket or folder is refused at once, not waited on), at most
// the scenario's size limit, a leading byte-order mark dropped.
import { DEFAULT_LIMITS } from '../check/limits.js';
import { FileRefused, readBoundedText, readProblem } from '../scenario/read-file.js';
import { UsageError } from './usage-error.js';

/**
 * The text of the file `path` given to `option` (such as `--design`); `kind` names
 * what it should be (`a CSV file`). Throws UsageError naming the option, the path and the reason.
 */
export function readOptionFile(option: string, path: string, kind: string): string {
  try {
    return readBoundedText(path, kind, DEFAULT_LIMITS.fileBytes);
  } catch (error) {
    const why = error instanceof FileRefused ? error.message : readProblem(error, kind);
    throw new UsageError(`${option} ${path}: ${why}`);
  }
}
