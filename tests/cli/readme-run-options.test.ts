// README's table of `run` options against `evacsim run --help`: the same options, each
// with the default the README gives (off: a boolean false by default; —: a value with
// no default; the seed: a number defaulting to the scenario's). --help and --version are every command's.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const table = readme.slice(readme.indexOf('`run` options:'), readme.indexOf('Exit codes: 0 done'));
const documented = new Map(
  [...table.matchAll(/^\| `(--[a-z-]+)[^`]*` \| ([^|]+) \|/gm)].map((m) => [m[1], m[2].trim()] as const),
);

const help = execFileSync(process.execPath, ['bin/evacsim.js', 'run', '--help'], { encoding: 'utf8' });
const options = help.slice(help.indexOf('Options:'));
/** Each option of the help and the bracketed notes that follow it (type and default), up to the next option. */
const listed = new Map(
  [...options.matchAll(/^ {2}(--[a-z-]+)\s([\s\S]*?)(?=^ {2}--|(?![\s\S]))/gm)].map((m) => [m[1], [...m[2].matchAll(/\[([^\]]+)\]/g)].map((n) => n[1])] as const),
);

describe('README run options', () => {
  it('lists every option of run --help and no other', () => {
    expect([...documented.keys()].sort()).toEqual([...listed.keys()].filter((o) => o !== '--help' && o !== '--version').sort());
    expect(documented.size).toBe(11);
  });

  it.each([...documented])('%s has the default the README gives (%s)', (option, given) => {
    const notes = listed.get(option) as string[];
    if (given === 'off') expect(notes).toEqual(['boolean', 'default: false']);
    else if (given === '—') expect(notes).toEqual(['string']);
    else {
      expect(given).toBe("the scenario's `seed`");
      expect(notes).toEqual(['number']);
    }
  });
});
