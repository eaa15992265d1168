// `evacsim --version` prints the package's version, the one a sweep folder records
// as its provenance, so a study can name the evacsim it ran on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { evacsimVersion } from '../../src/sweep/version.js';
import { commandsFor } from '../../src/cli/commands/index.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('evacsim --version', () => {
  it('prints the version of package.json and exits 0', async () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await cli('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
    expect(evacsimVersion()).toBe(version);
  });

  it('a slip of it names it', async () => {
    expect(await cli('--verison')).toEqual({ code: 2, out: '', err: 'evacsim: unknown option --verison (did you mean --version?)\n(see evacsim --help)\n' });
    expect((await cli('run', 'x.json', '--versoin')).err).toMatch(/^evacsim: unknown option --versoin \(did you mean --version\?\)/);
  });

  it('alone loads no command (every command for --help)', async () => {
    expect(await commandsFor(['--version'])).toEqual([]);
    expect((await commandsFor(['--help'])).length).toBeGreaterThan(10);
    expect((await commandsFor(['run', '--version'])).map((c) => c.command.split(' ')[0])).toEqual(['run']);
  });

  it('is listed in the help', async () => {
    const help = await cli('--help');
    expect(help.out).toMatch(/--version\s+Show the version of evacsim/);
  });
});
