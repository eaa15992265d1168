// Why a file could not be read or written, and what a path is when it is not what was
// asked for, in the words of the command line's messages.
import type { Stats } from 'node:fs';

/** What a file that is not the regular file (or folder) asked for is, in words. */
export function kindOf(stats: Stats, file = 'a special file'): string {
  if (stats.isFile()) return file;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/** Why a file operation failed, in words (the error's own message for causes not listed). */
export function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOSPC') return 'no space left on the device';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (e.code === 'EISDIR') return 'it is a folder, not a file';
  if (e.code === 'ENOENT') return 'no such file or folder';
  if (e.code === 'EROFS') return 'the file system is read-only';
  return e.message ?? String(error);
}
