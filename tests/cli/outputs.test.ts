// Outputs stage every file beside its target and put them in place together. When
// making a later file fails (an error in the code that writes it), the files staged
// before are discarded: a merge that failed on its third table left the temporary
// files of the first two in its folder.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outputs } from '../../src/cli/write.js';

describe('Outputs.stageAll', () => {
  it('commits what it staged when making every file succeeds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-outputs-'));
    const outputs = new Outputs();
    outputs.stageAll(() => {
      outputs.add(join(dir, 'a.csv'), 'a');
      outputs.add(join(dir, 'b.csv'), 'b');
    });
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('discards what it staged when making a later file throws, and leaves the targets as they were', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-outputs-'));
    writeFileSync(join(dir, 'a.csv'), 'old');
    const outputs = new Outputs();
    const fault = new TypeError('x.toPrecision is not a function');
    expect(() => outputs.stageAll(() => {
      outputs.add(join(dir, 'a.csv'), 'new');
      outputs.add(join(dir, 'b.csv'), 'b');
      throw fault;
    })).toThrow(fault);
    expect(readdirSync(dir)).toEqual(['a.csv']);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('old');
  });

  it('removes the folders it made for them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-outputs-'));
    const outputs = new Outputs();
    expect(() => outputs.stageAll(() => {
      outputs.add(join(dir, 'new', 'deeper', 'a.csv'), 'a');
      throw new Error('fault');
    })).toThrow('fault');
    expect(readdirSync(dir)).toEqual([]);
  });
});
