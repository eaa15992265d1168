// Sensitivity indices checked on functions whose indices are known in closed
// form: the Ishigami function for Sobol indices (Ishigami & Homma 1990; a = 7,
// b = 0.1), and a linear function for Morris elementary effects.
import { describe, expect, it } from 'vitest';
import { planSweep, resolveDesign } from '../../src/sweep/design.js';
import { sensitivityIndices } from '../../src/sweep/indices.js';
import { morrisDesign, morrisEffects } from '../../src/sweep/morris.js';
import type { SweepRow } from '../../src/sweep/row.js';
import { saltelliDesign, sobolIndices } from '../../src/sweep/saltelli.js';

const A = 7;
const B = 0.1;
const ishigami = ([x1, x2, x3]: number[]) => Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);

// Closed forms: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2; V1 = (1 + bπ⁴/5)²/2; V2 = a²/8; V13 = b²π⁸(1/18 − 1/50).
const V = A ** 2 / 8 + (B * Math.PI ** 4) / 5 + (B ** 2 * Math.PI ** 8) / 18 + 0.5;
const V1 = (1 + (B * Math.PI ** 4) / 5) ** 2 / 2;
const V2 = A ** 2 / 8;
const V13 = B ** 2 * Math.PI ** 8 * (1 / 18 - 1 / 50);
const FIRST = [V1 / V, V2 / V, 0];
const TOTAL = [(V1 + V13) / V, V2 / V, V13 / V];

describe('Sobol indices (Saltelli sampling, Saltelli 2010 and Jansen estimators)', () => {
  const k = 3;
  const units = saltelliDesign(4096, k, 42);
  const f = units.map((u) => ishigami(u.map((x) => -Math.PI + 2 * Math.PI * x)));
  const indices = sobolIndices(f, k, 42, 500) as NonNullable<ReturnType<typeof sobolIndices>>;

  it('lays out N(k + 2) points: A, B and each AB_i, AB_i being A with column i from B', () => {
    expect(units.length).toBe(4096 * (k + 2));
    const [a, b, ...ab] = units.slice(0, k + 2);
    ab.forEach((row, i) => { expect(row).toEqual(a.map((x, d) => (d === i ? b[d] : x))); });
  });

  it("put the Ishigami function's known first-order and total indices within their bootstrap intervals", () => {
    indices.first.forEach((s, i) => {
      expect(s.low).toBeLessThanOrEqual(FIRST[i]);
      expect(s.high).toBeGreaterThanOrEqual(FIRST[i]);
    });
    indices.total.forEach((s, i) => {
      expect(s.low).toBeLessThanOrEqual(TOTAL[i]);
      expect(s.high).toBeGreaterThanOrEqual(TOTAL[i]);
    });
  });

  it('estimate them closely: S1 ≈ 0.314, 0.442, 0; ST ≈ 0.558, 0.442, 0.244', () => {
    indices.first.forEach((s, i) => { expect(Math.abs(s.value - FIRST[i])).toBeLessThan(0.05); });
    indices.total.forEach((s, i) => { expect(Math.abs(s.value - TOTAL[i])).toBeLessThan(0.05); });
  });

  it('do not move when a constant is added to the output (times counted from a distant start)', () => {
    const shifted = sobolIndices(f.map((y) => y + 20000), k, 42, 200) as NonNullable<ReturnType<typeof sobolIndices>>;
    shifted.first.forEach((s, i) => {
      expect(s.value).toBeCloseTo(indices.first[i].value, 9);
      expect(s.high - s.low).toBeLessThan(0.1);
    });
    shifted.total.forEach((s, i) => { expect(s.value).toBeCloseTo(indices.total[i].value, 9); });
  });

  it('are null for an output that does not vary', () => {
    expect(sobolIndices(f.map(() => 3), k, 1)).toBeNull();
  });
});

describe('Morris elementary effects', () => {
  it('of a linear function are its coefficients exactly, with no spread', () => {
    const c = [3, -2, 0, 0.5];
    const units = morrisDesign(12, 4, 7);
    expect(units.length).toBe(12 * 5);
    const stats = morrisEffects(units, units.map((u) => u.reduce((s, x, i) => s + c[i] * x, 0)), 4);
    stats.forEach((s, i) => {
      expect(s.effects).toBe(12);
      expect(s.mu).toBeCloseTo(c[i], 12);
      expect(s.muStar).toBeCloseTo(Math.abs(c[i]), 12);
      expect(s.sigma).toBeCloseTo(0, 12);
    });
  });

  it('move one parameter at a time by 2/3 along each trajectory, staying in the unit cube', () => {
    const units = morrisDesign(5, 3, 1);
    for (let p = 0; p < units.length; p++) {
      for (const x of units[p]) expect(x >= 0 && x <= 1).toBe(true);
      if (p % 4 === 0) continue;
      const moved = units[p].map((x, d) => Math.abs(x - units[p - 1][d])).filter((d) => d > 0);
      expect(moved.length).toBe(1);
      expect(moved[0]).toBeCloseTo(2 / 3, 12);
    }
  });
});

describe('sensitivityIndices of a sweep', () => {
  it('on the Ishigami function as a metric, reproduces the direct Sobol indices from the rows', () => {
    const plan = planSweep(resolveDesign({ kind: 'sobol', samples: 256, seed: 5, parameters: ['x1', 'x2', 'x3'].map((path) => ({ path, values: '-3.141592653589793:3.141592653589793' })) }, 1, ['m']));
    const rows: SweepRow[] = plan.points.map((values, point) => ({
      run: point,
      point,
      replication: 0,
      seed: 0,
      parameters: {},
      metrics: { m: ishigami(values as number[]) },
      endTime: 1,
      wallSeconds: 0,
    }));
    const table = sensitivityIndices(plan, rows, ['m']);
    const direct = sobolIndices(rows.map((r) => r.metrics.m as number), 3, 5) as NonNullable<ReturnType<typeof sobolIndices>>;
    expect(table.filter((x) => x.index === 'S1').map((x) => x.value)).toEqual(direct.first.map((s) => s.value));
    expect(table.filter((x) => x.index === 'ST').map((x) => [x.ciLow, x.ciHigh])).toEqual(direct.total.map((s) => [s.low, s.high]));
  });

  it('flags a metric with a censored time instead of estimating it', () => {
    const plan = planSweep(resolveDesign({ kind: 'morris', trajectories: 3, seed: 5, parameters: [{ path: 'a', values: '0:1' }] }, 1, ['clearance.p90']));
    const rows: SweepRow[] = plan.points.map((_, point) => ({ run: point, point, replication: 0, seed: 0, parameters: {}, metrics: { 'clearance.p90': point === 2 ? null : 5 }, endTime: 9, wallSeconds: 0 }));
    expect(sensitivityIndices(plan, rows).map((x) => [x.index, x.value, x.note])).toEqual([
      ['mu', null, 'censored'],
      ['muStar', null, 'censored'],
      ['sigma', null, 'censored'],
    ]);
  });
});
