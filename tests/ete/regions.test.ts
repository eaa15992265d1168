// An ETE study's regions: each zone evacuated alone (`--regions`), its times from runs in
// which only its settlements are ordered, as NUREG/CR-7002 asks of the 2-mile ring, each
// keyhole and the whole EPZ; "all" is the scenario as written. Two districts of 600 cars
// each, leaving uniformly over an hour, share one 600 veh/h road out:
//   A ──┐
//       m ══ 6 km, 600 veh/h ══► x (exit)
//   B ──┘
import { describe, expect, it } from 'vitest';
import { eteJson, eteText } from '../../src/ete/output.js';
import { regionScenario } from '../../src/ete/region.js';
import { runEteStudy } from '../../src/ete/study.js';
import { renderEteReport } from '../../src/html/ete-report.js';
import { buildZones } from '../../src/ete/zones.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { cli } from '../helpers/cli.js';

const raw = {
  name: 'two-districts', horizon: '2d', seed: 3,
  network: {
    nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 0, y: 4000 }, { id: 'm', x: 3000, y: 2000 }, { id: 'x', x: 9000, y: 2000 }],
    roads: [
      { id: 'a-m', from: 'a', to: 'm', class: 'secondary', oneway: true },
      { id: 'b-m', from: 'b', to: 'm', class: 'secondary', oneway: true },
      { id: 'm-x', from: 'm', to: 'x', lanes: 1, speedKmh: 50, capacityVehPerHour: 600, oneway: true },
    ],
  },
  settlements: [{ id: 'a', node: 'a', population: 1500, district: 'A' }, { id: 'b', node: 'b', population: 1500, district: 'B' }],
  shelters: [{ id: 'x', node: 'x' }],
  households: { size: 2.5, carShare: 1 },
  orders: [{ at: 0, districts: ['A', 'B'], compliance: 1, mobilization: { kind: 'uniform', median: '30m' } }],
};
const scenario = parseScenario(raw);
const p100 = (study: ReturnType<typeof runEteStudy>, zone: string) => study.rows.find((r) => r.zone === zone && r.group === 'all')?.p100 as number;

describe('ETE regions', () => {
  it('a zone evacuated alone has the road to itself; together they share it', () => {
    const together = runEteStudy([{ name: 'base', scenario }], { zones: [{ kind: 'district' }] });
    const alone = runEteStudy([{ name: 'base', scenario }], { zones: [{ kind: 'district' }], regions: true });
    // 1,200 cars at 600 veh/h: the last leaves the road two hours on, then 6 km at 50 km/h.
    for (const zone of ['all', 'A', 'B']) expect(p100(together, zone)).toBeGreaterThan(7200 + 600);
    expect(p100(alone, 'all')).toBe(p100(together, 'all'));
    // 600 cars arriving at the road's capacity over the hour: the hour, the drive and a little queue.
    for (const zone of ['A', 'B']) {
      expect(p100(alone, zone)).toBeGreaterThan(3600 + 600);
      expect(p100(alone, zone)).toBeLessThan(3600 + 1200);
    }
    expect(alone.regions).toBe(true);
    expect(JSON.parse(eteJson(alone)).regions).toBe(true);
    expect(eteText(alone, 'two-districts')).toContain('Each zone evacuated alone');
    expect(eteText(together, 'two-districts')).not.toContain('Each zone evacuated alone');
  });

  it('gives each zone\'s shadow evacuees: alone, the other district\'s untold leave anyway', () => {
    // shadowShare 0.2: as written, everyone is told and nobody is a shadow evacuee; A alone
    // leaves B's 1,500 untold, of whom 300 leave anyway (and the same for B alone).
    const shadowy = parseScenario({ ...raw, shadowShare: 0.2 });
    const alone = runEteStudy([{ name: 'base', scenario: shadowy }], { zones: [{ kind: 'district' }], regions: true });
    expect(alone.regionShadow).toEqual([{ variant: 'base', zones: [{ zone: 'all', shadow: 0 }, { zone: 'A', shadow: 300 }, { zone: 'B', shadow: 300 }] }]);
    const text = eteText(alone, 'two-districts').split('\n');
    const at = text.indexOf("Shadow evacuees, never told and leaving anyway, in each zone's runs:");
    expect(text.slice(at + 1, at + 5)).toEqual(['  zone  base', '  all      0', '  A      300', '  B      300']);
    expect(JSON.parse(eteJson(alone)).regionShadow[0].zones[1]).toEqual({ zone: 'A', shadow: 300 });
    expect(renderEteReport(alone, 'two-districts')).toContain('<pre class="meta">  zone  base\n  all      0\n  A      300\n  B      300</pre>');
    // Without regions the runs are the scenario's: no region table, no key in the JSON.
    const together = runEteStudy([{ name: 'base', scenario: shadowy }], { zones: [{ kind: 'district' }] });
    expect(together.regionShadow).toEqual([]);
    expect(JSON.parse(eteJson(together))).not.toHaveProperty('regionShadow');
    expect(eteText(together, 'two-districts')).not.toContain('Shadow evacuees');
  });

  it('orders only the zone\'s settlements, each at the instant of the order that told it', () => {
    const zones = buildZones(scenario, [{ kind: 'district' }]);
    const b = regionScenario(scenario, zones.find((z) => z.id === 'B')!);
    expect(b.orders).toEqual([{ ...scenario.orders[0], districts: [], withinKmOf: null, settlements: ['b'] }]);
  });

  it('counts a run per zone, variant and replication, and says so in the limit', async () => {
    let runs = 0;
    runEteStudy([{ name: 'base', scenario }, { name: 'again', scenario }], { zones: [{ kind: 'district' }], regions: true, replications: 2, onRun: (_, total) => (runs = total) });
    expect(runs).toBe(2 * 2 * 3);
    const r = await cli('ete', 'scenarios/bottleneck.json', '--regions', '--zones', 'settlement', '--replications', '6000000');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--replications 6000000 × 1 variant × 2 zones evacuated alone = [\d,]+ runs, above the limit/);
  });
});
