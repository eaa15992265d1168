// One sweep at a time per folder: `sweep.lock`, created exclusively, holds the
// process id of the sweep writing there. A second sweep on the folder is refused
// while that process lives; a lock left by a killed process is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './usage-error.js';

export const LOCK = 'sweep.lock';

/** Locks the sweep folder `dir` (creating it); returns the function that releases the lock. Throws UsageError when another live sweep holds it. */
export function lockSweepFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(`cannot lock ${dir}: ${(error as Error).message}`);
    }
    const holder = Number.parseInt(readQuietly(path), 10);
    if (Number.isSafeInteger(holder) && holder > 0 && alive(holder)) {
      throw new UsageError(`another sweep (process ${holder}) is writing to ${dir}; wait for it to finish, or choose another --out`);
    }
    rmSync(path, { force: true }); // left by a process that no longer runs
  }
  throw new UsageError(`cannot lock ${dir}: another sweep took the lock at the same moment`);
}

function readQuietly(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Whether a process with id `pid` runs (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
