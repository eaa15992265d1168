// Network analysis on small networks whose answers are known by hand, and on
// every shipped scenario checked against the validator's own reachability search.
//
//   s ─a→ m ─b→ x ─c1→ E        every road 1 km at 60 km/h (60 s) unless said
//               └─c2→ y ─d→ E
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { analyzeNetwork } from '../../src/analysis/analyze.js';
import { edgeBetweenness, MAX_BETWEENNESS_NODES } from '../../src/analysis/betweenness.js';
import type { RoadGraph } from '../../src/network/build-graph.js';
import { formatNetworkAnalysis } from '../../src/analysis/text.js';
import { unreachableSettlements } from '../../src/network/reachability.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import type { RoadSpec, Scenario } from '../../src/scenario/types.js';
import { exit, road, scenario, settlement } from '../helpers/build.js';
import { cli } from '../helpers/cli.js';
import { generate, scenarioJson } from '../../src/generate/index.js';

const at60 = (fields: Partial<RoadSpec> = {}): Partial<RoadSpec> => ({ speedKmh: 60, ...fields });

function diamond(capacities: Record<string, number>, lengths: Record<string, number> = {}): Scenario {
  const r = (id: string, from: string, to: string) =>
    road(id, from, to, at60({ capacityVehPerHour: capacities[id] ?? 1000, lengthKm: lengths[id] ?? 1 }));
  return scenario({
    nodes: ['s', 'm', 'x', 'y', 'E'],
    network: {
      nodes: ['s', 'm', 'x', 'y', 'E'].map((id, i) => ({ id, x: i * 1000, y: 0 })),
      roads: [r('a', 's', 'm'), r('b', 'm', 'x'), r('c1', 'x', 'E'), r('c2', 'x', 'y'), r('d', 'y', 'E')],
    },
    settlements: [settlement('town', 's', 100)],
    shelters: [exit('safety', 'E')],
  });
}

describe('analyzeNetwork', () => {
  it('gives each settlement its destinations with the free-flow time of the fastest route', () => {
    const a = analyzeNetwork(diamond({}));
    expect(a.settlements).toMatchObject([{ id: 'town', population: 100, reaches: [{ id: 'safety', kind: 'exit' }], criticalLinks: ['a', 'b'] }]);
    expect(a.settlements[0].reaches[0].seconds).toBeCloseTo(180, 9);
  });

  it('ranks as critical exactly the links every route uses, by the people behind them', () => {
    const s = diamond({});
    s.network.nodes.push({ id: 'n', x: 0, y: 1000 });
    s.network.roads.push(road('n-m', 'n', 'm', at60()));
    s.settlements.push(settlement('village', 'n', 30));
    const a = analyzeNetwork(s);
    expect(a.criticalRoads.map((r) => [r.link, r.people, r.settlements])).toEqual([
      ['b', 130, ['town', 'village']],
      ['a', 100, ['town']],
      ['n-m', 30, ['village']],
    ]);
  });

  it('a two-way road is two links, and only the direction out is critical', () => {
    const s = diamond({});
    s.network.roads[0].oneway = false;
    expect(analyzeNetwork(s).criticalRoads.map((r) => r.link)).toEqual(['a', 'b']);
  });

  it('sends the people by the fastest route only, and splits them over equally fast routes by their number', () => {
    const fastest = analyzeNetwork(diamond({})).busiestRoads;
    expect(fastest.map((r) => [r.link, r.people])).toEqual([['a', 100], ['b', 100], ['c1', 100]]);
    const tied = analyzeNetwork(diamond({}, { c1: 2 })).busiestRoads;
    expect(Object.fromEntries(tied.map((r) => [r.link, r.people]))).toEqual({ a: 100, b: 100, c1: 50, c2: 50, d: 50 });
  });

  it('splits the people over equally fast parallel links, and leaves a slower one out', () => {
    // A second road m → x as fast as b (a second bridge of the same class), and a slower third.
    const s = diamond({});
    s.network.roads.push(road('b2', 'm', 'x', at60({ lengthKm: 1 })), road('b3', 'm', 'x', at60({ lengthKm: 2 })));
    const load = Object.fromEntries(analyzeNetwork(s).busiestRoads.map((r) => [r.link, r.people]));
    expect(load).toEqual({ a: 100, b: 50, b2: 50, c1: 100 });
  });

  it('ranks links by edge betweenness over all node pairs, ties split, slower parallel links left out', () => {
    // 20 ordered pairs of 5 nodes; a is on s→m, s→x, s→y, s→E; b on six; c1 on s→E, m→E, x→E.
    // In pairs (× 20), rounded off floating-point sums.
    const shares = (s: Scenario) => Object.fromEntries((analyzeNetwork(s).centralRoads ?? []).map((r) => [r.link, Math.round(r.betweenness * 20 * 1e9) / 1e9]));
    expect(shares(diamond({}))).toEqual({ a: 4, b: 6, c1: 3, c2: 3, d: 1 });
    // c1 twice as long: x→E ties between c1 and c2→d, so s→E, m→E and x→E each count half on either side.
    expect(shares(diamond({}, { c1: 2 }))).toEqual({ a: 4, b: 6, c1: 1.5, c2: 4.5, d: 2.5 });
    const parallel = diamond({});
    parallel.network.roads.push(road('a-slow', 's', 'm', at60({ lengthKm: 3 })));
    expect(shares(parallel)).toEqual(shares(diamond({})));
    const large = new MultiDirectedGraph() as RoadGraph;
    for (let i = 0; i <= MAX_BETWEENNESS_NODES; i++) large.addNode(`n${i}`, { x: i, y: 0 });
    expect(edgeBetweenness(large)).toBeNull();
  });

  it('finds the minimum cut and the bound of one vehicle per household across it', () => {
    // Through x: c1 (300) beside c2→d (min 400, 200): 500 < b (600) < a (1000).
    const a = analyzeNetwork(diamond({ a: 1000, b: 600, c1: 300, c2: 400, d: 200 }));
    const town = a.cuts.find((c) => c.zone === 'town');
    expect(town).toEqual({ kind: 'settlement', zone: 'town', population: 100, capacityVehPerHour: 500, cut: ['c1', 'd'], lowerBoundHours: 100 / 500 });
    const s = diamond({ a: 1000, b: 450, c1: 300, c2: 400, d: 200 });
    s.households.size = 4;
    const narrow = analyzeNetwork(s).cuts.find((c) => c.zone === 'town');
    expect(narrow).toMatchObject({ capacityVehPerHour: 450, cut: ['b'], lowerBoundHours: 100 / 4 / 450 });
  });

  it('cuts at what a road carries: the top of its triangle where that is below its stated capacity', () => {
    // b: 10 km, one lane at 90 km/h, 1,800 veh/h stated, backward wave 10 km/h: a jam of
    // 10,000 / 7.5 vehicles over 10/90 h + 10/10 h is 1,200 veh/h. Every other road is wider.
    const s = diamond({ a: 5000, b: 1800, c1: 2000, c2: 2000, d: 2000 }, { b: 10 });
    s.network.roads[1] = { ...s.network.roads[1], speedKmh: 90, waveSpeedKmh: 10 };
    const cut = analyzeNetwork(s).cuts.find((c) => c.zone === 'town');
    expect(cut?.cut).toEqual(['b']);
    expect(cut?.capacityVehPerHour).toBeCloseTo(1200, 9);
    expect(cut?.lowerBoundHours).toBeCloseTo(100 / 1200, 12);
  });

  it("counts each settlement's households at its own household size, its district's or the scenario's", () => {
    // town (100 people) in a district of 2-person households, village (60) of 3-person ones of its own: 50 + 20 households.
    const s = diamond({ a: 1000, b: 500, c1: 300, c2: 400, d: 200 });
    s.households.size = 4;
    s.settlements[0] = { ...s.settlements[0], district: 'D' };
    s.households.districts = { D: { size: 2 } };
    s.network.nodes.push({ id: 'v', x: 0, y: 1000 });
    s.network.roads.push(road('v-m', 'v', 'm', at60({ capacityVehPerHour: 1000 })));
    s.settlements.push({ ...settlement('village', 'v', 60), district: 'D', households: { size: 3 } });
    const cuts = analyzeNetwork(s).cuts;
    expect(cuts.find((c) => c.zone === 'town')?.lowerBoundHours).toBeCloseTo(50 / 500, 12);
    expect(cuts.find((c) => c.zone === 'village')?.lowerBoundHours).toBeCloseTo(20 / 500, 12);
    expect(cuts.find((c) => c.zone === 'D')?.lowerBoundHours).toBeCloseTo(70 / 500, 12);
    expect(cuts.find((c) => c.zone === 'all')?.lowerBoundHours).toBeCloseTo(70 / 500, 12);
  });

  it('leaves rail links out, and reports a settlement at its destination or cut off as such', () => {
    const s = diamond({});
    s.network.roads[1].mode = 'rail';
    s.settlements.push(settlement('harbour', 'E', 10));
    const a = analyzeNetwork(s);
    expect(a.settlements[0]).toMatchObject({ reaches: [], criticalLinks: [] });
    expect(a.settlements[1].reaches).toEqual([{ id: 'safety', kind: 'exit', seconds: 0 }]);
    expect(a.cuts.find((c) => c.zone === 'town')).toMatchObject({ capacityVehPerHour: null, lowerBoundHours: null });
    expect(a.cuts.find((c) => c.zone === 'harbour')).toMatchObject({ capacityVehPerHour: null, cut: [] });
  });
});

describe('on every shipped scenario', () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') || f.endsWith('.jsonc')).map((f) => `scenarios/${f}`);

  it.each(files)('%s: closing a road behind a critical link cuts its settlements off', (file) => {
    const s = loadScenarioFile(file);
    const a = analyzeNetwork(s);
    expect(a.settlements.map((x) => x.id)).toEqual(s.settlements.map((x) => x.id));
    for (const critical of a.criticalRoads) {
      const without = structuredClone(s);
      without.network.roads = without.network.roads.filter((r) => r.id !== critical.road);
      const cut = unreachableSettlements(without).map((i) => s.settlements[Number(/\d+/.exec(i.path)?.[0])].id);
      expect(cut).toEqual(expect.arrayContaining(critical.settlements));
    }
    for (const c of a.cuts) {
      if (c.capacityVehPerHour === null) continue;
      const without = structuredClone(s);
      const links = new Set(c.cut);
      // A cut link's road closed in both directions: the zone's settlements no longer reach safety.
      without.network.roads = without.network.roads.filter((r) => !links.has(r.id) && !links.has(`${r.id}:back`));
      const stranded = new Set(unreachableSettlements(without).map((i) => s.settlements[Number(/\d+/.exec(i.path)?.[0])].id));
      const zone = c.kind === 'settlement' ? [c.zone] : s.settlements.filter((x) => c.kind === 'all' || x.district === c.zone).map((x) => x.id);
      // Every settlement of the zone behind the cut is stranded (those at a destination excepted).
      const behind = zone.filter((id) => !s.shelters.some((d) => d.node === s.settlements.find((x) => x.id === id)?.node));
      expect(behind.every((id) => stranded.has(id))).toBe(true);
    }
    expect(formatNetworkAnalysis(a)).toContain('Minimum cuts');
  });

  it('says no link is critical in words that hold for a settlement at its destination and one with two ways out', () => {
    // The diamond without a and b: town at x, with c1 and c2→d to E; a village at E itself.
    const s = diamond({});
    s.network.roads = s.network.roads.filter((r) => r.id !== 'a' && r.id !== 'b');
    s.settlements = [settlement('town', 'x', 100), settlement('village', 'E', 50)];
    const a = analyzeNetwork(s);
    expect(a.criticalRoads).toEqual([]);
    expect(formatNetworkAnalysis(a)).toContain('\nnone: closing any one link leaves every settlement that reaches safety a way there\n');
  });

  it('evacsim network prints the text, and the same analysis as JSON with --json', async () => {
    const text = await cli('network', 'scenarios/kursk-2024.json');
    expect(text.code).toBe(0);
    expect(text.out).toContain('glushkovo-seym-bridge:back');
    const json = await cli('network', 'scenarios/kursk-2024.json', '--json');
    expect(JSON.parse(json.out)).toEqual(JSON.parse(JSON.stringify(analyzeNetwork(loadScenarioFile('scenarios/kursk-2024.json')))));
    const bad = await cli('network', 'scenarios/none.json');
    expect(bad.code).toBe(2);
  });

  it('evacsim network shows its progress on stderr from a thousand settlements on, unless --quiet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-network-'));
    try {
      // A 32 × 32 street grid: 1,024 junctions, each a settlement.
      const file = join(dir, 'grid.json');
      writeFileSync(file, scenarioJson(generate('grid', { people: 100_000, seed: 1 })));
      const shown = await cli('network', file, '--json');
      expect(shown.code).toBe(0);
      expect(shown.err).toMatch(/^1024\/1024 settlements \(100%\)/m);
      expect(shown.err.trim().split('\n').length).toBeGreaterThanOrEqual(10);
      const quiet = await cli('network', file, '--json', '--quiet');
      expect(quiet.err).toBe('');
      expect(quiet.out).toBe(shown.out);
      // Below a thousand settlements there is nothing to wait for.
      expect((await cli('network', 'scenarios/kursk-2024.json')).err).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
