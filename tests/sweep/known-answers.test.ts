// The research workflow on cases whose answers are known beforehand: a sweep's
// clearance and sensitivity on a corridor in closed form, indices of metrics that
// depend on one parameter alone, and a calibration whose accepted set follows from
// the target's band.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { closedFormTowns } from '../helpers/closed-form-towns.js';

/**
 * 1,000 people of one town, one a car, all off at 10 min: 5 km at 100 km/h (180 s), a 500 m
 * bottleneck at 50 km/h (36 s) taking a car every 3600/C s, 1 km at 100 km/h (36 s). The k-th
 * car arrives 600 + 252 + (3600/C)(k − 1) s after the start while C ≤ 1,800 veh/h (the exit road's).
 * A second town of 200, on a road of its own, is told at 1 h.
 */
function corridor(): any {
  return closedFormTowns('known-answers', '6h', '10m');
}

function folder(scenario: unknown): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-known-'));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  return { dir, file };
}

function table(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n').map((l) => l.split(','));
  return lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]])));
}

describe('a grid sweep of the bottleneck capacity', () => {
  it('gives the closed-form clearance at each point, and their difference as the sensitivity', async () => {
    const scenario = corridor();
    scenario.settlements.pop();
    scenario.shelters.pop();
    scenario.orders.pop();
    const { dir, file } = folder(scenario);
    const out = join(dir, 'sweep');
    const r = await cli('sweep', file, '--set', 'network.roads[id=bottleneck].capacityVehPerHour=900,1800', '--replications', '2',
      '--metric', 'clearance.p90', '--metric', 'clearance.p100', '--workers', '0', '--quiet', '--out', out);
    expect(r.code).toBe(0);
    const runs = table(join(out, 'runs.csv'));
    // 600 + 252 + 4 × (899, 999) and 600 + 252 + 2 × (899, 999), in every replication.
    expect(runs.map((x) => [x['network.roads[id=bottleneck].capacityVehPerHour'], x['clearance.p90'], x['clearance.p100']])).toEqual([
      ['900', '4448', '4848'], ['1800', '2650', '2850'], ['900', '4448', '4848'], ['1800', '2650', '2850'],
    ]);
    const summary = table(join(out, 'summary.csv')).filter((x) => x.metric === 'clearance.p90');
    expect(summary.map((x) => [x.mean, x.sd, x.ciLow, x.ciHigh, x.median])).toEqual([
      ['4448', '0', '4448', '4448', '4448'], ['2650', '0', '2650', '2650', '2650'],
    ]);
    const sensitivity = table(join(out, 'sensitivity.csv'));
    expect(sensitivity.map((x) => [x.metric, x.change])).toEqual([['clearance.p90', '-1798'], ['clearance.p100', '-1998']]);
  });
});

describe('sensitivity indices of metrics that each depend on one parameter alone', () => {
  // Town a's people told are its population; town b's compliant people are round(200 × compliance).
  const args = ['--set', 'settlements[id=a].population=100:1000:1', '--set', 'orders[1].compliance=0.2:1',
    '--metric', 'settlements[id=a].told', '--metric', 'settlements[id=b].complied', '--workers', '0', '--quiet', '--seed', '1'];
  const index = (rows: Record<string, string>[], parameter: string, metric: string, name: string) =>
    Number(rows.find((x) => x.parameter === parameter && x.metric === metric && x.index === name)!.value);

  it('Sobol: the other parameter has indices of exactly 0; its own are near 1, within their intervals', async () => {
    const { dir, file } = folder(corridor());
    const r = await cli('sweep', file, '--method', 'sobol', '--samples', '32', ...args, '--out', join(dir, 'sobol'));
    expect(r.code).toBe(0);
    const rows = table(join(dir, 'sobol', 'sensitivity.csv'));
    for (const name of ['S1', 'ST']) {
      expect(index(rows, 'orders[1].compliance', 'settlements[id=a].told', name)).toBe(0);
      expect(index(rows, 'settlements[id=a].population', 'settlements[id=b].complied', name)).toBe(0);
      for (const [parameter, metric] of [['settlements[id=a].population', 'settlements[id=a].told'], ['orders[1].compliance', 'settlements[id=b].complied']]) {
        const row = rows.find((x) => x.parameter === parameter && x.metric === metric && x.index === name)!;
        expect(Number(row.ciLow)).toBeLessThan(1);
        expect(Number(row.ciHigh)).toBeGreaterThan(1);
        expect(Math.abs(Number(row.value) - 1)).toBeLessThan(0.2);
      }
    }
  });

  it('Morris: each metric moves by its own parameter only, by the exact elementary effect', async () => {
    const { dir, file } = folder(corridor());
    const r = await cli('sweep', file, '--method', 'morris', '--trajectories', '6', ...args, '--out', join(dir, 'morris'));
    expect(r.code).toBe(0);
    const rows = table(join(dir, 'morris', 'sensitivity.csv'));
    // Population over 100..1,000 on 4 levels (100, 400, 700, 1,000): a step of 600 people, 2/3 of the range: 900 per range.
    expect(index(rows, 'settlements[id=a].population', 'settlements[id=a].told', 'mu')).toBeCloseTo(900, 9);
    expect(index(rows, 'settlements[id=a].population', 'settlements[id=a].told', 'muStar')).toBeCloseTo(900, 9);
    // Compliance levels 0.2, 0.467, 0.733, 1: 40, 93, 147 and 200 people; each step of 2/3 adds 107: 107 × 3/2 = 160.5.
    expect(index(rows, 'orders[1].compliance', 'settlements[id=b].complied', 'mu')).toBeCloseTo(160.5, 9);
    expect(index(rows, 'orders[1].compliance', 'settlements[id=b].complied', 'muStar')).toBeCloseTo(160.5, 9);
    for (const name of ['mu', 'muStar', 'sigma']) {
      expect(index(rows, 'orders[1].compliance', 'settlements[id=a].told', name)).toBe(0);
      expect(index(rows, 'settlements[id=a].population', 'settlements[id=b].complied', name)).toBe(0);
    }
  });
});

describe('calibrate on one free parameter', () => {
  it('accepts exactly the compliances whose evacuated count falls in the target band', async () => {
    const scenario = corridor();
    scenario.settlements.pop();
    scenario.shelters.pop();
    scenario.orders.pop();
    // 500 ± 2 %: 490 to 510 of 1,000 people, round(1,000 × compliance), so compliance in [0.4895, 0.5105).
    scenario.targets = [{ metric: 'people.evacuated', value: 500, tolerance: 0.02 }];
    const { dir, file } = folder(scenario);
    const out = join(dir, 'cal');
    const r = await cli('calibrate', file, '--free', 'orders[0].compliance=0.3:0.7', '--samples', '100', '--seed', '2', '--workers', '0', '--quiet', '--out', out);
    expect(r.code).toBe(0);
    const runs = table(join(out, 'runs.csv'));
    expect(runs).toHaveLength(100);
    // A Latin hypercube: one draw in each 0.004 of the range.
    expect(runs.map((x) => Math.floor((Number(x['orders[0].compliance']) - 0.3) / 0.004)).sort((p, q) => p - q)).toEqual([...Array(100).keys()]);
    for (const x of runs) expect(Number(x['targets[0].actual'])).toBe(Math.round(1000 * Number(x['orders[0].compliance'])));
    const inBand = runs.filter((x) => Number(x['orders[0].compliance']) >= 0.4895 && Number(x['orders[0].compliance']) < 0.5105).map((x) => x.run);
    const accepted = table(join(out, 'accepted.csv')).map((x) => x.run);
    expect(accepted).toEqual(inBand);
    expect(accepted.length).toBeGreaterThanOrEqual(5);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain(`${accepted.length} of 100 runs met every target of the scenario`);
  });
});
