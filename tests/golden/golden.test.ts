// Golden summaries: every shipped scenario, run with its own seed, must give the
// committed summary exactly. After an intended model change, regenerate with
// UPDATE_GOLDEN=1 npx vitest run tests/golden and review the diff.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

const scenarios = readdirSync('scenarios').filter((f) => f.endsWith('.json'));

describe('golden summaries', () => {
  it.each(scenarios)('%s gives its committed summary', async (file) => {
    const r = await cli('run', join('scenarios', file), '--json');
    expect(r.code).toBe(0);
    const golden = join('tests', 'golden', file.replace(/\.json$/, '.summary.json'));
    if (process.env.UPDATE_GOLDEN || (!existsSync(golden) && !process.env.CI)) writeFileSync(golden, r.out);
    expect(r.out).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('the people of a golden summary', () => {
  it('split as the README says: told = complied + stayed + the stayers a capture trapped (Kursk)', () => {
    const s = JSON.parse(readFileSync(join('tests', 'golden', 'kursk-2024.summary.json'), 'utf8'));
    const p = s.people;
    expect([p.told, p.complied, p.stayed, p.trapped]).toEqual([191_500, 150_153, 40_302, 2_009]);
    const stayersTrapped = p.told - p.complied - p.stayed;
    expect(stayersTrapped).toBe(1_045);
    expect(p.complied).toBe(p.waiting + p.inTransit + p.evacuated + (p.trapped - stayersTrapped));
    for (const row of s.settlements) {
      expect(row.told).toBe(row.stayed + row.waiting + row.inTransit + row.evacuated + row.trapped);
      if (row.capturedAt === null) expect(row.told).toBe(row.complied + row.stayed);
    }
  });
});
