// The shape of one evacsim command: its yargs usage, options and handler. Each
// command lives in its own file under commands/ and is listed in commands/index.ts.
import type { Argv } from 'yargs';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
  /** yargs command string, e.g. `run [scenario]`. */
  command: string;
  describe: string;
  /** Declares positionals and options. */
  options: (yargs: Argv) => Argv;
  /** Options and positionals that may be given more than once (all others are refused when repeated). */
  repeatable?: readonly string[];
  /** Runs the command with the parsed arguments; resolves to the exit code. */
  handle: (args: Record<string, unknown>, io: Io) => number | Promise<number>;
}
