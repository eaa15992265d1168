// ETE figures known in closed form, checked end to end: ete.csv, ete.json, the
// printed tables and the HTML report must all give them.
//
// The corridor: 5 km at 100 km/h (180 s; 3,600 veh/h, so the town loads a car a
// second), a 500 m bottleneck at 50 km/h (36 s) taking a car every 3600/900 = 4 s,
// 1 km at 100 km/h (36 s) to the exit. N cars of one person leaving at the order:
// the k-th (from 1) arrives 252 + 4(k − 1) s after it, reaches the bottleneck's
// start 180 + 4(k − 1) s after it, and its end 216 + 4(k − 1) s after it. The p-th
// share is reached by the ⌈p·N⌉-th person.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

function corridor(): any {
  return {
    name: 'ete-corridor',
    seed: 1,
    horizon: '6h',
    network: {
      nodes: [
        { id: 'town', x: 0, y: 0 }, { id: 'b', x: 5000, y: 0 }, { id: 'c', x: 5500, y: 0 }, { id: 'safe', x: 6500, y: 0 },
      ],
      roads: [
        { id: 'approach', from: 'town', to: 'b', class: 'trunk', lengthKm: 5, lanes: 2, speedKmh: 100, capacityVehPerHour: 3600, oneway: true },
        { id: 'bottleneck', from: 'b', to: 'c', class: 'local', lengthKm: 0.5, lanes: 1, speedKmh: 50, capacityVehPerHour: 900, oneway: true },
        { id: 'exit-road', from: 'c', to: 'safe', class: 'primary', lengthKm: 1, lanes: 1, speedKmh: 100, capacityVehPerHour: 1800, oneway: true },
      ],
    },
    settlements: [{ id: 'town', node: 'town', population: 1000, district: 'Corridor' }],
    shelters: [{ id: 'safe', node: 'safe' }],
    households: { size: 1, carShare: 1 },
    orders: [{ at: '10m', settlements: ['town'], compliance: 1, mobilization: { kind: 'fixed', median: 0 } }],
  };
}

function write(scenario: unknown): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-ete-closed-'));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  return { dir, file };
}

type Times = [number, number, number, number];

/** The p50, p90, p95 and p100 of `zone` × `variant` for everyone, from ete.csv, checked equal to ete.json's. */
function times(dir: string, zone: string, variant: string): Times {
  const [header, ...lines] = readFileSync(join(dir, 'ete.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  const line = lines.find((l) => l[0] === zone && l[1] === variant && l[2] === 'all');
  if (line === undefined) throw new Error(`no row ${zone}/${variant}`);
  const csv = (['p50', 'p90', 'p95', 'p100'] as const).map((k) => Number(line[header.indexOf(k)])) as Times;
  const json = JSON.parse(readFileSync(join(dir, 'ete.json'), 'utf8')).rows
    .find((r: any) => r.zone === zone && r.variant === variant && r.group === 'all');
  expect([json.p50, json.p90, json.p95, json.p100]).toEqual(csv);
  return csv;
}

describe('ETE of a zone behind one bottleneck', () => {
  test('every figure of the corridor and of variants that double the capacity or halve compliance', async () => {
    const scenario = corridor();
    scenario.variants = [
      { name: 'wide', set: { 'network.roads[id=bottleneck].capacityVehPerHour': 1800 } },
      { name: 'half', set: { 'orders[0].compliance': 0.5 } },
    ];
    const { dir, file } = write(scenario);
    const report = join(dir, 'ete.html');
    const r = await cli('ete', file, '--out', dir, '--report', report);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    for (const zone of ['all', 'Corridor']) {
      // 1,000 cars at 4 s: 252 + 4 × (499, 899, 949, 999).
      expect(times(dir, zone, 'base')).toEqual([2248, 3848, 4048, 4248]);
      // At 1,800 veh/h the bottleneck and the exit road take a car every 2 s: 252 + 2 × (499, 899, 949, 999).
      expect(times(dir, zone, 'wide')).toEqual([1250, 2050, 2150, 2250]);
      // 500 cars at 4 s: 252 + 4 × (249, 449, 474, 499).
      expect(times(dir, zone, 'half')).toEqual([1248, 2048, 2148, 2248]);
    }
    const csv = readFileSync(join(dir, 'ete.csv'), 'utf8');
    expect(csv).toContain('\nall,half,all,1000,500,500,0,600,1,');
    // The tables: to the second under an hour, to the minute from one on (3,848 s is 1h 4m 8s; 4,248 s is 1h 10m 48s).
    expect(r.out).toContain([
      '90 % of the people who could leave:',
      'zone         people   base     wide    half',
      'all       500–1,000  1h 4m  34m 10s  34m 8s',
      'Corridor  500–1,000  1h 4m  34m 10s  34m 8s',
      '',
      '100 % of the people who could leave:',
      'zone         people    base     wide     half',
      'all       500–1,000  1h 11m  37m 30s  37m 28s',
      'Corridor  500–1,000  1h 11m  37m 30s  37m 28s',
    ].join('\n'));
    const html = readFileSync(report, 'utf8');
    const cells = (id: string) => {
      const section = html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)));
      return [...section.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    };
    // Everyone, then the car group (the same people): zone, people, base, wide, half.
    const row90 = ['500–1,000', '1h 4m', '34m 10s', '34m 8s'];
    const row100 = ['500–1,000', '1h 11m', '37m 30s', '37m 28s'];
    expect(cells('ete90')).toEqual([...['all', ...row90, 'Corridor', ...row90], ...['all', ...row90, 'Corridor', ...row90]]);
    expect(cells('ete100')).toEqual([...['all', ...row100, 'Corridor', ...row100], ...['all', ...row100, 'Corridor', ...row100]]);
  });

  test('leaving the zone: a ring around the town is left at the bottleneck, a wider one at its end', async () => {
    const { dir, file } = write(corridor());
    const r = await cli('ete', file, '--end', 'zone', '--zones', 'rings:1,5.2km@town', '--zones', 'district', '--out', dir);
    expect(r.code).toBe(0);
    // The ring of 1 km holds the town alone: its cars leave it on reaching b, 180 + 4(k − 1) s after the order.
    expect(times(dir, '1km@town', 'base')).toEqual([2176, 3776, 3976, 4176]);
    // The ring of 5.2 km holds b too: left on reaching c, 216 + 4(k − 1) s after the order.
    expect(times(dir, '5.2km@town', 'base')).toEqual([2212, 3812, 4012, 4212]);
    // The district's area is every node (no other settlement is nearer): its people end at the exit.
    expect(times(dir, 'Corridor', 'base')).toEqual([2248, 3848, 4048, 4248]);
    expect(times(dir, 'all', 'base')).toEqual([2248, 3848, 4048, 4248]);
  });
});

describe('ETE of two zones with staggered orders', () => {
  // Zone B: 200 cars ordered at 1 h on a road of its own, 3 km at 90 km/h (120 s) taking a car every 3 s:
  // its j-th car arrives 120 + 3(j − 1) s after B's order.
  function staggered(): any {
    const s = corridor();
    s.network.nodes.push({ id: 'btown', x: 0, y: 20000 }, { id: 'bsafe', x: 3000, y: 20000 });
    s.network.roads.push({ id: 'b-road', from: 'btown', to: 'bsafe', class: 'primary', lengthKm: 3, lanes: 1, speedKmh: 90, capacityVehPerHour: 1200, oneway: true });
    s.settlements = [{ id: 'a', node: 'town', population: 1000, district: 'A' }, { id: 'b', node: 'btown', population: 200, district: 'B' }];
    s.shelters.push({ id: 'bsafe', node: 'bsafe' });
    s.orders = [
      { at: 0, settlements: ['a'], compliance: 1, mobilization: { kind: 'fixed', median: 0 } },
      { at: '1h', settlements: ['b'], compliance: 1, mobilization: { kind: 'fixed', median: 0 } },
    ];
    s.variants = [{ name: 'b-late', set: { 'orders[1].at': '2h' } }];
    return s;
  }

  test("each zone's clock starts at its own order; the whole area's at the first, over both zones' arrivals", async () => {
    const { dir, file } = write(staggered());
    const r = await cli('ete', file, '--out', dir, '--replications', '2');
    expect(r.code).toBe(0);
    for (const variant of ['base', 'b-late']) {
      expect(times(dir, 'A', variant)).toEqual([2248, 3848, 4048, 4248]);
      // 120 + 3 × (99, 179, 189, 199), whenever B's order comes.
      expect(times(dir, 'B', variant)).toEqual([417, 657, 687, 717]);
    }
    // All 1,200 from 0 s: A's cars at 252 + 4(k − 1), B's at 3,720 + 3(j − 1). The 600th is A's (2,648 s);
    // by 3,720 + u, 867 of A's before 3,720, then ⌊u/4⌋ + 1 of A's and ⌊u/3⌋ + 1 of B's: the 1,080th at
    // u = 363 (4,083 s), the 1,140th at u = 465 (4,185 s); the last is B's 200th, at 3,720 + 597 = 4,317 s.
    expect(times(dir, 'all', 'base')).toEqual([2648, 4083, 4185, 4317]);
    // B ordered at 2 h: A is out by 4,248 s, B's cars arrive at 7,320 + 3(j − 1): the 1,080th person is
    // B's 80th, the 1,140th its 140th, the last its 200th.
    expect(times(dir, 'all', 'b-late')).toEqual([2648, 7557, 7737, 7917]);
    const json = JSON.parse(readFileSync(join(dir, 'ete.json'), 'utf8'));
    const orderAt = (zone: string, variant: string) => json.rows.find((x: any) => x.zone === zone && x.variant === variant && x.group === 'all').orderAt;
    expect([orderAt('all', 'base'), orderAt('A', 'base'), orderAt('B', 'base'), orderAt('B', 'b-late')]).toEqual([0, 0, 3600, 7200]);
    // Runs that are alike give an interval of width 0 and no run with nobody to leave.
    const b = json.rows.find((x: any) => x.zone === 'B' && x.variant === 'base' && x.group === 'all');
    expect(b.ci95.p90).toEqual([657, 657]);
    expect(b.nobodyToLeave).toBe(0);
    expect(r.out).toMatch(/\nB\s+200\s+10m 57s ± 0s\s+10m 57s ± 0s\n/);
  });
});

describe('ETE of the car and transit-dependent groups', () => {
  test('cars leave first at the road\'s headway; the bus, boarded in 100 s, joins the town\'s queue behind them', async () => {
    // 100 people, half with cars; one bus of 50 seats parked in the town, 2 s a person to board. One road out:
    // 3 km at 90 km/h (120 s), a vehicle every 3 s. The cars enter at 0, 3, …, 147 s after the order and arrive
    // 120 s later; the bus, ready at 100 s, waits in the town's one queue behind them, enters at 150 s, arrives at 270 s.
    const { dir, file } = write({
      name: 'ete-bus', seed: 1, horizon: '6h',
      network: {
        nodes: [{ id: 'v', x: 0, y: 0 }, { id: 'exit', x: 3000, y: 0 }],
        roads: [{ id: 'r', from: 'v', to: 'exit', class: 'primary', lengthKm: 3, lanes: 1, speedKmh: 90, capacityVehPerHour: 1200 }],
      },
      settlements: [{ id: 'v', node: 'v', population: 100, district: 'V' }],
      shelters: [{ id: 'exit', node: 'exit' }],
      households: { size: 1, carShare: 0.5 },
      orders: [{ at: '10m', settlements: ['v'], compliance: 1, mobilization: { kind: 'fixed', median: 0 } }],
      fleets: [{ id: 'bus', depot: 'v', vehicles: 1, seats: 50, boardingSecondsPerPerson: 2, serves: ['v'] }],
    });
    const r = await cli('ete', file, '--out', dir);
    expect(r.code).toBe(0);
    const [header, ...lines] = readFileSync(join(dir, 'ete.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const row = (group: string) => ['told', 'people', 'p50', 'p90', 'p95', 'p100'].map((k) => Number(lines.find((l) => l[0] === 'V' && l[2] === group)![header.indexOf(k)]));
    // Cars: the 25th, 45th, 48th and 50th car, 120 + 3 × (24, 44, 47, 49).
    expect(row('car')).toEqual([50, 50, 192, 252, 261, 267]);
    expect(row('transit-dependent')).toEqual([50, 50, 270, 270, 270, 270]);
    // Everyone: the 50th person is the last car's; the 90th rides the bus.
    expect(row('all')).toEqual([100, 100, 267, 270, 270, 270]);
  });
});
