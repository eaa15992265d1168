// Output files are written atomically and all together: each to a temporary
// file beside its target (an unpredictable name, created exclusively so a planted
// file or link is never followed), flushed, then renamed over the target once
// every output of the command is written. A target that exists and is not a
// regular file (device, FIFO, socket, folder) is refused; a symbolic link as the
// target is replaced by the new file, and what it pointed to is left untouched.
import { randomBytes } from 'node:crypto';
import {
  accessSync, closeSync, constants, fsyncSync, lstatSync, openSync, renameSync, rmdirSync, rmSync, statSync, writeSync, type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';
import { inputAt, inputNamed } from '../scenario/files-read.js';
import { folderProblem, makeFolders } from './folders.js';
import { kindOf, reason } from './file-errors.js';

interface Staged {
  target: string;
  tmp: string;
}

/**
 * The outputs of one command: `add` stages each file, `commit` renames them all
 * into place. Any failure before the commit removes every staged file and
 * leaves the targets as they were.
 */
export class Outputs {
  private readonly staged: Staged[] = [];
  /** Folders created for the outputs, removed again (when empty) if the outputs are discarded. */
  private readonly created: string[] = [];

  /** Writes `text` to a temporary file beside `path`; throws UsageError (after discarding everything staged) when that fails. */
  add(path: string, text: string | Uint8Array): void {
    let tmp: string | null = null;
    try {
      refuseSpecial(path);
      refuseInput(path);
      let first: string | undefined;
      try {
        first = makeFolders(dirname(path));
      } catch (error) {
        const problem = folderProblem(dirname(path), error);
        throw new UsageError(`cannot write ${path}: ${problem.startsWith('it ') ? `${dirname(path)} ${problem.slice(3)}` : problem}`);
      }
      if (first !== undefined) this.created.push(...foldersBetween(first, dirname(path)));
      tmp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
      writeExclusive(tmp, text);
      this.staged.push({ target: path, tmp });
    } catch (error) {
      if (tmp !== null) removeQuietly(tmp);
      this.discard();
      throw error instanceof UsageError ? error : new UsageError(`cannot write ${path}: ${reason(error)}`);
    }
  }

  /** Renames every staged file over its target. */
  commit(): void {
    const pending = [...this.staged];
    this.staged.length = 0;
    this.created.length = 0;
    for (let i = 0; i < pending.length; i++) {
      const { target, tmp } = pending[i];
      try {
        refuseSpecial(target);
        renameSync(tmp, target);
      } catch (error) {
        for (const rest of pending.slice(i)) removeQuietly(rest.tmp);
        throw error instanceof UsageError ? error : new UsageError(`cannot write ${target}: ${reason(error)}`);
      }
    }
  }

  /**
   * Runs `stage` (which adds the outputs, making each text as it goes) and commits what
   * it staged; when `stage` throws, what it staged before is discarded, so an error in
   * making the third file leaves no temporary files of the first two behind.
   */
  stageAll(stage: () => void): void {
    try {
      stage();
    } catch (error) {
      this.discard();
      throw error;
    }
    this.commit();
  }

  /** Removes every staged file; the targets stay as they were. */
  discard(): void {
    for (const { tmp } of this.staged) removeQuietly(tmp);
    this.staged.length = 0;
    for (const folder of this.created.reverse()) removeEmptyFolder(folder);
    this.created.length = 0;
  }
}

/**
 * Refuses, before any work is done (UsageError): targets that are special files
 * or folders, one of the command's inputs (call it once the inputs are read), a
 * target named twice, and a target whose folder cannot be created or written.
 */
export function checkTargets(paths: readonly string[]): void {
  const seen = new Set<string>();
  for (const path of paths) {
    refuseSpecial(path);
    refuseInput(path);
    if (seen.has(resolve(path))) throw new UsageError(`cannot write ${path}: another output of this command goes there; name another file`);
    seen.add(resolve(path));
    refuseUnwritableFolder(path);
  }
}

/** Writes `text` to `path` atomically, creating its folder (see Outputs for what is refused). */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const outputs = new Outputs();
  outputs.add(path, text);
  outputs.commit();
}

/** Throws UsageError when `path` exists and is neither a regular file nor a symbolic link. */
function refuseSpecial(path: string): void {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return; // absent (or its folder is): created on write, or the write reports why not
  }
  if (stats.isFile() || stats.isSymbolicLink()) return;
  throw new UsageError(`cannot write ${path}: it is ${kindOf(stats)}, not a regular file; name a file to create or replace`);
}

/**
 * Refuses to replace a file this command reads. A link to one is replaced, the file
 * left alone, unless the link is the very path an input was named by.
 */
function refuseInput(path: string): void {
  let link: boolean;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    return;
  }
  const input = link ? inputNamed(path) : inputAt(path);
  if (input !== null) throw new UsageError(`cannot write ${path}: it is ${input === path ? 'the' : `${input}, an`} input of this command; name another file`);
}

/** Throws UsageError when the folder of `path`, or the nearest folder above it that exists, is not a folder or cannot be written. */
function refuseUnwritableFolder(path: string): void {
  for (let folder = dirname(resolve(path)); ; folder = dirname(folder)) {
    let stats: Stats;
    try {
      stats = statSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // not there (created on write) or below a file: the folder above tells
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(folder) !== folder) continue;
      throw new UsageError(`cannot write ${path}: ${reason(error)}`);
    }
    if (!stats.isDirectory()) throw new UsageError(`cannot write ${path}: ${folder} is ${stats.isFile() ? 'a file' : kindOf(stats)}, not a folder; name a folder`);
    try {
      accessSync(folder, constants.W_OK);
    } catch (error) {
      throw new UsageError(`cannot write ${path}: ${reason(error)}`);
    }
    return;
  }
}


/** Creates `path` (failing if anything exists there, a link included), writes `text` and flushes it to disk. */
function writeExclusive(path: string, text: string | Uint8Array): void {
  const fd = openSync(path, 'wx');
  try {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}


/** `first` (a folder mkdir created) and each folder below it down to `last`, outermost first. */
function foldersBetween(first: string, last: string): string[] {
  const chain: string[] = [];
  for (let at = resolve(last); at.length >= resolve(first).length; at = dirname(at)) {
    chain.unshift(at);
    if (at === dirname(at)) break;
  }
  return chain;
}

/** Removes the folder at `path` when it is empty; leaves it (and says nothing) otherwise. */
export function removeEmptyFolder(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // not empty (something else was put there) or already gone: leave it
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
