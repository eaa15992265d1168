import { describe, expect, it } from 'vitest';
import { evaluateTarget, evaluateTargets, meetsTarget, readMetric } from '../../src/report/targets.js';
import { BUSES, TINY_ROWS, makeResult, target } from './fixtures.js';

const tiny = makeResult(TINY_ROWS, { fleets: [BUSES] });

describe('meetsTarget', () => {
  it('accepts a figure within the relative tolerance, boundaries included', () => {
    const t = { value: 100, tolerance: 0.1, min: null, max: null };
    expect(meetsTarget(110, t)).toBe(true);
    expect(meetsTarget(90, t)).toBe(true);
    expect(meetsTarget(110.5, t)).toBe(false);
    expect(meetsTarget(1.1, { ...t, value: 1 })).toBe(true);
  });

  it('uses [min, max] instead of the tolerance when a bound is given', () => {
    const t = { value: 0, tolerance: 0, min: 10, max: 20 };
    expect(meetsTarget(10, t)).toBe(true);
    expect(meetsTarget(20, t)).toBe(true);
    expect(meetsTarget(21, t)).toBe(false);
    expect(meetsTarget(1e9, { ...t, max: null })).toBe(true);
    expect(meetsTarget(-5, { ...t, min: null })).toBe(true);
  });

  it('never accepts a figure that was not reached', () => {
    expect(meetsTarget(null, { value: 0, tolerance: 1, min: null, max: null })).toBe(false);
  });
});

describe('evaluateTarget', () => {
  it('reads people at the end of the run by default, and at `at` when given', () => {
    expect(evaluateTarget(tiny, target({ metric: 'people.evacuated', value: 90 }))).toMatchObject({
      actual: 90,
      ok: true,
    });
    expect(evaluateTarget(tiny, target({ metric: 'people.evacuated', at: 5000, value: 90 }))).toMatchObject({
      actual: 50,
      ok: false,
    });
  });

  it('passes within the tolerance and fails outside it', () => {
    const near = target({ metric: 'people.evacuated', value: 93, tolerance: 0.04 });
    const far = target({ metric: 'people.evacuated', value: 95, tolerance: 0.04 });
    expect(evaluateTarget(tiny, near).ok).toBe(true);
    expect(evaluateTarget(tiny, far).ok).toBe(false);
  });

  it('checks min and max', () => {
    expect(evaluateTarget(tiny, target({ metric: 'people.trapped', min: 15, max: 25 })).ok).toBe(true);
    expect(evaluateTarget(tiny, target({ metric: 'people.trapped', max: 10 })).ok).toBe(false);
  });

  it('reads within a scope', () => {
    const beta = target({ metric: 'people.evacuated', scope: { settlement: 'b' }, value: 40 });
    expect(evaluateTarget(tiny, beta)).toMatchObject({ actual: 40, ok: true, scope: { settlement: 'b' } });
    const north = target({ metric: 'clearance.p50', scope: { district: 'North' }, value: 1800 });
    expect(evaluateTarget(tiny, north)).toMatchObject({ actual: 1800, ok: true });
  });

  it('fails a clearance that was never reached', () => {
    expect(evaluateTarget(tiny, target({ metric: 'clearance.p100', value: 0, max: 1e9 }))).toMatchObject({
      actual: null,
      ok: false,
    });
  });

  it('reads vehicles, fleets, shelters and throughput', () => {
    expect(readMetric(tiny, 'vehicles.arrived', null, null)).toEqual({ actual: 25 });
    expect(readMetric(tiny, 'fleets.buses.carried', null, null)).toEqual({ actual: 40 });
    expect(readMetric(tiny, 'shelters.east.arrived', null, null)).toEqual({ actual: 60 });
    expect(readMetric(tiny, 'shelters.east.arrived', 6000, null)).toEqual({ actual: 20 });
    expect(readMetric(tiny, 'throughput.peakPeoplePerHour', null, null)).toEqual({ actual: 40 });
  });

  it('reports an unknown metric as missed with an error, without throwing', () => {
    const metrics = [
      'people.happy', 'speed', 'clearance.p99', 'vehicles.boats', 'fleets.buses.id', 'shelters.tac.fill',
    ];
    for (const metric of metrics) {
      const r = evaluateTarget(tiny, target({ metric, value: 1 }));
      expect(r).toMatchObject({ ok: false, actual: null });
      expect(r.error).toContain(`unknown metric "${metric}"`);
    }
  });

  it('reports unknown ids, a scope matching nothing and an `at` that does not apply', () => {
    const error = (over: Parameters<typeof target>[0]) => evaluateTarget(tiny, target(over)).error;
    expect(error({ metric: 'fleets.trains.trips' })).toContain('unknown fleet "trains"');
    expect(error({ metric: 'shelters.moon.arrived' })).toContain('unknown shelter "moon"');
    const nowhere = { metric: 'people.told', scope: { region: 'Belgorod' } };
    expect(error(nowhere)).toContain('matches no settlement');
    expect(error({ metric: 'clearance.p50', at: 100 })).toContain('"at"');
    expect(error({ metric: 'vehicles.cars', scope: { region: 'Kursk' } })).toContain('has no scope');
  });

  it('keeps the target fields around the reading, in order', () => {
    const spec = target({ metric: 'people.told', at: 3600, value: 150, tolerance: 0.01, note: 'all told' });
    const r = evaluateTarget(tiny, spec);
    expect(Object.keys(r)).toEqual([
      'metric', 'at', 'scope', 'value', 'actual', 'ok', 'tolerance', 'min', 'max', 'note',
    ]);
    expect(r).toMatchObject({ actual: 150, ok: true, note: 'all told' });
  });
});

describe('evaluateTargets', () => {
  it('evaluates each target in order', () => {
    const results = evaluateTargets(tiny, [
      target({ metric: 'people.stayed', value: 30 }),
      target({ metric: 'nonsense', value: 30 }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false]);
  });

  it('reads people targets of several instants and scopes as each target alone reads them', () => {
    const targets = [
      target({ metric: 'people.evacuated', at: 5000, value: 50 }),
      target({ metric: 'people.waiting', at: 600, scope: { district: 'North' }, value: 50 }),
      target({ metric: 'people.trapped', scope: { district: 'North' }, value: 20 }),
      target({ metric: 'people.evacuated', at: 2000, value: 30 }),
      target({ metric: 'people.told', scope: { district: 'Nowhere' }, value: 0 }),
      target({ metric: 'people.evacuated', at: 9000, scope: { district: 'South' }, value: 40 }),
      target({ metric: 'people.nonsense', value: 0 }),
    ];
    const together = evaluateTargets(tiny, targets);
    expect(together).toEqual(targets.map((t) => evaluateTarget(tiny, t)));
    expect(together.map((r) => r.actual)).toEqual([50, 50, 20, 30, null, 40, null]);
  });
});
