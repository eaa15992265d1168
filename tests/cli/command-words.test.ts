// An unknown command or option, or a command with fewer or more words than it
// takes, is named with what evacsim takes instead of yargs' own words ("Unknown
// argument: vaildate", "Not enough non-option arguments: got 0, need at least 1",
// "Missing required argument: out").
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
    [['merge', 'shard0', 'shard1'], 'merge needs --out (evacsim merge <dirs..>)'],
  ])('%j names the words it still needs', async (argv, line) => {
    expect(await cli(...argv)).toEqual(usage(line));
  });

  it.each([
    [['run', 'scenarios/bottleneck.json', '--reprot', 'r.html'], 'unknown option --reprot (did you mean --report?)'],
    [['run', '--allow-larg'], 'unknown option --allow-larg (did you mean --allow-large?)'],
    [['sweep', 'x.json', '--sett=a=1', '--colour'], 'unknown options --sett (did you mean --set?), --colour'],
    [['run', 'a.json', 'b', 'c'], '"b", "c": more words than evacsim run [scenario] takes'],
    // yargs' own words were "Unknown argument: x"
    [['run', 'a.json', '-x'], 'unknown option -x'],
    [['run', 'a.json', '-xy'], 'unknown options -x, -y'],
    // read with dots as an object: "--seed must be …, got [object Object]", and a
    // TypeError out of yargs (exit 1, a stack trace) for --constructor.prototype.x
    [['run', 'a.json', '--seed.x', '1'], 'unknown option --seed.x (did you mean --seed?)'],
    [['run', 'a.json', '--constructor.prototype.x', '1'], 'unknown option --constructor.prototype.x'],
    [['validate', 'a.json', '--__proto__.polluted', '1'], 'unknown option --__proto__.polluted'],
  ])('%j names the option or word it does not take, and the option meant when it is a slip', async (argv, line) => {
    expect(await cli(...argv)).toEqual(usage(line));
  });

  it.each([
    [['run', 'a.json', '--json=maybe'], '--json is a switch and takes no value (or =true, =false), got "maybe"'],
    [['validate', 'a.json', '--quiet=2'], '--quiet is a switch and takes no value (or =true, =false), got "2"'],
    [['sweep', 'a.json', '--common-seeds=yes'], '--common-seeds is a switch and takes no value (or =true, =false), got "yes"'],
  ])('%j: a switch given a value other than true or false is a usage error (it read as false)', async (argv, line) => {
    expect(await cli(...argv)).toEqual({ code: 2, out: '', err: `evacsim: ${line}\n` });
  });

  it.each([
    // Each read as the option set to false, which a command then used as a path or text: exit 70.
    ['run', 'scenarios/bottleneck.json', '--no-out'],
    ['run', 'scenarios/bottleneck.json', '--no-report'],
    ['ete', 'scenarios/bottleneck.json', '--no-zones'],
    ['ete', 'scenarios/bottleneck.json', '--no-variants'],
    ['sweep', 'scenarios/bottleneck.json', '--dry-run', '--no-metric'],
    ['export', 'geojson', 'scenarios/bottleneck.json', '--no-origin'],
    ['import', 'osm', 'town.osm', '--no-bbox'],
    ['merge', 'a', 'b', '--no-out'],
  ])('%j: --no- on an option that takes a value is a usage error', async (...argv) => {
    const name = (argv.find((a) => a.startsWith('--no-')) as string).slice(5);
    expect(await cli(...argv)).toEqual({ code: 2, out: '', err: `evacsim: --no-${name}: --${name} takes a value and cannot be turned off; leave it out\n` });
  });

  it('--no- still turns a switch off', async () => {
    const r = await cli('run', 'scenarios/bottleneck.json', '--no-json', '--no-quiet');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('bottleneck');
  });
});
