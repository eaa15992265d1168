// The evacsim command line (yargs). The only layer that reads argv, files and
// the clock, and prints. Bad input and usage errors become one `path: message`
// line per problem on stderr and exit code 2, never a stack trace.
import yargs, { type Argv } from 'yargs';
import { InputError, ScenarioError, issueLine } from '../errors.js';
import { UsageError } from './usage-error.js';
import type { Io } from './command.js';
import { COMMANDS, commandsFor } from './commands/index.js';
import { minusValueMessage } from './minus-value.js';
import { seedProblem } from './seed.js';
import { commandWordsMessage } from './command-words.js';
import { sanitizeTerminal } from './sanitize.js';
import { forgetInputs } from '../scenario/files-read.js';
import { evacsimVersion } from '../sweep/version.js';

export type { Io } from './command.js';

/** Runs the command line `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], rawIo: Io): Promise<number> {
  forgetInputs();
  const io: Io = { out: (text) => rawIo.out(sanitizeTerminal(text)), err: (text) => rawIo.err(sanitizeTerminal(text)) };
  let chosen: (() => number | Promise<number>) | null = null;
  let parser: Argv = yargs(argv)
    .scriptName('evacsim')
    .usage('$0 <command> [options]\n\nEvacuation logistics simulator: a discrete-event traffic model (kinematic-wave links, capacity-proportional merges, queue-aware routing) of people and vehicles leaving settlements over a road network.');
  const commands = await commandsFor(argv);
  for (const c of commands) {
    parser = c.register(parser, (args, run) => {
      const twice = givenTwice(args, c.repeatable ?? []) ?? typedTwice(argv, c.repeatable ?? []);
      const unreadable = notANumber(args, argv);
      const empty = emptyValue(args, argv);
      const switchText = switchValue(args, argv);
      const badSeed = seedProblem((args as { seed?: unknown }).seed, textGiven(argv, '--seed'));
      const negated = negatedValue(argv, c.switchNames());
      chosen = () => {
        if (twice !== null) throw new UsageError(`--${twice} is given more than once; give it once`);
        if (empty !== null) throw new UsageError(empty);
        if (switchText !== null) throw new UsageError(switchText);
        if (unreadable !== null) throw new UsageError(unreadable);
        if (badSeed !== null) throw new UsageError(badSeed);
        if (negated !== null) throw new UsageError(negated);
        return run(io);
      };
    });
  }
  parser = parser
    // `--seed.x 1` would read as an object seed ("got [object Object]") and
    // `--constructor.prototype.x 1` crashed yargs' own checks: an option name is one word.
    .parserConfiguration({ 'dot-notation': false })
    .demandCommand(1, `name a command: ${Object.keys(COMMANDS).join(', ')}`)
    .strict()
    .help()
    // The package's version, as a sweep folder records it: what a study names to be reproduced.
    .version('version', 'Show the version of evacsim', evacsimVersion())
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false);

  let usageError: string | null = null;
  let output = '';
  await parser.parseAsync(argv, {}, (error, _args, text) => {
    if (error) usageError = error.message;
    output = text;
  });
  if (usageError !== null) {
    const words = commandWordsMessage(usageError, argv, Object.keys(COMMANDS), commands);
    io.err(`evacsim: ${minusValueMessage(argv) ?? words ?? usageError}\n(see evacsim --help)\n`);
    return 2;
  }
  if (chosen === null) {
    if (output) io.out(`${output}\n`);
    return 0;
  }
  try {
    return await (chosen as () => number | Promise<number>)();
  } catch (error) {
    return report(error, io);
  }
}

/** The first option of `args` given more than once that is not `repeatable`, or null. */
function givenTwice(args: object, repeatable: readonly string[]): string | null {
  for (const [key, value] of Object.entries(args)) {
    if (key === '_' || key === '$0' || /[A-Z]/.test(key) || repeatable.includes(key)) continue;
    if (Array.isArray(value)) return key;
  }
  return null;
}

/** The first option typed twice that is not `repeatable` (a switch twice, `--json --json`, reads as once), or null. */
function typedTwice(argv: readonly string[], repeatable: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const token of argv) {
    if (token === '--') break;
    const flag = /^--(?:no-)?([^=]+)/.exec(token);
    if (flag === null) continue;
    const name = flag[1].replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (repeatable.some((r) => r === flag[1] || r === name)) continue;
    if (seen.has(name)) return flag[1];
    seen.add(name);
  }
  return null;
}

/**
 * The message for the first numeric option yargs could not read (it gives NaN,
 * and the checks after would only say "got NaN"), quoting what was typed; or null.
 */
function notANumber(args: object, argv: readonly string[]): string | null {
  for (const [key, value] of Object.entries(args)) {
    if (key === '_' || key === '$0' || /[A-Z]/.test(key) || typeof value !== 'number' || !Number.isNaN(value)) continue;
    const flag = key.length === 1 ? `-${key}` : `--${key}`;
    const typed = textGiven(argv, flag);
    return `${flag} must be a number${typed === null ? '' : `, got ${JSON.stringify(typed)}`}`;
  }
  return null;
}

/**
 * The message for the first option other than a switch typed with no value or an empty
 * one (`--out ''` would write into the current folder, `--seed ''` read as 0), or null.
 */
function emptyValue(given: object, argv: readonly string[]): string | null {
  const args = given as Record<string, unknown>;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const flag = /^--([^=]+)(=(.*))?$/.exec(argv[i]);
    if (flag === null || flag[1] === 'help') continue;
    // A switch, also negated (`--no-common-seeds`), takes no value.
    const name = flag[1].startsWith('no-') && typeof args[flag[1]] !== 'boolean' ? flag[1].slice(3) : flag[1];
    if (typeof args[name] === 'boolean') continue;
    const next = argv[i + 1];
    const given = flag[2] !== undefined ? flag[3] : next === undefined || (next.startsWith('--') && next.length > 2) ? null : next;
    if (given === null || given.trim() === '') return `--${flag[1]} needs a value`;
  }
  return null;
}

/**
 * The message for the first switch typed with a value other than true or false
 * (`--json=maybe`, `--quiet=2`: yargs read them as false and went on), or null.
 */
function switchValue(given: object, argv: readonly string[]): string | null {
  const args = given as Record<string, unknown>;
  for (const token of argv) {
    if (token === '--') break;
    const flag = /^--([^=]+)=(.*)$/s.exec(token);
    if (flag === null) continue;
    const name = flag[1].startsWith('no-') && typeof args[flag[1]] !== 'boolean' ? flag[1].slice(3) : flag[1];
    if (typeof args[name] !== 'boolean' || flag[2] === 'true' || flag[2] === 'false') continue;
    return `--${flag[1]} is a switch and takes no value (or =true, =false), got ${JSON.stringify(flag[2])}`;
  }
  return null;
}

/**
 * The message for the first `--no-NAME` typed for an option that takes a value (`--no-out`:
 * yargs read it as out = false, which no command can use), or null. `switches`: the
 * command's boolean options, which `--no-` turns off.
 */
function negatedValue(argv: readonly string[], switches: readonly string[]): string | null {
  const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const known = new Set([...switches, 'help', 'version'].map(camel));
  for (const token of argv) {
    if (token === '--') break;
    const flag = /^--no-([^=]+)/.exec(token);
    if (flag === null || known.has(camel(flag[1])) || known.has(camel(`no-${flag[1]}`))) continue;
    return `--no-${flag[1]}: --${flag[1]} takes a value and cannot be turned off; leave it out`;
  }
  return null;
}

/** The text given for `flag` (`--flag text` or `--flag=text`), or null when not found as typed. */
function textGiven(argv: readonly string[], flag: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
    if (argv[i] === flag) return i + 1 < argv.length ? argv[i + 1] : null;
  }
  return null;
}

/** Problems printed in full; the rest are counted, so a broken generated file does not flood the terminal. */
const MAX_SHOWN_ISSUES = 100;

/**
 * Whether `error` is the engine refusing memory: a failed allocation, or a typed array
 * longer than it allows (a negative or fractional length would be a bug, and is not this).
 */
export function outOfMemory(error: unknown): boolean {
  if (!(error instanceof RangeError)) return false;
  if (error.message === 'Array buffer allocation failed') return true;
  const length = /^Invalid typed array length: (\d+)$/.exec(error.message);
  return length !== null && Number(length[1]) > 2 ** 31;
}

/** Turns an error into messages and an exit code: 2 for the user's input, 70 for our own bugs. */
function report(error: unknown, io: Io): number {
  if (error instanceof ScenarioError) {
    const shown = error.issues.slice(0, MAX_SHOWN_ISSUES);
    for (const issue of shown) io.err(`${issueLine(issue)}\n`);
    const more = error.issues.length - shown.length;
    if (more > 0) io.err(`… and ${more} more problems\n`);
    return 2;
  }
  if (error instanceof InputError) {
    io.err(`evacsim: ${error.message}\n`);
    return 2;
  }
  if (outOfMemory(error)) {
    io.err(`evacsim: not enough memory for this run (${(error as Error).message}); without --allow-large its size is checked before anything is allocated\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`evacsim: internal error: ${message}\n`);
  if (process.env.EVACSIM_DEBUG && error instanceof Error) io.err(`${error.stack}\n`);
  return 70;
}
