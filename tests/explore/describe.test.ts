import { describe, expect, it } from 'vitest';
import { describeHazard, describeOrder, instantText } from '../../src/explore/describe.js';
import type { OrderSpec } from '../../src/scenario/types.js';

const START = '2024-08-06T03:00:00+03:00';

describe('describeOrder', () => {
  const order: OrderSpec = {
    at: 9000, districts: [], settlements: ['a', 'b', 'c', 'd'], withinKmOf: null, compliance: 1,
    mobilization: { kind: 'fixed', median: 0, shape: null },
  };
  const names = new Map([['a', 'Alpha'], ['b', 'Beta']]);

  it('says when and whom, naming at most two places', () => {
    expect(describeOrder(order, START, names)).toBe('6 Aug 05:30: Alpha, Beta and 2 more');
    expect(describeOrder({ ...order, settlements: [], districts: ['Lgovsky'] }, null, names)).toBe('+2h 30m: district Lgovsky');
    expect(describeOrder({ ...order, settlements: [], withinKmOf: { line: [], km: 10 } }, null, names)).toBe('+2h 30m: within 10 km of a line');
  });
});

describe('describeHazard', () => {
  it('names the kind, the roads or places, and the time', () => {
    expect(describeHazard({ kind: 'closure', roads: ['bridge'], from: 0, until: null }, START)).toBe('closure of bridge, from 6 Aug 03:00');
    expect(describeHazard({ kind: 'slowdown', roads: ['a', 'b', 'c'], from: 0, until: 3600, factor: 0.3 }, null))
      .toBe('slowdown to 30 % on a, b and c, +0s to +1h 0m');
    expect(describeHazard({ kind: 'capture', settlements: ['x'], nodes: [], at: 86400 }, START)).toBe('capture of x at 7 Aug 03:00');
    expect(describeHazard({ kind: 'front', line: [], towards: null, speedKmPerDay: 2.5, maxDepthKm: 12, from: 0 }, START))
      .toBe('front from 6 Aug 03:00, 2.5 km/day up to 12 km');
  });

  it('writes instants as durations without a start', () => {
    expect(instantText(90000, null)).toBe('+1d 1h 0m');
  });
});
