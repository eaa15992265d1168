// orderByTime is the stable sort of households by ready time, linear in their count.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderByTime } from '../../src/demand/order-by-time.js';

describe('orderByTime', () => {
  it('equals a stable comparison sort, ties by index, -0 as +0', () => {
    const time = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, 1.5, 3600, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE),
    );
    fc.assert(
      fc.property(fc.array(time, { maxLength: 300 }), (times) => {
        const expected = times.map((_, i) => i).sort((a, b) => (times[a] === times[b] ? 0 : times[a] - times[b]) || a - b);
        expect(Array.from(orderByTime(Float64Array.from(times)))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
