// `evacsim ete` end to end on the two-towns scenario with a variant: tables,
// JSON rows, files, and bad zone or variant specs refused with exit code 2.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

function twoTownsWithVariant(): string {
  const scenario = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
  scenario.variants = [{ name: 'slow', set: { 'orders[*].mobilization.median': '3h' } }];
  const file = join(mkdtempSync(join(tmpdir(), 'evacsim-ete-')), 'two-towns.json');
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

describe('evacsim ete', () => {
  it('prints the 90 % and 100 % tables, one column per variant', async () => {
    const r = await cli('ete', twoTownsWithVariant());
    expect(r.code).toBe(0);
    expect(r.out).toContain('90 % of the people who could leave:');
    expect(r.out).toContain('100 % of the people who could leave:');
    expect(r.out).toMatch(/zone\s+people\s+base\s+slow/);
    expect(r.out).toMatch(/\nNorth\s/);
  });

  it('--quiet is accepted; off a terminal no progress reaches stderr either way', async () => {
    const file = twoTownsWithVariant();
    const plain = await cli('ete', file);
    const quiet = await cli('ete', file, '--quiet');
    expect(quiet.code).toBe(0);
    expect(quiet.out).toBe(plain.out);
    expect(plain.err).toBe('');
    expect(quiet.err).toBe('');
  });

  it('--json prints rows in seconds from each zone\'s order, for every zone, variant and group', async () => {
    const r = await cli('ete', twoTownsWithVariant(), '--json');
    const { rows } = JSON.parse(r.out);
    expect(rows).toHaveLength(3 * 2 * 3);
    const north = rows.find((x: { zone: string; variant: string; group: string }) => x.zone === 'North' && x.variant === 'base' && x.group === 'all');
    const all = rows.find((x: { zone: string; variant: string; group: string }) => x.zone === 'all' && x.variant === 'base' && x.group === 'all');
    const run = JSON.parse((await cli('run', twoTownsWithVariant(), '--json')).out);
    // The same run: clearance from the start is the ETE plus the first order's time (30 minutes).
    expect(north.orderAt).toBe(1800);
    expect(all.orderAt).toBe(1800);
    expect(all.p90 + all.orderAt).toBe(run.clearance.p90);
    expect(all.p100 + all.orderAt).toBe(run.clearance.p100);
    const slow = rows.find((x: { zone: string; variant: string; group: string }) => x.zone === 'North' && x.variant === 'slow' && x.group === 'all');
    expect(slow.p50).toBeGreaterThan(north.p50);
  });

  it('--variants picks variants, --out writes ete.csv and ete.json, --report the HTML page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-ete-'));
    const report = join(dir, 'ete.html');
    const r = await cli('ete', twoTownsWithVariant(), '--variants', 'slow', '--out', dir, '--report', report, '--replications', '2', '--json');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['ete.csv', 'ete.html', 'ete.json']);
    expect(readFileSync(join(dir, 'ete.json'), 'utf8')).toBe(r.out);
    const csv = readFileSync(join(dir, 'ete.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('zone,variant,group,told,complied,people,trapped,orderAt,replications,p50,p50CiLow,p50CiHigh,p50Unreached,p90,p90CiLow,p90CiHigh,p90Unreached,p95,p95CiLow,p95CiHigh,p95Unreached,p100,p100CiLow,p100CiHigh,p100Unreached');
    expect(csv[1]).toMatch(/^all,slow,all,/);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('Time to evacuate 90 % of the people');
    expect(html).toContain('Time to evacuate 100 % of the people');
    expect(html).toContain('<svg');
  });

  it('gives byte-identical output for the same scenario and seed', async () => {
    const file = twoTownsWithVariant();
    const first = await cli('ete', file, '--json', '--replications', '2', '--end', 'zone');
    const second = await cli('ete', file, '--json', '--replications', '2', '--end', 'zone');
    expect(second.out).toBe(first.out);
    const other = await cli('ete', file, '--json', '--replications', '2', '--end', 'zone', '--seed', '5');
    expect(other.out).not.toBe(first.out);
  });

  it('run --variant runs one variant', async () => {
    const base = JSON.parse((await cli('run', twoTownsWithVariant(), '--json')).out);
    const slow = JSON.parse((await cli('run', twoTownsWithVariant(), '--json', '--variant', 'slow')).out);
    expect(slow.clearance.p50).toBeGreaterThan(base.clearance.p50);
  });

  it.each([
    [['--zones', 'rings:5,10km@nowhere'], 'no node "nowhere"'],
    [['--zones', 'rings:10,5km@north'], 'radii must increase'],
    [['--zones', 'counties'], '--zones counties: expected district'],
    [['--zones', '/nonexistent/zones.geojson'], '--zones /nonexistent/zones.geojson: file not found'],
    [['--variants', 'rainy'], 'no variant "rainy"'],
    [['--replications', '0'], '--replications must be a whole number of at least 1'],
  ])('exits 2 naming the problem for %j', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-ete-'));
    const r = await cli('ete', twoTownsWithVariant(), ...args, '--out', dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(join(dir, 'ete.csv'))).toBe(false);
  });

  it('a variant that breaks the scenario exits 2 naming the variant and the path', async () => {
    const scenario = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
    scenario.variants = [{ name: 'bad', set: { 'orders[0].compliance': 2 } }];
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-ete-')), 'bad.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = await cli('ete', file);
    expect(r.code).toBe(2);
    expect(r.err).toBe('variants[0].set: orders[0].compliance: must be between 0 and 1, got 2 (in variant "bad")\n');
  });
});
