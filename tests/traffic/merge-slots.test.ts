// Merges whose approaches' own headways do not fit the merged road's slots: a car that
// waits for a slot taken by another road delays the car behind it, and the slot must be
// made up (exitSlot in links.ts), or the merge carries less than the node model gives.
// Timing each exit from the last actual exit, 1,800 and 600 veh/h into 2,000 carried
// 1,420 / 474 veh/h, and 300, 900 and 2,400 veh/h roads fed 300 / 900 / 1,000 into a
// 2,400 veh/h road carried 263 / 790 / 1,000 where all of it fits; and the shares could
// skew far from the capacities' (the table below).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hourlyShares, mergeScenario } from '../helpers/merge.js';

describe('a merge whose approaches cannot follow the merged road headway to headway', () => {
  it('1,800 and 600 veh/h into 2,000, both queued: 1,500 / 500, the merged road full', () => {
    const [a, b] = hourlyShares(mergeScenario([1800, 600], [7200, 7200], [4000, 2000], 2000));
    expect(Math.abs(a - 1500)).toBeLessThanOrEqual(2);
    expect(Math.abs(b - 500)).toBeLessThanOrEqual(2);
    expect(a + b).toBeGreaterThanOrEqual(1998);
  });

  it('300, 900 and 2,400 veh/h into 2,400, the widest fed 1,000: each passes what it brings, 300 / 900 / 1,000', () => {
    const got = hourlyShares(mergeScenario([300, 900, 2400], [7200, 7200, 1000], [1000, 3000, 2000], 2400));
    [300, 900, 1000].forEach((expected, i) => { expect(Math.abs(got[i] - expected)).toBeLessThanOrEqual(2); });
  });

  it.each([
    // Went 1,000 / 999 and 600 / 600: the road that lost slots ended up no better than the other.
    ['1,200 and 1,800 into 2,000', [1200, 1800], 2000, [800, 1200]],
    ['600 and 900 into 1,200', [600, 900], 1200, [480, 720]],
    ['900 and 2,400 into 2,400', [900, 2400], 2400, [655, 1745]],
    // Whose headways fit the merged road's: no slot is lost either way.
    ['1,200 and 1,200 into 1,800', [1200, 1200], 1800, [900, 900]],
  ])('%s, both queued: shares in proportion to the capacities', (_name, capacities, merged, expected) => {
    const got = hourlyShares(mergeScenario(capacities, [7200, 7200], [6000, 6000], merged));
    got.forEach((n, i) => { expect(Math.abs(n - expected[i])).toBeLessThanOrEqual(3); });
  });

  it('any two queued roads into any road at least as wide: each within 10 veh/h of its capacity-proportional share', () => {
    // 150 drawn merges were all within 7 veh/h (an hour's whole vehicles); before, up to 600 off.
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 30 }), fc.integer({ min: 3, max: 30 }), fc.integer({ min: 6, max: 36 }), (a0, b0, m0) => {
        const [a, b] = [a0 * 100, b0 * 100];
        const m = Math.max(m0 * 100, a, b);
        const got = hourlyShares(mergeScenario([a, b], [7200, 7200], [9000, 9000], m));
        const share = a + b <= m ? [a, b] : [(m * a) / (a + b), (m * b) / (a + b)];
        got.forEach((n, i) => { expect(Math.abs(n - share[i])).toBeLessThanOrEqual(10); });
      }),
      { numRuns: 25 },
    );
  });
});
