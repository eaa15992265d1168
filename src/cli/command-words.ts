// yargs' own words for a command or positional that is wrong or missing
// ("Unknown argument: vaildate", "Not enough non-option arguments: got 0, need at
// least 1") name neither what was expected nor what evacsim takes; these do.
import { didYouMean } from '../scenario/suggest.js';
import type { Command } from './command.js';

/**
 * The message for an unknown command or a missing positional, given yargs'
 * `message`, the command line and the commands (`names`, those loaded in
 * `commands`); null when the message is about something else.
 */
export function commandWordsMessage(message: string, argv: readonly string[], names: readonly string[], commands: readonly Command[]): string | null {
  const first = argv.find((a) => !a.startsWith('-'));
  if (first === undefined) return null;
  if (!names.includes(first)) {
    if (!/^Unknown arguments?: /.test(message)) return null;
    return `unknown command ${JSON.stringify(first)}${didYouMean(first, names)}; the commands are ${names.join(', ')}`;
  }
  const short = /^Not enough non-option arguments: got (\d+), need at least \d+$/.exec(message);
  const command = commands.find((c) => c.command.split(' ')[0] === first);
  if (short === null || command === undefined) return null;
  const missing = command.command.split(' ').filter((word) => word.startsWith('<')).slice(Number(short[1]));
  return `${first} needs ${missing.join(' ')} (evacsim ${command.command})`;
}
