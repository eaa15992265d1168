// orderByTime is the stable sort of households by ready time, linear in their count.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RADIX_FROM, orderByTime } from '../../src/demand/order-by-time.js';

const time = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, 1, 1.5, 3600, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE),
);

function sortsStably(times: number[]): void {
  const expected = times.map((_, i) => i).sort((a, b) => (times[a] === times[b] ? 0 : times[a] - times[b]) || a - b);
  expect(Array.from(orderByTime(Float64Array.from(times)))).toEqual(expected);
}

describe('orderByTime', () => {
  it('equals a stable comparison sort, ties by index, -0 as +0', () => {
    fc.assert(fc.property(fc.array(time, { maxLength: 300 }), sortsStably), { numRuns: 300 });
  });

  it('the radix sort of longer arrays gives the same order', () => {
    // Few distinct values, so that long runs of ties test the stability.
    const tied = fc.oneof(time, fc.constantFrom(0, -0, 60, Infinity));
    fc.assert(fc.property(fc.array(tied, { minLength: RADIX_FROM, maxLength: RADIX_FROM + 500 }), sortsStably), { numRuns: 30 });
  });
});
