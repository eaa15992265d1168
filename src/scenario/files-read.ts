// The files a command has read, by device and inode, so that it never writes an
// output over one of its own inputs (`run s.json --report s.json` would replace the
// scenario with its report). Every reader of an input records the file here; the
// writer of outputs (cli/write.ts) asks before it stages a target. The paths the
// inputs were named by are kept too: a symbolic link named as an input is that
// input to its user, though writing there would replace only the link.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

const read = new Map<string, string>();
const named = new Map<string, string>();

const key = (dev: number, ino: number) => `${dev}:${ino}`;

/** Forgets every input: a command starts (main() may run several commands in one process). */
export function forgetInputs(): void {
  read.clear();
  named.clear();
}

/** Records the file of `stats` (of its open handle), read from `path`, as an input of this command. */
export function noteInputStats(stats: { dev: number; ino: number }, path: string): void {
  read.set(key(stats.dev, stats.ino), path);
  named.set(resolve(path), path);
}

/** Records the file at `path` (followed through links) as an input of this command, if it exists. */
export function noteInput(path: string): void {
  try {
    noteInputStats(statSync(path), path);
  } catch {
    // A file that cannot be read is reported by its reader.
  }
}

/** The input path the file at `path` is (the same file, through any link), or null. */
export function inputAt(path: string): string | null {
  try {
    const s = statSync(path);
    return read.get(key(s.dev, s.ino)) ?? null;
  } catch {
    return null;
  }
}

/** The input named by the same path as `path` (a link, not followed), or null. */
export function inputNamed(path: string): string | null {
  return named.get(resolve(path)) ?? null;
}
