// The lock of a sweep folder: while a sweep, calibration or merge writes a
// folder, no other can. The lock is a directory made atomically inside the
// folder (proper-lockfile), refreshed while held and stale after 10 s without
// refresh; beside it the owner's host and process id, so a lock left by a
// killed process on this host is taken over at once.

import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.js';

export const LOCK = '.sweep.lock';
const OWNER = '.sweep.lock.owner';

/** Locks `dir` (created if missing) for writing; resolves to the function that releases it. Throws InputError when another live process holds it. */
export async function lockSweepFolder(dir: string, warn: (text: string) => void = () => undefined): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  const options = {
    lockfilePath: join(dir, LOCK),
    realpath: false,
    stale: 10_000,
    onCompromised: (error: Error) => warn(`evacsim: the lock of ${dir} was lost (${error.message}); another process may be writing it\n`),
  };
  // Loaded only now: proper-lockfile installs signal-exit's SIGINT and SIGTERM handlers
  // when it is loaded, and a handler runs only between tasks, so a sweep loaded with the
  // command could not be stopped while it checked its points (minutes for a large design).
  const { default: lockfile } = await import('proper-lockfile');
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new InputError(`cannot write ${dir}: ${code === 'EROFS' ? 'the file system is read-only' : 'permission denied'}`);
    if (code !== 'ELOCKED') throw new InputError(`cannot lock ${dir}: ${(error as Error).message}`);
    const owner = readOwner(dir);
    if (owner === null || owner.host !== hostname() || alive(owner.pid)) {
      const who = owner === null ? 'another process' : `process ${owner.pid} on ${owner.host}`;
      throw new InputError(`${dir} is being written by ${who}; wait for it to finish (if it is gone, remove ${join(dir, LOCK)})`);
    }
    rmSync(join(dir, LOCK), { recursive: true, force: true });
    release = await lockfile.lock(dir, options);
  }
  writeFileSync(join(dir, OWNER), `${JSON.stringify({ host: hostname(), pid: process.pid })}\n`);
  return async () => {
    rmSync(join(dir, OWNER), { force: true });
    await release();
  };
}

function readOwner(dir: string): { host: string; pid: number } | null {
  try {
    // Opened without blocking: a FIFO put there made readFileSync wait for ever, deaf to signals.
    const fd = openSync(join(dir, OWNER), constants.O_RDONLY | constants.O_NONBLOCK);
    let text: string;
    try {
      if (!fstatSync(fd).isFile()) return null;
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    const owner = JSON.parse(text) as { host: string; pid: number };
    return typeof owner.host === 'string' && Number.isSafeInteger(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
