// The shape of one evacsim command: its yargs usage, options and handler. Each
// command lives in its own file under commands/ and is listed in commands/index.ts.
// defineCommand ties the handler's argument type to the options the builder
// declares, so no command casts its parsed arguments.
import yargs, { type ArgumentsCamelCase, type Argv } from 'yargs';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Called by a command's yargs handler with the parsed arguments and the run still to do. */
export type Choose = (args: object, run: (io: Io) => number | Promise<number>) => void;

export interface Command {
  /** yargs command string, e.g. `run [scenario]`. */
  command: string;
  describe: string;
  /** Options and positionals that may be given more than once (all others are refused when repeated). */
  repeatable?: readonly string[];
  /** Adds the command to `parser`; when yargs picks it, `choose` receives its arguments and its run. */
  register: (parser: Argv, choose: Choose) => Argv;
  /** The names of its options (`report`, `allow-large`), positionals left out: for "did you mean". */
  optionNames: () => string[];
  /** The names of its switches (boolean options, `json`, `allow-large`): the only options `--no-NAME` may turn off. */
  switchNames: () => string[];
}

export interface CommandSpec<T> {
  command: string;
  describe: string;
  repeatable?: readonly string[];
  /** Declares positionals and options; their types are the handler's argument type. */
  options: (yargs: Argv) => Argv<T>;
  /** Runs the command with the parsed arguments; resolves to the exit code. */
  handle: (args: ArgumentsCamelCase<T>, io: Io) => number | Promise<number>;
}

/** A command whose handler receives the arguments its `options` declare, typed. */
export function defineCommand<T>(spec: CommandSpec<T>): Command {
  return {
    command: spec.command,
    describe: spec.describe,
    repeatable: spec.repeatable,
    register: (parser, choose) =>
      parser.command(spec.command, spec.describe, spec.options, (args) => choose(args, (io) => spec.handle(args, io))),
    optionNames: () => {
      // Positionals are among the options yargs keeps.
      const positionals: string[] = spec.command.match(/[\w-]+(?=(?:\.\.)?[>\]])/g) ?? [];
      return Object.keys(declaredOptions(spec).key).filter((name) => !positionals.includes(name) && name !== 'version');
    },
    switchNames: () => declaredOptions(spec).boolean,
  };
}

/** The options a command's builder declares, as yargs keeps them (untyped). */
function declaredOptions<T>(spec: CommandSpec<T>): { key: Record<string, unknown>; boolean: string[] } {
  const declared = spec.options(yargs([])) as unknown as { getOptions(): { key: Record<string, unknown>; boolean: string[] } };
  return declared.getOptions();
}
