// CPU time of one thread, read from Linux's /proc (schedstat: nanoseconds on a
// CPU), so a benchmark on a shared machine can say how much work a step was,
// apart from how long it waited for a core. Null where /proc does not say.
import { readFileSync } from 'node:fs';

/** Milliseconds the thread whose schedstat file is `path` has run, or null when it cannot be read. */
export function threadCpuMs(path: string | null): number | null {
  if (path === null) return null;
  try {
    return Number(readFileSync(path, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** The schedstat file of the main thread of process `pid`. */
export function mainThreadOf(pid: number): string {
  return `/proc/${pid}/task/${pid}/schedstat`;
}

/** The schedstat file of this process's main thread. */
export function ownMainThread(): string {
  return mainThreadOf(process.pid);
}
