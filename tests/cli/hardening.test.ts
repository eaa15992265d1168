// Hostile cases of the command line: special files as inputs and outputs, counts
// near the limits, options given twice, output that cannot be written. Each
// asserts the exit code, the one-line message and the files left behind.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cli } from '../helpers/cli.js';

const bottleneck = 'scenarios/bottleneck.json';
const folder = () => mkdtempSync(join(tmpdir(), 'evacsim-hard-'));
const bottleneckWith = (change: (s: Record<string, any>) => void, from = bottleneck): string => {
  const s = JSON.parse(readFileSync(from, 'utf8'));
  change(s);
  const file = join(folder(), 'changed.json');
  writeFileSync(file, JSON.stringify(s));
  return file;
};
const mknod = (path: string) => execFileSync('mknod', [path, 'c', '1', '3']); // a copy of /dev/null
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
const bin = (args: string[], stdout: 'pipe' | number = 'pipe') =>
  spawnSync(process.execPath, ['bin/evacsim.js', ...args], { encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'], timeout: 60_000 });

describe('outputs', () => {
  it.each([
    ['a device', mknod],
    ['a FIFO', mkfifo],
    ['a folder', (p: string) => mkdirSync(p)],
  ])('a --report target that is %s is refused with exit 2 and left as it was', async (_, make) => {
    const dir = folder();
    const target = join(dir, 'report.html');
    make(target);
    const kind = statSync(target).mode;
    const r = await cli('run', bottleneck, '--report', target, '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^evacsim: cannot write .*report\.html: it is a .*, not a regular file/);
    expect(statSync(target).mode).toBe(kind);
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('a symbolic link as the target is replaced by the file; what it pointed to is untouched', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'victim'), 'keep');
    symlinkSync(join(dir, 'victim'), join(dir, 'summary.json'));
    const r = await cli('generate', 'corridor', '--people', '10', '--out', join(dir, 'summary.json'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('keep');
    expect(statSync(join(dir, 'summary.json')).isFile()).toBe(true);
  });

  it('temporary files have unpredictable names: a link planted under the old name is not followed', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'victim'), 'keep');
    symlinkSync(join(dir, 'victim'), join(dir, `.out.json.${process.pid}.tmp`));
    expect((await cli('generate', 'corridor', '--people', '10', '--out', join(dir, 'out.json'))).code).toBe(0);
    expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('keep');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([`.out.json.${process.pid}.tmp`]);
  });

  it('when --report cannot be written, the --out files are not written either', async () => {
    const dir = folder();
    const r = await cli('run', bottleneck, '--out', join(dir, 'out'), '--report', join(dir, 'missing', '\0bad'));
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('scenario text a spreadsheet would run as a formula is written behind a quote in the CSV files', async () => {
    const file = bottleneckWith((s) => {
      Object.assign(s.settlements[0], { id: '=town', name: '@SUM(A1)', district: '+Corridor' });
      s.orders[0].settlements = ['=town'];
      s.network.roads[1].id = '-2+3+cmd';
    });
    const dir = folder();
    expect((await cli('run', file, '--out', dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'settlements.csv'), 'utf8').split('\n')[1]).toMatch(/^"'=town","'@SUM\(A1\)","'\+Corridor",,1000,/);
    expect(readFileSync(join(dir, 'links.csv'), 'utf8')).toContain(`\n"'-2+3+cmd",b,c,road,1000,`);
    expect(readFileSync(join(dir, 'links-timeseries.csv'), 'utf8')).toContain(`\n"'-2+3+cmd",`);
  });

  it('a full stdout exits 2 with one line; a closed pipe exits quietly', () => {
    const full = spawnSync('sh', ['-c', `"${process.execPath}" bin/evacsim.js run ${bottleneck} --json > /dev/full`], { encoding: 'utf8' });
    expect(full.status).toBe(2);
    expect(full.stderr).toBe('evacsim: cannot write to standard output: no space left on the device\n');
    const closed = spawnSync('sh', ['-c', `"${process.execPath}" bin/evacsim.js generate grid --side 100 | head -c 10 > /dev/null`], { encoding: 'utf8' });
    expect(closed.stderr).toBe('');
  });

  it('a closed stderr leaves the exit code the command\'s own (2 for bad input, not 1)', async () => {
    const child = spawn(process.execPath, ['bin/evacsim.js', 'run', join(folder(), 'missing.json')], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.destroy();
    const code = await new Promise((done) => child.on('exit', done));
    expect(code).toBe(2);
  });
});

describe('inputs', () => {
  it.each([
    ['/dev/zero', () => '/dev/zero'],
    ['a .json link to /dev/zero', () => { const f = join(folder(), 'z.json'); symlinkSync('/dev/zero', f); return f; }],
    ['a FIFO', () => { const f = join(folder(), 'f.json'); mkfifo(f); return f; }],
    ['a device copy', () => { const f = join(folder(), 'd.json'); mknod(f); return f; }],
  ])('validate refuses %s at once with exit 2', (_, make) => {
    const r = bin(['validate', make()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not a regular file \(a device, FIFO or socket\), not a scenario file\n$/);
  });

  it('a FIFO as the network.geojson is refused at its path', async () => {
    const dir = folder();
    mkfifo(join(dir, 'roads.geojson'));
    writeFileSync(join(dir, 's.json'), JSON.stringify({ name: 'x', network: { geojson: 'roads.geojson' }, settlements: [], shelters: [] }));
    const r = bin(['validate', join(dir, 's.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^network\.geojson: .*roads\.geojson: is not a regular file/);
  });

  it('import osm refuses a link to /dev/zero', () => {
    const f = join(folder(), 'z.osm');
    symlinkSync('/dev/zero', f);
    const r = bin(['import', 'osm', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a regular file');
  });
});

describe('counts and limits', () => {
  it('more people than can be counted exactly are refused, even with --allow-large', async () => {
    const file = bottleneckWith((s) => {
      s.settlements[0].population = 3e9;
      s.households = { size: 1000 };
    });
    for (const extra of [[], ['--allow-large']]) {
      const r = await cli('run', file, ...extra);
      expect(r.code).toBe(2);
      expect(r.err).toBe('settlements: 3000000000 people in all exceeds the limit of 2147483647 that can be counted exactly\n');
    }
  });

  it('a sweep applies the limits to every design point', async () => {
    const r = await cli('sweep', bottleneck, '--set', 'settlements[*].population=1000,100000000000', '--dry-run');
    expect(r.code).toBe(2);
    expect(r.err).toContain('exceeds the limit of 2147483647 that can be counted exactly (with settlements[*].population=100000000000)');
  });

  it('a sweep started with --allow-large holds its points only to the limits no option lifts', async () => {
    const plan = ['--set', 'horizon=33000000,34560000', '--dry-run'];
    const held = await cli('sweep', bottleneck, ...plan);
    expect(held.code).toBe(2);
    expect(held.err).toContain('horizon in seconds 34560000 exceeds the limit of 31622400 (use --allow-large to lift it) (with horizon=34560000)');
    const lifted = await cli('sweep', bottleneck, ...plan, '--allow-large');
    expect(lifted.err).toBe('');
    expect(lifted.code).toBe(0);
  });

  it('--replications beyond the run limit is refused', async () => {
    const r = await cli('sweep', bottleneck, '--replications', '1e12', '--dry-run');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^evacsim: 1 point × 1,000,000,000,000 replications = 1,000,000,000,000 runs, above the limit of 10,000,000\n$/);
  });

  it('report bins too small for the horizon are refused; 10 s bins run', async () => {
    const tiny = await cli('run', bottleneckWith((s) => (s.reportBinSeconds = 1e-6)));
    expect(tiny.code).toBe(2);
    expect(tiny.err).toMatch(/^reportBinSeconds: .* above the limit of 200000; use bins of at least 1 s\n$/);
    const ten = await cli('run', bottleneckWith((s) => (s.reportBinSeconds = '10s'), 'scenarios/kursk-2024.json'), '--json');
    expect(ten.code).toBe(0);
  });

  it('--seed outside 0..2^53-1 is a usage error', async () => {
    for (const seed of ['1e300', '-1', '1.5']) {
      const r = await cli('run', bottleneck, '--seed', seed);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^evacsim: --seed must be a whole number from 0 to 9007199254740991/);
    }
  });

  it('generate refuses an --out that evacsim would not read back, and --side for a corridor', async () => {
    const dir = folder();
    const txt = await cli('generate', 'grid', '--people', '100', '--out', join(dir, 'grid.txt'));
    expect(txt.code).toBe(2);
    expect(txt.err).toMatch(/grid\.txt: a scenario file ends in \.json/);
    // A file named only ".json" has no extension to the reader: written, then refused as "unknown scenario file type".
    const dotfile = await cli('generate', 'grid', '--people', '100', '--out', join(dir, '.json'));
    expect([dotfile.code, dotfile.err]).toEqual([2, `evacsim: --out ${join(dir, '.json')}: a scenario file ends in .json (or .jsonc, .yaml, .yml), as evacsim reads it\n`]);
    expect(await cli('generate', 'corridor', '--people', '100', '--side', '5')).toEqual({
      code: 2, out: '', err: 'evacsim: --side is for grid and region; a corridor has no side\n',
    });
    expect(readdirSync(dir)).toEqual([]);
    expect((await cli('generate', 'grid', '--people', '100', '--out', join(dir, 'grid.yaml'))).code).toBe(0);
    expect((await cli('validate', join(dir, 'grid.yaml'))).code).toBe(0);
  });

  it('generate --side beyond 1000 is refused', async () => {
    const r = await cli('generate', 'grid', '--side', '3000');
    expect(r.code).toBe(2);
    expect(r.err).toBe('evacsim: --side must be a whole number from 3 to 1000, got 3000\n');
  });

  it('300,000 problems print the first 100 and a count of the rest', async () => {
    const file = bottleneckWith((s) => {
      const base = s.settlements[0];
      s.settlements = Array.from({ length: 150_000 }, (_, i) => ({ ...base, id: `s${i}`, population: -1 }));
    });
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(101);
    const more = Number(/^… and (\d+) more problems$/.exec(lines[100])?.[1]);
    expect(more).toBeGreaterThanOrEqual(150_000 - 100);
  });
});

describe('usage', () => {
  it('an option given twice is a usage error', async () => {
    const r = await cli('run', bottleneck, '--out', 'a', '--out', 'b');
    expect(r.code).toBe(2);
    expect(r.err).toBe('evacsim: --out is given more than once; give it once\n');
  });

  it('a numeric option given text names the option and quotes the text, in every command', async () => {
    const cases: [string[], string][] = [
      [['run', bottleneck, '--seed', 'abc'], '--seed must be a number, got "abc"'],
      [['generate', 'grid', '--people=12x'], '--people must be a number, got "12x"'],
      [['ete', bottleneck, '--replications', 'many'], '--replications must be a number, got "many"'],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`evacsim: ${message}\n`);
    }
  });

  it('control characters and NUL from a scenario reach the terminal escaped', async () => {
    const file = bottleneckWith((s) => (s.name = 'evil\u001b]0;owned\u0007\u0000\u009b31m'));
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('evil\\u001b]0;owned\\u0007\\u0000\\u009b31m');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it looks for
    expect(r.out).not.toMatch(/[\u0000-\u0008\u001b\u009b]/);
    const json = await cli('run', file, '--json');
    expect(JSON.parse(json.out).scenario).toBe('evil\u001b]0;owned\u0007\u0000\u009b31m');
  });
});

describe('smaller promises', () => {
  it('a key given twice in a JSON object is an error at its path', async () => {
    const dir = folder();
    const file = join(dir, 'twice.json');
    writeFileSync(file, readFileSync(bottleneck, 'utf8').replace('"population":', '"population": 5, "population":'));
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^settlements\[0\]\.population: .*twice\.json: this key is given twice/);
  });

  it('__proto__ inside network.geojson is rejected', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'roads.geojson'), '{"type":"FeatureCollection","features":[],"__proto__":{"x":1}}');
    writeFileSync(join(dir, 's.json'), JSON.stringify({ name: 'x', network: { geojson: 'roads.geojson' }, settlements: [], shelters: [] }));
    const r = await cli('validate', join(dir, 's.json'));
    expect(r.code).toBe(2);
    expect(r.err).toBe('network.geojson: roads.geojson: __proto__: forbidden field name "__proto__"\n');
  });

  it('a tab in a YAML file gives one line: the first syntax error', async () => {
    const file = join(folder(), 's.yaml');
    writeFileSync(file, 'name: x\nnetwork:\n\tnodes: []\n  roads: []\nsettlements: []\nshelters: []\n');
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^.*s\.yaml:3:1: invalid YAML/);
  });

  it('a target with only min or max needs no value', async () => {
    const file = bottleneckWith((s) => (s.targets = [{ metric: 'people.evacuated', min: 1 }, { metric: 'people.evacuated', max: 1 }]));
    const r = await cli('run', file, '--check', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).targets.map((t: { ok: boolean }) => t.ok)).toEqual([true, false]);
    const none = await cli('validate', bottleneckWith((s) => (s.targets = [{ metric: 'people.evacuated' }])));
    expect(none.err).toBe('targets[0].value: missing: give value, or min and/or max\n');
  });

  // The sweep folder lock (a second sweep exits 2, a dead owner's lock is taken over) is tested in tests/sweep.
});

describe('import osm writes only scenarios that validate', () => {
  const town = readFileSync('tests/fixtures/osm/town.osm', 'utf8');

  it('a node off the globe is dropped with a warning, and the result validates', async () => {
    const dir = folder();
    const osm = join(dir, 'absurd.osm');
    writeFileSync(osm, town.replace('<node id="2" version="1" lat="51.0010" lon="35.0050"/>', '<node id="2" version="1" lat="951.0010" lon="-535.0050"/>'));
    const out = join(dir, 'absurd.json');
    const r = await cli('import', 'osm', osm, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: dropped 1 node(s) with a latitude outside ±90° or a longitude outside ±180°');
    expect((await cli('validate', out)).code).toBe(0);
  });

  it('place names that collide after normalisation get distinct ids', async () => {
    const dir = folder();
    const osm = join(dir, 'names.osm');
    const extra = [
      '<node id="40" version="1" lat="51.0016" lon="35.0101"><tag k="place" v="village"/><tag k="name" v="Twin"/></node>',
      '<node id="41" version="1" lat="51.0016" lon="35.0102"><tag k="place" v="village"/><tag k="name" v="twin"/></node>',
      '<node id="42" version="1" lat="51.0016" lon="35.0103"><tag k="place" v="village"/><tag k="name" v="Twin 2"/></node>',
    ].join('\n');
    writeFileSync(osm, town.replace('</osm>', `${extra}\n</osm>`));
    const out = join(dir, 'names.json');
    expect((await cli('import', 'osm', osm, '--out', out)).code).toBe(0);
    const ids = JSON.parse(readFileSync(out, 'utf8')).settlements.map((s: { id: string }) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['twin', 'twin-2', 'twin-2-2']));
    expect((await cli('validate', out)).code).toBe(0);
  });

  it.each([
    ['an external entity', '<!DOCTYPE osm [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 'External entities'],
    ['an oversized entity', `<!DOCTYPE osm [<!ENTITY x "${'x'.repeat(20_000)}">]>`, 'exceeds maximum allowed size'],
  ])('OSM XML with %s is refused with exit 2', async (_, doctype, reason) => {
    const osm = join(folder(), 'hostile.osm');
    writeFileSync(osm, town.replace('<osm version', `${doctype}\n<osm version`));
    const r = await cli('import', 'osm', osm);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`refused OSM XML: `);
    expect(r.err).toContain(reason);
  });

  it('an element named __proto__ is refused with exit 2', async () => {
    const osm = join(folder(), 'proto.osm');
    writeFileSync(osm, town.replace('</osm>', '<__proto__ polluted="1"/>\n</osm>'));
    const r = await cli('import', 'osm', osm);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refused OSM XML: .*__proto__/);
  });
});

describe('outputs over inputs, options without values', () => {
  it.each([
    ['run --report over the scenario', (s: string) => ['run', s, '--report', s]],
    ['run --report over the baseline', (s: string, b: string) => ['run', s, '--report', b, '--baseline', b]],
    ['export geojson --out over the scenario', (s: string) => ['export', 'geojson', s, '--origin', '51,35', '--out', s]],
  ])('%s is refused with exit 2 and the input left as it was', async (_name, args) => {
    const dir = folder();
    const scenario = join(dir, 's.json');
    const baseline = join(dir, 'b.json');
    writeFileSync(scenario, readFileSync(bottleneck));
    const summary = await cli('run', scenario, '--json');
    writeFileSync(baseline, summary.out);
    const r = await cli(...args(scenario, baseline));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^evacsim: cannot write .*\.json: it is the input of this command; name another file\n$/);
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(bottleneck, 'utf8'));
    expect(readFileSync(baseline, 'utf8')).toBe(summary.out);
  });

  it('an output named through another path to the input is refused too; a link to the input is replaced, not followed', async () => {
    const dir = folder();
    const scenario = join(dir, 's.json');
    writeFileSync(scenario, readFileSync(bottleneck));
    const r = await cli('run', relative('.', scenario), '--report', scenario);
    expect(r.code).toBe(2);
    symlinkSync(scenario, join(dir, 'link.html'));
    expect((await cli('run', scenario, '--report', join(dir, 'link.html'))).code).toBe(0);
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(bottleneck, 'utf8'));
    expect(statSync(join(dir, 'link.html')).isFile()).toBe(true);
  });

  it('a link named as the input is the input: an output there is refused, the link kept', async () => {
    const dir = folder();
    const scenario = join(dir, 's.json');
    const link = join(dir, 'current.json');
    writeFileSync(scenario, readFileSync(bottleneck));
    symlinkSync(scenario, link);
    const r = await cli('run', link, '--report', link);
    expect(r).toEqual({ code: 2, out: '', err: `evacsim: cannot write ${link}: it is the input of this command; name another file\n` });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['current.json', 's.json']);
  });

  it.each([[''], ['-']])('run %j: a scenario named by nothing, or standard input, is a usage error', async (name) => {
    expect(await cli('run', name)).toEqual({ code: 2, out: '', err: 'evacsim: name a scenario file (standard input is not read)\n' });
  });

  it('a negated switch (--no-json, sweep --no-common-seeds) needs no value', async () => {
    expect((await cli('run', bottleneck, '--no-json', '--quiet')).code).toBe(0);
    const dry = await cli('sweep', bottleneck, '--set', 'households.carShare=0.5,0.6', '--no-common-seeds', '--dry-run', '--out', join(folder(), 's'));
    expect(dry.code).toBe(0);
  });

  it('a file where an output folder should be is named in words', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'afile'), 'keep');
    const r = await cli('generate', 'grid', '--people', '100', '--out', join(dir, 'afile', 'x.json'));
    expect(r).toEqual({ code: 2, out: '', err: `evacsim: cannot write ${join(dir, 'afile', 'x.json')}: ${join(dir, 'afile')} is a file, not a folder; name a folder\n` });
    expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('keep');
  });

  it('a switch given twice is a usage error like any other option', async () => {
    const r = await cli('run', bottleneck, '--json', '--quiet', '--json');
    expect(r).toEqual({ code: 2, out: '', err: 'evacsim: --json is given more than once; give it once\n' });
  });

  it.each([
    [['--out', '']],
    [['--out']],
    [['--out=']],
    [['--report', ' ']],
    [['--seed']],
    [['--seed', '']],
  ])('run %j: a missing value is a usage error, nothing written in the current folder', async (flags) => {
    const before = readdirSync('.').sort();
    const r = await cli('run', bottleneck, ...flags);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`evacsim: ${flags[0].replace('=', '')} needs a value\n`);
    expect(readdirSync('.').sort()).toEqual(before);
  });
});

describe('folders that cannot be made', () => {
  it.skipIf(!existsSync('/proc/self'))('an --out folder under /proc/self is refused with exit 2, not looped on for ever', () => {
    // The kernel answers "no such file" for mkdir there although the parent exists.
    const r = spawnSync(process.execPath, ['bin/evacsim.js', 'run', bottleneck, '--out', '/proc/self/evacsim-out'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^evacsim: cannot write \/proc\/self\/evacsim-out\/summary\.json: /);
  });
});
