// The Kaplan–Meier median of right-censored times: the ordinary median when
// every time was reached, exact order statistics when fewer than half are
// censored late, and a lower bound when most runs never reached the time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeierMedian } from '../../src/sweep/censored.js';

const reached = (time: number) => ({ time, reached: true });
const censored = (time: number) => ({ time, reached: false });

function ordinaryMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

describe('kaplanMeierMedian', () => {
  it('without censoring is the ordinary sample median (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }), (xs) => {
        expect(kaplanMeierMedian(xs.map(reached))).toEqual({ value: ordinaryMedian(xs), above: false });
      }),
    );
  });

  it('counts runs censored after the middle: 100, 200, 300 reached and two not by 1000 give 300', () => {
    // S drops to 4/5, 3/5, 2/5 at 100, 200, 300: the first time at or below 1/2 is 300.
    expect(kaplanMeierMedian([reached(200), censored(1000), reached(100), censored(1000), reached(300)])).toEqual({ value: 300, above: false });
  });

  it('is only a lower bound when most runs did not reach the time', () => {
    expect(kaplanMeierMedian([reached(100), censored(1000), censored(1000), censored(900)])).toEqual({ value: 1000, above: true });
  });

  it('redistributes an early censored run onto the later times', () => {
    // 10 reached; censored at 15; 20 and 30 reached: S = 3/4 after 10, then 3/4 · 1/2 = 3/8 at 20.
    expect(kaplanMeierMedian([reached(10), censored(15), reached(20), reached(30)])).toEqual({ value: 20, above: false });
  });

  it('is null for no observations', () => {
    expect(kaplanMeierMedian([])).toBeNull();
  });
});
