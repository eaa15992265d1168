// `run --variant NAME` said nowhere which variant ran: its summary, files and
// report read exactly like the scenario as written. They now carry the name.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

function twoTownsWithVariant(): string {
  const scenario = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
  scenario.variants = [{ name: 'slow', set: { 'orders[*].mobilization.median': '3h' } }];
  const file = join(mkdtempSync(join(tmpdir(), 'evacsim-variant-')), 'two-towns.json');
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

describe('run --variant', () => {
  it('names the variant in the summary JSON, summary.json, the text and the report', async () => {
    const file = twoTownsWithVariant();
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-variant-out-'));
    const r = await cli('run', file, '--variant', 'slow', '--json', '--out', join(dir, 'out'), '--report', join(dir, 'r.html'));
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(Object.keys(summary).slice(0, 3)).toEqual(['scenario', 'variant', 'seed']);
    expect(summary.variant).toBe('slow');
    expect(JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')).variant).toBe('slow');
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('Variant slow · Seed 7');
    const text = await cli('run', file, '--variant', 'slow');
    expect(text.out.split('\n')[0]).toMatch(/^two-towns · variant slow · seed 7 · ran /);
  });

  it('the scenario as written, also as --variant base, has no variant key', async () => {
    const file = twoTownsWithVariant();
    const plain = await cli('run', file, '--json');
    const base = await cli('run', file, '--variant', 'base', '--json');
    expect(JSON.parse(plain.out).variant).toBeUndefined();
    expect(base.out).toBe(plain.out);
  });

  it("a variant's summary serves as a --baseline", async () => {
    const file = twoTownsWithVariant();
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-variant-base-'));
    writeFileSync(join(dir, 'slow.json'), (await cli('run', file, '--variant', 'slow', '--json')).out);
    const r = await cli('run', file, '--report', join(dir, 'r.html'), '--baseline', join(dir, 'slow.json'));
    expect([r.code, r.err]).toEqual([0, '']);
  });
});

describe('validate and variants', () => {
  it('holds each variant to the limits a run of it is held to: a variant beyond them is refused, before "ok"', async () => {
    const scenario = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
    scenario.variants = [{ name: 'slow', set: { 'orders[*].mobilization.median': '3h' } }, { name: 'long', set: { horizon: '400d' } }];
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-variant-')), 'two-towns.json');
    writeFileSync(file, JSON.stringify(scenario));
    const line = 'variants[1]: horizon: horizon in seconds 34560000 exceeds the limit of 31622400 (use --allow-large to lift it)\n';
    expect(await cli('validate', file)).toEqual({ code: 2, out: '', err: line });
    // As run --variant and ete refuse it.
    expect(await cli('run', file, '--variant', 'long')).toEqual({ code: 2, out: '', err: line });
    expect((await cli('validate', file, '--allow-large')).code).toBe(0);
  });
});
