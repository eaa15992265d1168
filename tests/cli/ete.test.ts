// `evacsim ete` end to end on the two-towns scenario with a variant: tables,
// JSON rows, files, and bad zone or variant specs refused with exit code 2.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

/** The command as a process, stopped after `seconds`: a test of "refused before any work" cannot hang on the work. */
function bin(args: string[], seconds = 30) {
  return spawnSync(process.execPath, ['bin/evacsim.js', 'ete', ...args], { encoding: 'utf8', timeout: seconds * 1000 });
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
    expect(csv[0]).toBe('zone,variant,group,told,complied,people,trapped,orderAt,replications,p50,p50CiLow,p50CiHigh,p50Unreached,p90,p90CiLow,p90CiHigh,p90Unreached,p95,p95CiLow,p95CiHigh,p95Unreached,p100,p100CiLow,p100CiHigh,p100Unreached,nobodyToLeave,'
      + 'readyPeople,readyP50,readyP50CiLow,readyP50CiHigh,readyP50Unreached,readyP90,readyP90CiLow,readyP90CiHigh,readyP90Unreached,'
      + 'readyP95,readyP95CiLow,readyP95CiHigh,readyP95Unreached,readyP100,readyP100CiLow,readyP100CiHigh,readyP100Unreached,cars,zonePopulation,nobodyReady');
    expect(csv[1]).toMatch(/^all,slow,all,/);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('Time to evacuate 90 % of the people');
    expect(html).toContain('Time to evacuate 100 % of the people');
    expect(html).toContain('<svg');
  });

  it('warns on stderr, after its runs, of a variant whose runs end with people still waiting or travelling, and so does --report', async () => {
    const scenario = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
    scenario.variants = [{ name: 'short', set: { horizon: '1h' } }];
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-ete-'));
    const file = join(dir, 'two-towns.json');
    writeFileSync(file, JSON.stringify(scenario));
    const report = join(dir, 'ete.html');
    const r = await cli('ete', file, '--replications', '2', '--report', report);
    expect(r.code).toBe(0);
    // The scenario as written ends with everyone out: only the variant is named.
    // Its second order comes after the variant's horizon: said before the runs, naming the variant.
    const late = 'warning: orders[1].at: the order comes at 2.0 h, after the horizon (1.0 h): it never happens (in variant "short")\n';
    const line = /^warning: horizon: in 2 of 2 replications of variant "short" the run ends at the horizon \(1h 0m\) with (up to )?[\d,]+ people still waiting and (up to )?[\d,]+ travelling; lengthen the horizon, or add the roads, fleets or time they need\n$/;
    expect(r.err.startsWith(late)).toBe(true);
    expect(r.err.slice(late.length)).toMatch(line);
    expect(r.out).not.toContain('warning');
    const html = readFileSync(report, 'utf8');
    const message = r.err.slice(late.length + 'warning: horizon: '.length, -1).replaceAll('"', '&quot;');
    expect(html).toContain(`<section id="warnings"><h2>Warnings</h2>`);
    expect(html).toContain(`<li><code>horizon</code>: ${message}</li>`);
  });

  it('ete.csv counts no unreached runs for a zone with nobody to leave, as the tables say "nobody to leave"', async () => {
    const scenario = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
    scenario.orders[1].compliance = 0;
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-ete-'));
    const file = join(dir, 'quiet-south.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = await cli('ete', file, '--replications', '3', '--out', dir);
    expect(r.out).toMatch(/\nSouth\s+0\s+nobody to leave\n/);
    const [header, ...lines] = readFileSync(join(dir, 'ete.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const unreached = header.map((h, i) => [h, i] as const).filter(([h]) => h.endsWith('Unreached')).map(([, i]) => i);
    const south = lines.filter((l) => l[0] === 'South');
    expect(south).toHaveLength(3);
    for (const line of south) {
      expect(line[header.indexOf('people')]).toBe('0');
      // The ETE's four shares, then trip generation's.
      expect(unreached.map((i) => line[i])).toEqual(['0', '0', '0', '0', '0', '0', '0', '0']);
      expect(line[header.indexOf('p90')]).toBe('');
    }
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

  it('a variant that only sets the seed is its own column: the run `run --variant` makes, whichever variant comes first', async () => {
    const scenario = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
    scenario.variants = [{ name: 'seed9', set: { seed: 9 } }];
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-ete-')), 'seed9.json');
    writeFileSync(file, JSON.stringify(scenario));
    const clearance = async (...args: string[]) => JSON.parse((await cli('run', file, '--json', ...args)).out).clearance.p90;
    const expected = { base: await clearance(), seed9: await clearance('--variant', 'seed9') };
    expect(expected.seed9).not.toBe(expected.base);
    for (const variants of ['base,seed9', 'seed9,base']) {
      const study = JSON.parse((await cli('ete', file, '--json', '--variants', variants)).out);
      const all = (name: string) => study.rows.find((x: { zone: string; variant: string; group: string }) => x.zone === 'all' && x.variant === name && x.group === 'all');
      for (const name of ['base', 'seed9'] as const) expect(all(name).p90 + all(name).orderAt).toBe(expected[name]);
      expect(study.seeds).toContainEqual({ variant: 'seed9', seeds: [9] });
      expect(study.seeds).toContainEqual({ variant: 'base', seeds: [scenario.seed] });
    }
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

  it('a variant name with a comma is refused at validation: --variants could not select it', async () => {
    const scenario = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
    scenario.variants = [{ name: 'a,b', set: { 'orders[*].mobilization.median': '3h' } }];
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-ete-')), 'comma.json');
    writeFileSync(file, JSON.stringify(scenario));
    for (const command of ['ete', 'validate']) {
      const r = await cli(command, file);
      expect(r.code).toBe(2);
      expect(r.err).toContain('variants[0].name: "a,b" holds a comma');
    }
  });

  it.each([
    ['rings:5km@200,100', '--zones rings:5km@200,100: the centre 200,100: the longitude 200 must be between -180 and 180'],
    ['rings:5km@20,100', '--zones rings:5km@20,100: the centre 20,100: the latitude 100 must be between -90 and 90'],
    ['rings:5km@35,51', "--zones rings:5km@35,51: the scenario's nodes are planar x/y metres, not lat/lon, so a LON,LAT centre cannot be placed"],
    ['rings:5km@line:35,51;36,51', 'so a line of LON,LAT points cannot be placed'],
    ['rings:5,10km@nowhere', '--zones rings:5,10km@nowhere: no node "nowhere"'],
  ])('--zones %s on a planar scenario exits 2 quoting the spec', async (zones, message) => {
    const r = await cli('ete', twoTownsWithVariant(), '--zones', zones);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('a --zones file that is not JSON is named with its line and column, not quoted by the parser', async () => {
    // was: `not valid JSON: Unexpected token 'K', "KEEP" is not valid JSON`, the file's bytes in the message
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-ete-'));
    const zones = join(dir, 'zones.geojson');
    writeFileSync(zones, '{"type": "FeatureCollection",\n "features": [1,]}');
    const r = await cli('ete', twoTownsWithVariant(), '--zones', zones);
    expect([r.code, r.err]).toEqual([2, `evacsim: --zones ${zones}:2:17: not valid JSON: unexpected "]"\n`]);
  });

  it('a --zones file with a key given twice names the key, as a scenario file does (it said only "expected a GeoJSON FeatureCollection")', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-ete-'));
    const zones = join(dir, 'zones.geojson');
    writeFileSync(zones, '{"type": "FeatureCollection", "features": [], "type": "X"}');
    const r = await cli('ete', twoTownsWithVariant(), '--zones', zones);
    expect([r.code, r.err]).toEqual([2, `evacsim: --zones ${zones}: type: this key is given twice; give it once (JSON would keep only the last value)\n`]);
  });

  it('GeoJSON polygon zones on a planar scenario exit 2: GeoJSON is lon/lat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-ete-'));
    const zones = join(dir, 'zones.geojson');
    writeFileSync(zones, JSON.stringify({ type: 'Polygon', coordinates: [[[-1, -1], [1, -1], [1, 1], [-1, -1]]] }));
    const r = await cli('ete', twoTownsWithVariant(), '--zones', zones);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--zones ${zones}: the scenario's nodes are planar x/y metres, not lat/lon, so GeoJSON polygons (lon/lat) cannot be placed`);
  });

  it.each([
    [['--replications', '1e9'], '--replications 1000000000 is above the limit of 10000000 runs'],
    // base and "slow": 2 × 6,000,000 runs, over a sweep's 10 million
    [['--replications', '6000000'], '--replications 6000000 × 2 variants = 12000000 runs, above the limit of 10000000'],
  ])('%j is refused before any run, with exit 2', (args, message) => {
    const r = bin([twoTownsWithVariant(), ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`evacsim: ${message} (as a sweep's)\n`);
  });

  describe('all or nothing: a target that cannot be written leaves every output as it was', () => {
    /** A folder holding ete.csv "old", as a previous study left it. */
    function previous(): string {
      const dir = mkdtempSync(join(tmpdir(), 'evacsim-ete-'));
      writeFileSync(join(dir, 'ete.csv'), 'old');
      return dir;
    }

    it.each([
      ['the --report target is a folder', (dir: string) => { mkdirSync(join(dir, 'adir')); return ['--report', join(dir, 'adir')]; }, 'it is a folder'],
      ['the --report target is a device', () => ['--report', '/dev/full'], 'cannot write /dev/full: it is a device'],
      ['a part of the --report path is a file', (dir: string) => ['--report', join(dir, 'ete.csv', 'e.html')], 'ete.csv is a file, not a folder'],
      ['ete.json in --out is a folder', (dir: string) => { mkdirSync(join(dir, 'ete.json')); return []; }, 'ete.json: it is a folder'],
      ['--report names a file of --out', (dir: string) => ['--report', join(dir, 'ete.csv')], 'another output of this command goes there'],
    ])('%s: exit 2, ete.csv kept, nothing else written', async (_, make, message) => {
      const dir = previous();
      const args = make(dir);
      const before = readdirSync(dir).sort();
      const r = await cli('ete', twoTownsWithVariant(), '--out', dir, ...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(readFileSync(join(dir, 'ete.csv'), 'utf8')).toBe('old');
      expect(readdirSync(dir).sort()).toEqual(before);
    });

    it('a new --out folder is not created when --report cannot be written', async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'evacsim-ete-')), 'new', 'out');
      const r = await cli('ete', twoTownsWithVariant(), '--out', out, '--report', '/dev/full');
      expect(r.code).toBe(2);
      expect(existsSync(join(out, '..'))).toBe(false);
    });

    it.skipIf(process.getuid?.() === 0)('a --report in a read-only folder: exit 2, ete.csv kept', async () => {
      const dir = previous();
      const ro = join(dir, 'ro');
      mkdirSync(ro);
      chmodSync(ro, 0o555);
      const r = await cli('ete', twoTownsWithVariant(), '--out', dir, '--report', join(ro, 'e.html'));
      chmodSync(ro, 0o755);
      expect(r.code).toBe(2);
      expect(r.err).toContain('e.html: permission denied');
      expect(readFileSync(join(dir, 'ete.csv'), 'utf8')).toBe('old');
      expect(readdirSync(dir).sort()).toEqual(['ete.csv', 'ro']);
    });

    it('targets are checked before the simulations run (a million of them would take hours)', () => {
      const dir = previous();
      mkdirSync(join(dir, 'adir'));
      const r = bin([twoTownsWithVariant(), '--variants', 'base', '--replications', '1000000', '--out', dir, '--report', join(dir, 'adir')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`evacsim: cannot write ${join(dir, 'adir')}: it is a folder, not a regular file; name a file to create or replace\n`);
    });
  });
});
