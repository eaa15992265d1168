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
