// The same scenario and seed give byte-identical output, across processes too.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';

const runJson = (file: string) => execFileSync(process.execPath, ['bin/evacsim.js', 'run', file, '--json'], { encoding: 'utf8' });

describe('determinism across processes', () => {
  it.each(['scenarios/two-towns.json', 'scenarios/grid-city.json', 'scenarios/kursk-2024.json'])('%s', (file) => {
    expect(runJson(file)).toBe(runJson(file));
  });
});
