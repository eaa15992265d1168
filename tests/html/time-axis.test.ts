import { describe, expect, it } from 'vitest';
import { shortClock, shortDate, timeAxis } from '../../src/html/time-axis.js';

describe('timeAxis', () => {
  it('ticks a short run in hours', () => {
    const axis = timeAxis(10 * 3600, null);
    expect(axis.title).toBe('hours since start');
    expect(axis.ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(axis.ticks.every((t) => t.date === null)).toBe(true);
  });

  it('ticks a long run in whole days, with calendar dates when there is a start', () => {
    const axis = timeAxis(14 * 86400, '2024-08-06T03:00:00+03:00');
    expect(axis.title).toBe('days since start (0 = 6 Aug 03:00 +03:00)');
    expect(axis.ticks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14']);
    expect(axis.ticks[1].date).toBe('7 Aug');
  });

  it('keeps the number of ticks small for long runs', () => {
    expect(timeAxis(60 * 86400, null).ticks.length).toBeLessThanOrEqual(15);
  });
});

describe('shortClock and shortDate', () => {
  it('write the calendar time in the start offset, with or without the offset', () => {
    expect(shortClock('2024-08-06T03:00:00+03:00', 86400 + 1800)).toBe('7 Aug 03:30 +03:00');
    expect(shortClock('2024-08-06T03:00:00+03:00', 0, false)).toBe('6 Aug 03:00');
    expect(shortClock('2024-12-31T23:00:00Z', 3600)).toBe('1 Jan 00:00 UTC');
    expect(shortDate('2024-02-28', 86400)).toBe('29 Feb');
  });
});
