// CPU time of one thread, read from Linux's /proc (schedstat: nanoseconds on a
// CPU), so a benchmark on a shared machine can say how much work a step was,
// apart from how long it waited for a core. Null where /proc does not say.
import { readFileSync, readdirSync } from 'node:fs';

/** Milliseconds the thread whose schedstat file is `path` has run, or null when it cannot be read. */
export function threadCpuMs(path: string | null): number | null {
  if (path === null) return null;
  try {
    return Number(readFileSync(path, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** The schedstat file of this process's main thread. */
export function ownMainThread(): string {
  return `/proc/self/task/${process.pid}/schedstat`;
}

/** The schedstat file of the first thread named `name…` in a process descended from `ancestor`, or null. */
export function descendantThread(ancestor: number, name: string): string | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  for (const pid of pids) {
    if (!descendsFrom(Number(pid), ancestor)) continue;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const comm = read(`/proc/${pid}/task/${tid}/comm`);
      if (comm?.startsWith(name)) return `/proc/${pid}/task/${tid}/schedstat`;
    }
  }
  return null;
}

function descendsFrom(pid: number, ancestor: number): boolean {
  for (let p = pid, depth = 0; p > 1 && depth < 8; depth++) {
    if (p === ancestor) return true;
    // The parent is the fourth field, after the name in parentheses (which may hold spaces).
    const stat = read(`/proc/${p}/stat`);
    if (stat === null) return false;
    p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  return false;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
