// yargs' own words for a command, option or positional that is wrong or missing
// ("Unknown argument: vaildate", "Unknown argument: reprot", "Not enough non-option
// arguments: got 0, need at least 1", "Missing required argument: out") name neither
// what was expected nor what evacsim takes; these do.
import { didYouMean } from '../scenario/suggest.js';
import type { Command } from './command.js';

/**
 * The message for an unknown command or option, a missing positional or required
 * option, or words left over, given yargs' `message`, the command line and the commands (`names`, those
 * loaded in `commands`); null when the message is about something else.
 */
export function commandWordsMessage(message: string, argv: readonly string[], names: readonly string[], commands: readonly Command[]): string | null {
  const first = argv.find((a) => !a.startsWith('-'));
  const chosen = commands.find((c) => c.command.split(' ')[0] === first);
  const unknown = unknownOptions(message, argv, chosen === undefined ? ['help', 'version'] : ['help', 'version', ...chosen.optionNames()]);
  if (unknown !== null) return unknown;
  if (first === undefined) return null;
  if (!names.includes(first)) {
    if (!/^Unknown arguments?: /.test(message)) return null;
    return `unknown command ${JSON.stringify(first)}${didYouMean(first, names)}; the commands are ${names.join(', ')}`;
  }
  const extra = /^Unknown arguments?: (.+)$/.exec(message);
  if (extra !== null && chosen !== undefined) {
    const words = extra[1].split(', ');
    if (words.every((word) => argv.includes(word))) return `${words.map((word) => JSON.stringify(word)).join(', ')}: more words than evacsim ${chosen.command} takes`;
  }
  const required = /^Missing required arguments?: (.+)$/.exec(message);
  if (required !== null && chosen !== undefined) {
    // A positional yargs names here is one given as an empty word: it is named as the usage names it.
    const words = chosen.command.split(' ');
    const named = required[1].split(', ').map((name) => words.find((w) => w.replace(/[<>[\].]/g, '') === name) ?? `--${name}`);
    return `${first} needs ${named.join(' and ')} (evacsim ${chosen.command})`;
  }
  const short = /^Not enough non-option arguments: got (\d+), need at least \d+$/.exec(message);
  if (short === null || chosen === undefined) return null;
  const missing = chosen.command.split(' ').filter((word) => word.startsWith('<')).slice(Number(short[1]));
  return `${first} needs ${missing.join(' ')} (evacsim ${chosen.command})`;
}

/**
 * `unknown option --reprot (did you mean --report?)` when every word yargs calls
 * unknown was typed as an option (`--reprot`, `--reprot=x`); `options` are the
 * command's own (kebab-case names). Null otherwise.
 */
function unknownOptions(message: string, argv: readonly string[], options: readonly string[]): string | null {
  const listed = /^Unknown arguments?: (.+)$/.exec(message);
  if (listed === null) return null;
  // A one-letter word may be typed `-x` (yargs reads `-x` as the option x, and `-xy` as x and y).
  const dash = (word: string) => (word.length === 1 && !argv.some((a) => a === `--${word}` || a.startsWith(`--${word}=`)) ? '-' : '--');
  const typed = (word: string) =>
    argv.some((a) => a === `--${word}` || a.startsWith(`--${word}=`) || (word.length === 1 && /^-[^-]/.test(a) && a.slice(1).split('=')[0].includes(word)));
  // yargs lists `--allow-larg` also as allowLarg: one word each
  const words = listed[1].split(', ').filter((word) => !/[A-Z]/.test(word) || !typed(word.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)));
  if (!words.every(typed)) return null;
  const known = options.filter((o) => o.length > 1 && !/[A-Z]/.test(o));
  const hints = words.map((word) => `${dash(word)}${word}${word.length === 1 ? '' : didYouMean(word, known).replace(/"([^"]+)"/, '--$1')}`);
  return `unknown option${hints.length > 1 ? 's' : ''} ${hints.join(', ')}`;
}
