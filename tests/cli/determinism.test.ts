// The same scenario and seed give byte-identical output, across processes too.
// Every shipped scenario is also held to committed bytes made by an earlier
// process (tests/golden), so the spawned check here runs the smallest one.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';

const runJson = (file: string) => execFileSync(process.execPath, ['bin/evacsim.js', 'run', file, '--json'], { encoding: 'utf8' });

describe('determinism across processes', () => {
  it.each(['scenarios/two-towns.json'])('%s', (file) => {
    expect(runJson(file)).toBe(runJson(file));
  });
});
