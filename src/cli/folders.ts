// Folders for a command's outputs: made one level at a time, and when one cannot be
// made, the reason in words: a file where a folder is needed, a symbolic link to
// nothing, no permission. (Node's recursive mkdir never returns where the kernel
// answers "no such file" for a folder that exists, as under /proc/self.)
import { existsSync, lstatSync, mkdirSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './usage-error.js';
import { kindOf, reason } from './file-errors.js';

/**
 * Throws UsageError naming `option` when `dir` cannot become a folder: it, or a folder
 * above it, is a file or a symbolic link to nothing. Creates nothing, so a command can
 * say so before the checks of its files and before any folder is made.
 */
export function checkFolder(dir: string, option: string): void {
  const problem = folderProblem(dir, Object.assign(new Error(''), { code: 'ENOTDIR' }));
  if (problem !== reason({ code: 'ENOTDIR' })) throw new UsageError(`${option} ${dir}: ${problem}`);
}

/**
 * Creates the folder `dir` (and the folders above it) unless it exists; throws
 * UsageError naming `option` and the cause when it cannot: a file where a folder
 * is needed, a symbolic link to nothing, no permission.
 */
export function makeFolder(dir: string, option: string): void {
  try {
    makeFolders(dir);
  } catch (error) {
    throw new UsageError(`${option} ${dir}: ${folderProblem(dir, error)}`);
  }
}

/** Why `dir` could not be made: the first part of its path that is a file or a dangling link, or the error's cause. */
export function folderProblem(dir: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'ENOENT') {
    for (const part of pathParts(dir)) {
      let stats: Stats;
      try {
        stats = lstatSync(part);
      } catch {
        break; // not there: the parts below do not exist either
      }
      if (stats.isSymbolicLink()) {
        let target: Stats | null = null;
        try {
          target = statSync(part);
        } catch {
          // a link to nothing (or to a link to nothing)
        }
        if (target === null) return `${part === dir ? 'it' : part} is a symbolic link to ${readlinkSync(part)}, which does not exist; name a folder`;
        if (!target.isDirectory()) return `${part === dir ? 'it' : part} is a link to ${kindOf(target, 'a file')}, not a folder; name a folder`;
      } else if (!stats.isDirectory()) {
        return `${part === dir ? 'it' : part} is ${kindOf(stats, 'a file')}, not a folder; name a folder`;
      }
    }
  }
  return reason(error);
}

/** `dir` and the folders above it as written, outermost first (`a/b/c`: `a`, `a/b`, `a/b/c`). */
function pathParts(dir: string): string[] {
  const parts: string[] = [];
  for (let at = dir; at !== dirname(at) && at !== '.'; at = dirname(at)) parts.unshift(at);
  return parts;
}

/**
 * Creates folder `dir` and the missing ones above it, one level at a time; returns the
 * first one created, or undefined when `dir` existed. (Node's recursive mkdir never
 * returns where the kernel answers "no such file" for a folder that exists, as under
 * /proc/self: it creates the parent, is told it exists, and tries again.)
 */
export function makeFolders(dir: string): string | undefined {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at); at = dirname(at)) {
    missing.push(at);
    if (dirname(at) === at) break;
  }
  // A file where the folder should be: mkdir itself says so (EEXIST), as the recursive one would.
  if (missing.length === 0 && !statSync(dir).isDirectory()) mkdirSync(dir);
  for (let i = missing.length - 1; i >= 0; i--) mkdirSync(missing[i]);
  return missing.at(-1);
}
