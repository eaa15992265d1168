import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearance, settlementClearance } from '../../src/report/clearance.js';
import { randomResult } from './arbitraries.js';
import {
  Departed,
  Evacuated,
  Stayed,
  TINY_ROWS,
  Told,
  TrappedInTransit,
  makeResult,
  type Row,
} from './fixtures.js';

/** `told` people of settlement 0 told at 0; one arrives at each of `arrivals`. */
function oneByOne(told: number, arrivals: number[], stayed = 0): Row[] {
  return [
    [0, Told, 0, told],
    [0, Stayed, 0, stayed],
    [1, Departed, 0, told - stayed],
    ...arrivals.map((t): Row => [t, Evacuated, 0, 1, 1]),
  ];
}

describe('clearance', () => {
  it('ten people arriving at 10, 20, …, 100 s clear half at 50 s and all at 100 s', () => {
    const arrivals = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const result = makeResult(oneByOne(10, arrivals));
    expect(clearance(result)).toEqual({ p50: 50, p90: 90, p95: 100, p100: 100 });
  });

  it('p100 is null when one compliant person never arrives', () => {
    const result = makeResult(oneByOne(11, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]));
    expect(clearance(result)).toEqual({ p50: 60, p90: 100, p95: null, p100: null });
  });

  it('takes as base the compliant people, not those told', () => {
    const result = makeResult(oneByOne(20, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 10));
    expect(clearance(result)).toEqual({ p50: 50, p90: 90, p95: 100, p100: 100 });
  });

  it('counts shares exactly for sizes where 0.9 × n is not exact in floating point', () => {
    const arrivals = Array.from({ length: 30 }, (_, i) => (i + 1) * 10);
    expect(clearance(makeResult(oneByOne(30, arrivals))).p90).toBe(270);
  });

  it('is null throughout when nobody complied', () => {
    const result = makeResult([[0, Told, 0, 10], [0, Stayed, 0, 10]]);
    expect(clearance(result)).toEqual({ p50: null, p90: null, p95: null, p100: null });
  });

  it('reads the tiny run, whole and by scope', () => {
    const tiny = makeResult(TINY_ROWS);
    // 120 complied, 20 of them trapped: the base is the 100 who could leave.
    expect(clearance(tiny)).toEqual({ p50: 5000, p90: 9000, p95: null, p100: null });
    // North: 80 complied, 20 trapped, 10 still waiting; 30 of the 60 had arrived at 1800.
    expect(clearance(tiny, { district: 'North' })).toEqual({ p50: 1800, p90: null, p95: null, p100: null });
    expect(clearance(tiny, { settlement: 'b' })).toEqual({ p50: 9000, p90: 9000, p95: 9000, p100: 9000 });
  });

  it('ignores arrivals after the end of the run', () => {
    const result = makeResult(oneByOne(2, [10, 20_000]), { endTime: 100 });
    expect(clearance(result)).toEqual({ p50: 10, p90: null, p95: null, p100: null });
  });

  it('percentiles never decrease, and once one is null so are the higher ones (property)', () => {
    fc.assert(
      fc.property(randomResult, (result) => {
        const c = Object.values(clearance(result));
        for (let i = 1; i < c.length; i++) {
          if (c[i - 1] === null) expect(c[i]).toBeNull();
          else if (c[i] !== null) expect(c[i]).toBeGreaterThanOrEqual(c[i - 1]!);
        }
      }),
    );
  });
});

describe('settlementClearance', () => {
  it('is the instant the last compliant person arrived, or null', () => {
    expect(settlementClearance(makeResult(TINY_ROWS))).toEqual([null, 9000]);
  });

  it('is null for a settlement where nobody complied or nobody was told', () => {
    const result = makeResult([[0, Told, 0, 5], [0, Stayed, 0, 5]]);
    expect(settlementClearance(result)).toEqual([null, null]);
  });

  it('is reached when the rest of the compliant people were trapped: they are counted apart', () => {
    const result = makeResult([...oneByOne(2, [50]), [60, TrappedInTransit, 0, 1]]);
    expect(settlementClearance(result)).toEqual([50, null]);
    expect(clearance(result).p100).toBe(50);
  });

  it('is null while one who could leave has not arrived', () => {
    const result = makeResult(oneByOne(3, [50, 70]));
    expect(settlementClearance(result)).toEqual([null, null]);
  });
});
