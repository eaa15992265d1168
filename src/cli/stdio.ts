// The process's own standard streams as the command line's Io. A failed write to
// stdout never ends in a stack trace: a reader that went away (EPIPE, as with
// `| head`) ends the process quietly, any other failure (ENOSPC on a full disk)
// prints one line and exits 2. A failed write to stderr is ignored: the exit code
// still tells what happened.
import type { Io } from './command.js';
import { reason } from './file-errors.js';

/** What to do when stdout fails with `error`: the exit code, and the line to print (none for a closed pipe). */
export function stdoutFailure(error: NodeJS.ErrnoException): { code: number; message: string | null } {
  if (error.code === 'EPIPE') return { code: 0, message: null };
  return { code: 2, message: `evacsim: cannot write to standard output: ${reason(error)}\n` };
}

/** Io over process.stdout and process.stderr, with stdout failures handled as stdoutFailure says. */
export function processIo(): Io {
  // Nowhere left to say anything: the command ends with its own exit code (not Node's 1).
  process.stderr.on('error', () => {});
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    const { code, message } = stdoutFailure(error);
    if (message !== null) process.stderr.write(message);
    process.exit(code);
  });
  return {
    out: (text) => {
      try {
        process.stdout.write(text);
      } catch (error) {
        process.stdout.emit('error', error);
      }
    },
    err: (text) => process.stderr.write(text),
  };
}
