import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { estimateBytes } from '../../src/check/limits.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { formatCount } from '../../src/report/format.js';

const bottleneck = 'scenarios/bottleneck.json';

describe('evacsim run', () => {
  it('runs the built-in Kursk scenario when none is named', async () => {
    const r = await cli('run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('kursk-2024');
    expect(r.out).toContain('People');
    // It ends at its horizon with people still waiting: said on stderr as validate says it.
    expect(r.err).toMatch(/^warning: horizon: the run ends at the horizon \(17d 0h 0m\) with [\d,]+ people still waiting and [\d,]+ travelling; [^\n]+\n$/);
  });

  it('warns on stderr, as validate does, when its run ends with people still waiting or travelling, with that run\'s counts', async () => {
    const scenario = { ...JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8')), horizon: '1h', targets: [] };
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-')), 'short.json');
    writeFileSync(file, JSON.stringify(scenario));
    // Two seeds, two outcomes: each warning has the counts of the run it follows.
    const said = new Set<string>();
    for (const seed of ['1', '2']) {
      const r = await cli('run', file, '--json', '--seed', seed);
      expect(r.code).toBe(0);
      const { people } = JSON.parse(r.out);
      expect(r.err).toBe(
        // Its second order comes after the horizon cut it short: said before the run.
        'warning: orders[1].at: the order comes at 2.0 h, after the horizon (1.0 h): it never happens\n' +
        `warning: horizon: the run ends at the horizon (1h 0m) with ${formatCount(people.waiting)} people still waiting and ${formatCount(people.inTransit)} travelling; ` +
          'lengthen the horizon, or add the roads, fleets or time they need\n',
      );
      said.add(r.err);
    }
    expect(said.size).toBe(2);
    expect((await cli('run', bottleneck, '--json')).err).toBe('');
  });

  it('warns on stderr, before its run, of a road that cannot carry its capacity, as validate does', async () => {
    const scenario = JSON.parse(readFileSync(bottleneck, 'utf8'));
    // approach: 5 km, 2 lanes, 100 km/h; a 10 km/h wave lets in at most 2,424 of its 3,600 veh/h.
    scenario.network.roads[0].waveSpeedKmh = 10;
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-')), 'slow-wave.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = await cli('run', file, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'warning: network.roads[0]: "approach" carries at most 2424 veh/h, not its capacity of 3600 veh/h: its backward wave of 10 km/h lets vehicles in no faster\n',
    );
    expect(JSON.parse(r.out).people.evacuated).toBeGreaterThan(0);
    // A road that carries its capacity, though only with a wave faster than its cars, is validate's to say.
    delete scenario.network.roads[0].waveSpeedKmh;
    scenario.network.roads[1].capacityVehPerHour = 4000;
    writeFileSync(file, JSON.stringify(scenario));
    expect((await cli('run', file, '--json')).err).toBe('');
    expect((await cli('validate', file)).out).toContain('warning: network.roads[1]: "bottleneck" carries its capacity of 4000 veh/h only with a backward wave');
  });

  it('prints the summary JSON with --json', async () => {
    const r = await cli('run', bottleneck, '--json');
    const summary = JSON.parse(r.out);
    expect(summary.scenario).toBe('bottleneck');
    expect(summary.clearance.p100).toBe(4248);
  });

  it('--seed overrides the scenario seed', async () => {
    const r = await cli('run', bottleneck, '--json', '--seed', '99');
    expect(JSON.parse(r.out).seed).toBe(99);
  });

  it('--out writes summary.json, timeseries.csv, settlements.csv, links.csv and links-timeseries.csv', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-'));
    const r = await cli('run', bottleneck, '--out', dir, '--json');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['links-timeseries.csv', 'links.csv', 'settlements.csv', 'summary.json', 'timeseries.csv']);
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe(r.out);
    expect(readFileSync(join(dir, 'links.csv'), 'utf8').split('\n')[0]).toContain('peakQueue,totalDelaySeconds,capacity,storage,queueBegan,queueEnded');
    expect(readFileSync(join(dir, 'links-timeseries.csv'), 'utf8').split('\n')[0]).toBe('link,bin,binStart,entered,exited,meanQueue,maxQueue,volumeToCapacity,meanDelaySeconds');
  });

  it('--check exits 0 when every target is met and 1 when one is missed', async () => {
    expect((await cli('run', bottleneck, '--check')).code).toBe(0);
    const scenario = JSON.parse(readFileSync(bottleneck, 'utf8'));
    scenario.targets = [{ metric: 'clearance.p100', value: 1000, tolerance: 0.01 }];
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-')), 'missed.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = await cli('run', file, '--check');
    expect(r.code).toBe(1);
    expect(r.out).toContain('✗');
  });

  it('reports --timing wall time only when asked', async () => {
    expect(JSON.parse((await cli('run', bottleneck, '--json')).out).engine.wallSeconds).toBe(0);
    expect(JSON.parse((await cli('run', bottleneck, '--json', '--timing')).out).engine.wallSeconds).toBeGreaterThan(0);
  });
});

describe('bad input and usage', () => {
  it('names each problem with its path and exits 2, with no stack trace', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-')), 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        network: { nodes: [{ id: 'a', x: 0, y: 0 }], roads: [] },
        settlements: [{ id: 's', node: 'b', populaton: 5 }],
        shelters: [{ id: 'out', node: 'a' }],
        orders: [{ settlements: ['s'], compliance: 1.5 }],
      }),
    );
    for (const command of ['run', 'validate']) {
      const r = await cli(command, file);
      expect(r.code).toBe(2);
      expect(r.err).toContain('orders[0].compliance: must be between 0 and 1, got 1.5');
      expect(r.err).toContain('settlements[0].populaton: unknown field (did you mean "population"?)');
      expect(r.err).toContain('settlements[0].node: unknown node "b"');
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.out).toBe('');
    }
  });

  it('reports a settlement with no road to any destination', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-')), 'island.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'island',
        network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }], roads: [{ id: 'r', from: 'b', to: 'a', oneway: true }] },
        settlements: [{ id: 's', node: 'a', population: 5 }],
        shelters: [{ id: 'out', node: 'b' }],
        orders: [{ at: 0, settlements: ['s'] }],
      }),
    );
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.err).toBe('settlements[0]: "s" at node "a" has no road path to any shelter or exit\n');
  });

  it('exits 2 on a missing file, an unknown command or option', async () => {
    expect((await cli('run', 'no-such-file.json')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    const r = await cli('run', bottleneck, '--colour');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option --colour');
  });

  it('exits 2 on a seed that is not a whole number', async () => {
    const r = await cli('run', bottleneck, '--seed', '1.5');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--seed must be a whole number from 0 to 9007199254740991, got 1.5');
  });
});

describe('evacsim validate and schema', () => {
  it('validate describes a valid scenario and exits 0', async () => {
    const r = await cli('validate', 'scenarios/two-towns.json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok: two-towns: 5 nodes, 4 roads, 2 settlements \(4,800 people\), 2 shelters and exits, 2 orders, 1 fleet, 0 hazards, 1 target/);
  });

  it('schema prints the JSON Schema of scenario files', async () => {
    const r = await cli('schema');
    const schema = JSON.parse(r.out);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['network', 'settlements', 'orders', 'fleets', 'hazards', 'targets']));
  });

  it('--help on every command exits 0 and names its options', async () => {
    const r = await cli('run', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--check');
    expect((await cli('validate', '--help')).out).toContain('scenario');
    // export --results puts results on shelters too (docs/bring-your-own-map.md)
    expect((await cli('export', 'geojson', '--help')).out.replace(/\s+/g, ' ')).toContain('add its results to roads, settlements and shelters');
  });
});

describe('the Kursk 2024 case', () => {
  it('meets every reported figure it encodes as a target (run --check)', async () => {
    const r = await cli('run', 'scenarios/kursk-2024.json', '--check', '--json');
    const summary = JSON.parse(r.out);
    expect(summary.targets.length).toBeGreaterThanOrEqual(7);
    expect(summary.targets.filter((t: { ok: boolean }) => !t.ok)).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe('warnings and limits', () => {
  it('validate prints warning lines and still exits 0', async () => {
    const r = await cli('validate', 'scenarios/two-towns.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('warning: shelters: total shelter capacity 400 is below the 2,485 people expected to head for shelters (1,655 by car, 830 by fleet)');
  });

  it('refuses a run that would not fit in memory unless --allow-large, before allocating it', async () => {
    const scenario = JSON.parse(readFileSync(bottleneck, 'utf8'));
    scenario.settlements[0].population = 2_000_000_000;
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-')), 'huge.json');
    writeFileSync(file, JSON.stringify(scenario));
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^settlements: the run would need about [\d.]+ GB of memory/);
    // --allow-large lifts the limit, not the machine's memory: beyond it the run could only be killed.
    const lifted = await cli('validate', file, '--allow-large');
    const fits = estimateBytes(parseScenario(scenario)) <= totalmem();
    expect(lifted.code).toBe(fits ? 0 : 2);
    if (!fits) expect(lifted.err).toMatch(/^settlements: the run would need about [\d.]+ GB of memory, more than this machine's [\d.]+ GB$/m);
  });
});

describe('output errors', () => {
  it('exits 2 with the reason when an output folder cannot be made', async () => {
    const parent = join(mkdtempSync(join(tmpdir(), 'evacsim-')), 'a-file');
    writeFileSync(parent, 'not a folder');
    const r = await cli('run', bottleneck, '--out', join(parent, 'out'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^evacsim: cannot write .*summary\.json: /);
  });
});
