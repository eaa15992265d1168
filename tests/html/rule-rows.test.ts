// Labels of vertical rules (a shelter filling, a clearance instant) at instants close
// together stack in rows instead of printing over each other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleRows } from '../../src/html/time-chart.js';

describe('ruleRows', () => {
  it('labels apart stay on the lowest row; close ones go up a row each, in order from the left', () => {
    // Kursk's shelters on a phone: 3, 2 and 1 fill within a day on a 17-day axis, 4 and 5 later.
    expect(ruleRows([36, 32, 28, 60, 220], [7, 7, 7, 7, 7])).toEqual([2, 1, 0, 0, 0]);
    expect(ruleRows([10, 100], [7, 7])).toEqual([0, 0]);
    // A label that clears the one two rows down comes back to the lowest row.
    expect(ruleRows([0, 5, 30], [7, 7, 7])).toEqual([0, 1, 0]);
  });

  it('no two labels on one row come closer than 3 px', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 300, noNaN: true }), fc.integer({ min: 1, max: 4 })), { maxLength: 12 }), (rules) => {
        const xs = rules.map(([x]) => x);
        const widths = rules.map(([, chars]) => chars * 7);
        const rows = ruleRows(xs, widths);
        for (let a = 0; a < xs.length; a++) {
          for (let b = a + 1; b < xs.length; b++) {
            if (rows[a] !== rows[b]) continue;
            const gap = Math.abs(xs[a] - xs[b]) - (widths[a] + widths[b]) / 2;
            expect(gap).toBeGreaterThanOrEqual(3 - 1e-9);
          }
        }
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
