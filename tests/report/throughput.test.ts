import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binEnds, binIndex } from '../../src/report/bins.js';
import { peopleSeries } from '../../src/report/metrics.js';
import { throughput } from '../../src/report/throughput.js';
import { randomResult } from './arbitraries.js';
import { TINY_ROWS, makeResult } from './fixtures.js';

describe('binEnds', () => {
  it('covers 0..endTime, the last bin ending at endTime', () => {
    expect(binEnds(10_800, 3600)).toEqual([3600, 7200, 10_800]);
    expect(binEnds(10_000, 3600)).toEqual([3600, 7200, 10_000]);
  });

  it('always has one bin, even for a run that ended at 0', () => {
    expect(binEnds(0, 3600)).toEqual([0]);
  });

  it('rejects a bin width that is not positive', () => {
    expect(() => binEnds(100, 0)).toThrow(RangeError);
  });
});

describe('binIndex', () => {
  it('puts an instant on a bin end into the bin it ends, and 0 into the first', () => {
    expect([0, 1, 3600, 3601, 7200, 99_999].map((t) => binIndex(t, 3600, 3))).toEqual([0, 0, 0, 1, 1, 2]);
  });
});

describe('throughput', () => {
  it('counts people departed and evacuated per bin and scales the peak to an hour', () => {
    const tiny = makeResult(TINY_ROWS);
    expect(throughput(tiny)).toEqual({
      binSeconds: 3600,
      evacuated: [30, 20, 40],
      departed: [30, 70, 0],
      peakPeoplePerHour: 40,
    });
  });

  it('scales the peak of shorter bins up to an hour', () => {
    const tiny = makeResult(TINY_ROWS, {
      samples: { binSeconds: 900, time: [], vehiclesOnRoad: [], vehiclesQueuedAtOrigin: [] },
    });
    expect(throughput(tiny).peakPeoplePerHour).toBe(40 * 4);
    expect(throughput(tiny).evacuated).toHaveLength(12);
  });

  it('takes a last bin the horizon cut short over the part of it the run lasted', () => {
    // Bins of 5 h, a run cut by its 2 h horizon: the 50 evacuated by 5,000 s came within 2 h, not 5.
    const cut = makeResult(TINY_ROWS.filter((r) => r[0] <= 7200), {
      endTime: 7200,
      samples: { binSeconds: 18_000, time: [], vehiclesOnRoad: [], vehiclesQueuedAtOrigin: [] },
    });
    expect(cut.horizon).toBe(7200);
    expect(throughput(cut).evacuated).toEqual([50]);
    expect(throughput(cut).peakPeoplePerHour).toBe(25);
    // Hourly bins and a horizon at 2.5 h: the 40 of its last half hour are 80 an hour.
    const half = makeResult(TINY_ROWS, { endTime: 9000 });
    expect(throughput(half).evacuated).toEqual([30, 20, 40]);
    expect(throughput(half).peakPeoplePerHour).toBe(80);
  });

  it('counts a last bin whole when the run ended before its horizon, nothing more to come', () => {
    const early = makeResult(TINY_ROWS, { endTime: 9000 });
    early.horizon = 86_400;
    expect(throughput(early).peakPeoplePerHour).toBe(40);
  });

  it('restricts to a scope', () => {
    expect(throughput(makeResult(TINY_ROWS), { settlement: 'b' }).evacuated).toEqual([0, 0, 40]);
  });

  it('cumulative bins never decrease and equal the exact state at each bin end (property)', () => {
    fc.assert(
      fc.property(randomResult, (result) => {
        const { evacuated, departed } = throughput(result);
        const ends = binEnds(result.endTime, result.samples.binSeconds);
        const states = peopleSeries(result, ends);
        let cumulative = 0;
        evacuated.forEach((n, i) => {
          expect(n).toBeGreaterThanOrEqual(0);
          cumulative += n;
          expect(cumulative).toBe(states[i].evacuated);
        });
        // Departed people are evacuated, in transit or trapped on the road.
        const departedTotal = departed.reduce((a, b) => a + b, 0);
        const end = states[states.length - 1];
        expect(departedTotal).toBeGreaterThanOrEqual(end.evacuated + end.inTransit);
        expect(departedTotal).toBeLessThanOrEqual(end.evacuated + end.inTransit + end.trapped);
      }),
    );
  });
});
