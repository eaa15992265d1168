// An unknown command, or a command without the words it needs, is named with
// what evacsim takes instead of yargs' own words ("Unknown argument: vaildate",
// "Not enough non-option arguments: got 0, need at least 1").
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const COMMANDS = 'run, validate, schema, network, ete, sweep, merge, calibrate, generate, import, export, explore';
const usage = (line: string) => ({ code: 2, out: '', err: `evacsim: ${line}\n(see evacsim --help)\n` });

describe('command words', () => {
  it('an unknown command names the commands, and the one meant when it is a slip', async () => {
    expect(await cli('frobnicate')).toEqual(usage(`unknown command "frobnicate"; the commands are ${COMMANDS}`));
    expect(await cli('vaildate', 'x.json')).toEqual(usage(`unknown command "vaildate" (did you mean "validate"?); the commands are ${COMMANDS}`));
  });

  it.each([
    [['validate'], 'validate needs <scenario> (evacsim validate <scenario>)'],
    [['import', 'osm'], 'import needs <file> (evacsim import <source> <file>)'],
    [['export', 'geojson'], 'export needs <scenario> (evacsim export <format> <scenario>)'],
    [['generate'], 'generate needs <kind> (evacsim generate <kind>)'],
  ])('%j names the words it still needs', async (argv, line) => {
    expect(await cli(...argv)).toEqual(usage(line));
  });
});
