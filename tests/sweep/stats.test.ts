// Statistics over replications: Student t quantiles and confidence intervals
// against published values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimate, logGamma, studentTCdf, studentTQuantile } from '../../src/sweep/stats.js';

describe('studentTQuantile', () => {
  // Two-sided 95 % critical values, as printed in every t table (and by R's qt(0.975, df)).
  it.each([
    [1, 12.706204736],
    [2, 4.302652730],
    [3, 3.182446305],
    [5, 2.570581836],
    [10, 2.228138852],
    [29, 2.045229642],
    [100, 1.983971519],
    [1000, 1.962339081],
  ])('qt(0.975, %i) = %f', (df, expected) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 8);
  });

  it('gives other levels and the lower tail by symmetry', () => {
    expect(studentTQuantile(0.95, 4)).toBeCloseTo(2.131846786, 8);
    expect(studentTQuantile(0.995, 9)).toBeCloseTo(3.249835541, 8);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228138852, 8);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('inverts the distribution function (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 500 }), (p, df) => {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
      }),
    );
  });

  it('rejects probabilities outside (0, 1) and df ≤ 0', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('logGamma', () => {
  it('matches ln((n − 1)!) and ln Γ(1/2) = ln √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe('estimate', () => {
  it('matches R: t.test(1:5) gives the 95 % interval 1.036757 to 4.963243', () => {
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.n).toBe(5);
    expect(e.mean).toBe(3);
    expect(e.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(e.ciLow).toBeCloseTo(1.036757, 6);
    expect(e.ciHigh).toBeCloseTo(4.963243, 6);
  });

  it('matches the textbook sample 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sd √(32/7), t(7) = 2.364624', () => {
    const e = estimate([2, 4, 4, 4, 5, 5, 7, 9]);
    const half = 2.364624252 * Math.sqrt(32 / 7 / 8);
    expect(e.mean).toBe(5);
    expect(e.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(e.ciLow).toBeCloseTo(5 - half, 8);
    expect(e.ciHigh).toBeCloseTo(5 + half, 8);
  });

  it('has no spread or interval below two values, and nothing for none', () => {
    expect(estimate([4])).toEqual({ n: 1, mean: 4, sd: null, ciLow: null, ciHigh: null });
    expect(estimate([])).toEqual({ n: 0, mean: null, sd: null, ciLow: null, ciHigh: null });
  });

  it('gives a zero-width interval for identical values', () => {
    expect(estimate([7, 7, 7])).toEqual({ n: 3, mean: 7, sd: 0, ciLow: 7, ciHigh: 7 });
  });

  it('centres the interval on the mean and narrows it as the level drops (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }), (xs) => {
        const e95 = estimate(xs);
        const e80 = estimate(xs, 0.8);
        const mean = e95.mean as number;
        expect((e95.ciLow as number) + (e95.ciHigh as number)).toBeCloseTo(2 * mean, 3);
        expect(e95.ciLow as number).toBeLessThanOrEqual(e80.ciLow as number);
        expect(e95.ciHigh as number).toBeGreaterThanOrEqual(e80.ciHigh as number);
      }),
    );
  });
});
