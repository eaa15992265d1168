// The README's scenario example is a real file that validates and runs.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

const FILE = 'scenarios/readme-example.jsonc';

describe('the README example', () => {
  it('is the shipped .jsonc file, word for word', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /```jsonc\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(readFileSync(FILE, 'utf8'));
  });

  it('validates without warnings and meets its targets', async () => {
    const v = await cli('validate', FILE);
    expect(v.code).toBe(0);
    expect(v.out).not.toContain('warning');
    expect((await cli('run', FILE, '--check')).code).toBe(0);
  });

  it('comments are refused in a .json file, at their line and column', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-jsonc-')), 'example.json');
    writeFileSync(file, readFileSync(FILE));
    const json = await cli('validate', file);
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/example\.json:3:47: invalid JSON/);
  });
});
