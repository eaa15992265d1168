import { describe, expect, it } from 'vitest';
import { rng } from '../../src/engine/rng.js';

const draws = (r: () => number, n = 5) => Array.from({ length: n }, () => r());

describe('rng', () => {
  it('gives the same sequence for the same seed and name', () => {
    expect(draws(rng(7, 'departures:a'))).toEqual(draws(rng(7, 'departures:a')));
  });
  it('gives different sequences for different names or seeds', () => {
    expect(draws(rng(7, 'departures:a'))).not.toEqual(draws(rng(7, 'departures:b')));
    expect(draws(rng(7, 'departures:a'))).not.toEqual(draws(rng(8, 'departures:a')));
  });
  it('draws in [0, 1)', () => {
    for (const x of draws(rng(1, 'x'), 1000)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
