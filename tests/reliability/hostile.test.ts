// Seeded fuzzing of the hostile classes of RELIABILITY.md: numbers near the
// limits, huge counts, text with control characters, keys given twice, sweep
// designs of any size, and special files. Every case must end in a result or a
// clean refusal (ScenarioError or InputError), never another exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, exercise } from '../helpers/fuzz.js';
import { distinctOnly } from '../helpers/distinct.js';
import { cli } from '../helpers/cli.js';
import { ScenarioError, InputError } from '../../src/errors.js';
import { MAX_PEOPLE, MAX_REPORT_BINS } from '../../src/check/limits.js';
import { sanitizeTerminal } from '../../src/cli/sanitize.js';
import { duplicateJsonKeys } from '../../src/scenario/json-duplicate-keys.js';
import { parseJsonText } from '../../src/scenario/json-syntax.js';
import { MAX_RUNS, planSweep, resolveDesign } from '../../src/sweep/design.js';

const scale = Number(process.env.FUZZ_RUNS ?? 0) || 1;
const runs = (n: number) => ({ numRuns: n * scale, seed: 20261201 });

/** Numbers a hostile file would pick for a field limited at `limit`: at it and around it, powers of two, tiny and huge. */
const near = (limit: number) => fc.oneof(
  fc.constantFrom(limit, limit + 1, 2 ** 32, 2 ** 53, 2 ** 53 + 2, 1e11, 1e300, 5e-324, 1e-6, 0, -0),
  fc.integer({ min: -2, max: 2 }).map((d) => limit + d),
  fc.double({ min: 0, max: 1e12, noNaN: true }),
);
// Each field gets its own limit: a population of MAX_REPORT_BINS (200,000) is no limit of
// populations, only a long run (about 5 of this file's 6 s went to 30 such cases).
const nearPeople = near(MAX_PEOPLE);
const nearBins = near(MAX_REPORT_BINS);
const nearLimit = fc.oneof(nearPeople, nearBins);

const CONTROL = fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\u001b]0;x\u0007', '\u009b', '\r', '\u202e', '\u2028', '\u007f', 'é', '<b>');
const hostileText = fc.array(fc.oneof(CONTROL, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(''));
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it looks for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const withBase = (change: (s: any) => void) => {
  const s = structuredClone(BASE) as any;
  change(s);
  return s;
};

describe('hostile fuzzing', () => {
  it('populations, household sizes and report bins near the limits are simulated exactly or refused (1,500 cases)', () => {
    // Each case uses one of the three drawn numbers, so about half repeat an earlier scenario.
    const exerciseOnce = distinctOnly(exercise);
    fc.assert(
      fc.property(nearPeople, nearLimit, nearBins, fc.constantFrom('population', 'size', 'bins'), (a, b, c, which) => {
        const s = withBase((x) => {
          if (which === 'population') x.settlements[0].population = a;
          if (which === 'size') x.households.size = b;
          if (which === 'bins') x.reportBinSeconds = c;
          x.settlements[1].population = Math.round(a) === a ? a : 1;
        });
        exerciseOnce(s);
      }),
      runs(1500),
    );
  });

  it('sweep designs of any size are planned or refused with InputError (1,500 cases)', () => {
    fc.assert(
      fc.property(nearLimit, fc.integer({ min: 1, max: 4 }), fc.constantFrom('grid', 'lhs'), (replications, points, kind) => {
        try {
          const design = resolveDesign({ parameters: [{ path: 'shadowShare', values: Array.from({ length: points }, (_, i) => i / 10) }], kind: kind as 'grid', replications }, 1);
          const plan = planSweep(design);
          expect(plan.runs).toBeLessThanOrEqual(MAX_RUNS);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      runs(1500),
    );
  });

  it('terminal text never carries a control character and stays equivalent JSON (2,000 cases)', () => {
    fc.assert(
      fc.property(hostileText, (name) => {
        const json = JSON.stringify({ name });
        const shown = sanitizeTerminal(json);
        expect(shown).not.toMatch(UNSAFE);
        expect(JSON.parse(shown).name).toBe(name);
      }),
      runs(2000),
    );
  });

  it('keys given twice are found at their path; JSON.stringify output has none (2,000 cases)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ maxLength: 5 }), (value, key) => {
        const text = JSON.stringify(value);
        expect(duplicateJsonKeys(text)).toEqual([]);
        const doubled = `{${JSON.stringify(key)}:1,"v":${text},${JSON.stringify(key)}:2}`;
        expect(duplicateJsonKeys(doubled).length).toBe(key === 'v' ? 2 : 1);
        expect(() => parseJsonText(doubled, 'f.json')).toThrow(ScenarioError);
      }),
      runs(2000),
    );
  });

  it('names with control characters reach validate output escaped (200 cases)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-fuzz-'));
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (name, id) => {
        const file = join(dir, 's.json');
        writeFileSync(file, JSON.stringify(withBase((s) => {
          s.name = name;
          s.settlements[0].id = id;
        })));
        const r = await cli('validate', file);
        expect([0, 2]).toContain(r.code);
        expect(r.out + r.err).not.toMatch(UNSAFE);
      }),
      runs(200),
    );
  });

  it('special files as scenario, --report target and map are refused with exit 2 and left alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-special-'));
    const kinds: Record<string, (p: string) => void> = {
      device: (p) => execFileSync('mknod', [p, 'c', '1', '3']),
      fifo: (p) => execFileSync('mkfifo', [p]),
      folder: (p) => mkdirSync(p),
      'link to a device': (p) => symlinkSync('/dev/zero', p),
      'link to a fifo': (p) => { execFileSync('mkfifo', [`${p}.target`]); symlinkSync(`${p}.target`, p); },
    };
    let cases = 0;
    for (const [kind, make] of Object.entries(kinds)) {
      for (const ext of ['json', 'yaml', 'osm']) {
        const file = join(dir, `${kind.replace(/ /g, '-')}.${ext}`);
        make(file);
        const r = ext === 'osm' ? await cli('import', 'osm', file) : await cli('validate', file);
        expect(r.code, `${kind} .${ext}`).toBe(2);
        expect(r.err).toMatch(/not a regular file|is a directory/);
        cases++;
      }
      const target = join(dir, `${kind.replace(/ /g, '-')}.target.html`);
      if (!kind.startsWith('link')) {
        make(target);
        const r = await cli('run', 'scenarios/bottleneck.json', '--report', target);
        expect(r.code, `--report ${kind}`).toBe(2);
        cases++;
      }
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(cases).toBe(18);
  });
});
