// A sweep reads evacuation time estimates by name: `ete.<zone>.<group>.<p50|p90|p95|p100|people>`,
// zones `all` and each district, from the zone's order, in seconds to the millisecond
// (empty, and counted as censored, when not reached); a row the scenario has not is
// refused before any run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/index.js';
import { summarize } from '../../src/report/summary.js';
import { compileMetrics, runMetrics } from '../../src/sweep/metrics.js';
import { checkMetrics } from '../../src/sweep/sweep.js';
import { buildZones } from '../../src/ete/zones.js';
import { eteRows } from '../../src/ete/table.js';
import { InputError } from '../../src/errors.js';

const raw = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));

describe('ETE metrics of a sweep', () => {
  it('read the rows of the ete tables: North from its order at 30 min, the towns together, the car group', () => {
    const scenario = parseScenario(raw);
    const result = simulate(scenario);
    const rows = eteRows(result, scenario, buildZones(scenario, [{ kind: 'district' }]));
    const row = (zone: string, group: string) => rows.find((r) => r.zone === zone && r.group === group);
    const metrics = compileMetrics(['ete.North.all.p90', 'ete.all.car.people', 'ete.South.transit-dependent.p100']);
    const read = runMetrics(metrics, { scenario, result, summary: summarize(result, scenario) });
    expect(read).toEqual({
      'ete.North.all.p90': Math.round((row('North', 'all')?.p90 as number) * 1000) / 1000,
      'ete.all.car.people': row('all', 'car')?.people,
      'ete.South.transit-dependent.p100': Math.round((row('South', 'transit-dependent')?.p100 as number) * 1000) / 1000,
    });
    // From North's order (30 min), not from the start: below its clearance from the start by the order's time.
    const north = summarize(result, scenario).settlements.find((s) => s.id === 'north');
    expect(read['ete.North.all.p90']).toBeLessThan((north?.clearance as number) - 1800 + 1e-6);
    expect(metrics.map((m) => [m.unit, m.censorable])).toEqual([['s', true], ['people', false], ['s', true]]);
  });

  it('read the vehicle demand as ete.<zone>.<group>.cars, in vehicles', () => {
    const scenario = parseScenario(raw);
    const result = simulate(scenario);
    const rows = eteRows(result, scenario, buildZones(scenario, [{ kind: 'district' }]));
    const metrics = compileMetrics(['ete.North.all.cars', 'ete.all.transit-dependent.cars']);
    const read = runMetrics(metrics, { scenario, result, summary: summarize(result, scenario) });
    expect(read['ete.North.all.cars']).toBe(rows.find((r) => r.zone === 'North' && r.group === 'all')?.cars);
    expect(read['ete.North.all.cars']).toBeGreaterThan(0);
    expect(read['ete.all.transit-dependent.cars']).toBe(0);
    expect(metrics.map((m) => [m.unit, m.censorable])).toEqual([['vehicles', false], ['vehicles', false]]);
  });

  it('refuse a zone or group the scenario has not, before any run, naming its rows', () => {
    expect(() => checkMetrics(raw, ['ete.Nowhere.all.p90'])).toThrow(InputError);
    expect(() => checkMetrics(raw, ['ete.Nowhere.all.p90'])).toThrow(/^--metric ete\.Nowhere\.all\.p90: no ETE row ete\.Nowhere\.all in this scenario; its rows are ete\.all\.all, /);
    expect(() => checkMetrics(raw, ['ete.North.special-facilities.p90'])).toThrow(/no ETE row ete\.North\.special-facilities/);
    expect(() => checkMetrics(raw, ['ete.North.all.p90', 'ete.all.all.people'])).not.toThrow();
  });

  it('read trip generation as ete.<zone>.<group>.ready.<share>, in seconds from the order', () => {
    const scenario = parseScenario(raw);
    const result = simulate(scenario);
    const row = eteRows(result, scenario, buildZones(scenario, [{ kind: 'district' }])).find((r) => r.zone === 'North' && r.group === 'all');
    const metrics = compileMetrics(['ete.North.all.ready.p90']);
    const read = runMetrics(metrics, { scenario, result, summary: summarize(result, scenario) });
    expect(read['ete.North.all.ready.p90']).toBe(Math.round((row?.ready.p90 as number) * 1000) / 1000);
    expect(metrics[0].meaning).toMatch(/ready to set out \(trip generation/);
    expect(() => checkMetrics(raw, ['ete.Nowhere.all.ready.p90'])).toThrow(/no ETE row ete\.Nowhere\.all in this scenario; its rows are ete\.all\.all, ete\.all\.car,/);
  });
});
