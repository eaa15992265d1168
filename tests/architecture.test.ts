// The core stays pure, so a run depends only on its scenario and seed (docs/design.md §1): no I/O, no clock, no global
// randomness, and no imports of the command line or the reports. Checked on the
// source text, so a slip fails the build, not a review.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CORE = ['engine', 'network', 'traffic', 'demand', 'logistics', 'hazards', 'simulation'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:/, 'a Node built-in module'],
  [/from ['"](fs|path|os|child_process|worker_threads)['"]/, 'a Node built-in module'],
  [/from ['"]\.\.\/(cli|report|html|explore|sweep)\//, 'an edge module'],
  [/\bconsole\./, 'console'],
  [/\bprocess\./, 'process'],
  [/\bDate\.now\b|new Date\(/, 'the clock'],
  [/\bperformance\.now\b/, 'the clock'],
  [/\bMath\.random\b/, 'Math.random'],
  [/\bsetTimeout\b|\bsetInterval\b/, 'timers'],
];

describe('architecture', () => {
  it.each(CORE)('src/%s does no I/O, reads no clock and draws no unseeded random number', (folder) => {
    const problems: string[] = [];
    for (const file of files(join('src', folder))) {
      const text = readFileSync(file, 'utf8');
      for (const [pattern, what] of FORBIDDEN) if (pattern.test(text)) problems.push(`${file}: uses ${what}`);
    }
    expect(problems).toEqual([]);
  });
});
