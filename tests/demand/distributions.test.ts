import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binomial, delaySampler, normalQuantile } from '../../src/demand/distributions.js';
import { rng } from '../../src/engine/rng.js';
import type { MobilizationKind } from '../../src/scenario/types.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
}

describe('mobilization delays', () => {
  it.each<[MobilizationKind, number | null]>([
    ['fixed', null],
    ['uniform', null],
    ['rayleigh', null],
    ['weibull', 1.5],
    ['lognormal', 0.8],
    ['logistic', 0.25],
  ])('%s has the median it is given', (kind, shape) => {
    const draw = delaySampler({ kind, median: 3600, shape });
    const random = rng(1, kind);
    const xs = Array.from({ length: 40_000 }, () => draw(random));
    expect(median(xs) / 3600).toBeCloseTo(1, 1);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  });

  it('uniform spans 0 to twice the median', () => {
    const draw = delaySampler({ kind: 'uniform', median: 100, shape: null });
    const random = rng(1, 'u');
    const xs = Array.from({ length: 10_000 }, () => draw(random));
    expect(Math.max(...xs)).toBeLessThan(200);
    expect(Math.max(...xs)).toBeGreaterThan(199);
  });

  it('logistic sets a draw below 0 to 0: the share 1 / (1 + e^(1/shape)) leaves at once', () => {
    // F(0) for the default shape 0.25: 1 / (1 + e^4) = 0.017986…
    const draw = delaySampler({ kind: 'logistic', median: 3600, shape: 0.25 });
    expect(draw(() => 0.01798)).toBe(0);
    expect(draw(() => 0.018)).toBeGreaterThan(0);
    expect(draw(() => 0.5)).toBeCloseTo(3600, 9);
  });

  it('never draws a negative or non-finite delay', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<MobilizationKind>('fixed', 'uniform', 'rayleigh', 'weibull', 'lognormal', 'logistic'),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.option(fc.double({ min: 0.05, max: 10, noNaN: true })),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (kind, m, shape, u) => {
          const x = delaySampler({ kind, median: m, shape })(() => u);
          expect(Number.isFinite(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('normalQuantile', () => {
  it('matches known quantiles', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });
});

describe('binomial', () => {
  it('stays within 0..n and averages n·p', () => {
    for (const [n, p] of [[10, 0.3], [1000, 0.67], [50_000, 0.9]] as const) {
      const random = rng(3, `b${n}`);
      let sum = 0;
      for (let i = 0; i < 2000; i++) {
        const k = binomial(n, p, random);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(n);
        sum += k;
      }
      expect(sum / 2000 / (n * p)).toBeCloseTo(1, 1);
    }
  });
  it('is exact at p = 0 and p = 1', () => {
    expect(binomial(100, 0, Math.random)).toBe(0);
    expect(binomial(100, 1, Math.random)).toBe(100);
  });
});

describe('mobilization upper bound', () => {
  it('truncates a uniform delay to a uniform below the bound', () => {
    const draw = delaySampler({ kind: 'uniform', median: 100, shape: null, max: 100 });
    // U(0, 200) below 100 is U(0, 100): the draw u gives 100·u.
    expect(draw(() => 0.3)).toBeCloseTo(30, 9);
    expect(draw(() => 0.999)).toBeCloseTo(99.9, 9);
  });

  it('truncates a Weibull delay by its distribution function', () => {
    const k = 1.5;
    const median = 3600;
    const max = 4 * 3600;
    const lambda = median / Math.LN2 ** (1 / k);
    const below = 1 - Math.exp(-((max / lambda) ** k));
    const draw = delaySampler({ kind: 'weibull', median, shape: k, max });
    for (const u of [0.1, 0.5, 0.9, 0.999999]) {
      expect(draw(() => u)).toBeCloseTo(lambda * (-Math.log(1 - u * below)) ** (1 / k), 3);
    }
  });

  it('never draws beyond the bound (property)', () => {
    const kinds: MobilizationKind[] = ['uniform', 'rayleigh', 'weibull', 'lognormal', 'logistic'];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.double({ min: 1, max: 1e5, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }), fc.integer(), (kind, median, ratio, seed) => {
        const draw = delaySampler({ kind, median, shape: null, max: median * ratio });
        const random = rng(seed, 'bound');
        for (let i = 0; i < 50; i++) {
          const d = draw(random);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(median * ratio);
        }
      }),
    );
  });

  it('leaves the draws unchanged when the bound is absent', () => {
    const random = () => 0.42;
    expect(delaySampler({ kind: 'lognormal', median: 600, shape: 0.8 })(random)).toBe(600 * Math.exp(0.8 * normalQuantile(0.42)));
  });
});
