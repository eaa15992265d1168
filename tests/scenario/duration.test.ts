import { describe, expect, test } from 'vitest';
import { parseDuration, parseInstant } from '../../src/scenario/duration.js';
import { issuesOf } from './fixtures.js';

const messageOf = (run: () => unknown) => issuesOf(run).map((issue) => issue.message);

describe('parseDuration', () => {
  test('parseDuration reads numbers as seconds', () => {
    expect(parseDuration(0)).toBe(0);
    expect(parseDuration(90)).toBe(90);
    expect(parseDuration(2.5)).toBe(2.5);
  });

  test('parseDuration reads seconds, minutes, hours and days', () => {
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('45m')).toBe(2700);
    expect(parseDuration('6h')).toBe(21_600);
    expect(parseDuration('2d')).toBe(172_800);
  });

  test('parseDuration reads fractions and combined units', () => {
    expect(parseDuration('1.5h')).toBe(5400);
    expect(parseDuration('.5m')).toBe(30);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('1d 6h')).toBe(108_000);
    expect(parseDuration('2d3h4m5s')).toBe(2 * 86_400 + 3 * 3600 + 4 * 60 + 5);
    expect(parseDuration(' 6h ')).toBe(21_600);
  });

  test('parseDuration rejects negative and non-finite numbers', () => {
    expect(messageOf(() => parseDuration(-5))).toEqual(['invalid duration -5: must not be negative']);
    expect(messageOf(() => parseDuration(Infinity))).toEqual(['invalid duration Infinity: must be a finite number of seconds']);
    expect(messageOf(() => parseDuration(NaN))).toEqual(['invalid duration NaN: must be a finite number of seconds']);
  });

  test('parseDuration rejects unknown units and quotes the value', () => {
    expect(messageOf(() => parseDuration('90x'))).toEqual([
      'invalid duration "90x": expected seconds or a number with a unit, such as "90s", "45m", "6h", "2d" or "1h30m"',
    ]);
    expect(messageOf(() => parseDuration(''))).toEqual([
      'invalid duration "": expected seconds or a number with a unit, such as "90s", "45m", "6h", "2d" or "1h30m"',
    ]);
    expect(messageOf(() => parseDuration('-5m'))).toHaveLength(1);
  });

  test('parseDuration asks for a unit on a bare number string', () => {
    expect(messageOf(() => parseDuration('90'))).toEqual(['invalid duration "90": add a unit (s, m, h or d), such as "90s"']);
  });

  test('parseDuration wants each unit once, largest first', () => {
    const expected = ['invalid duration "30m1h": give each unit once, largest first, as in "1d6h" or "1h30m"'];
    expect(messageOf(() => parseDuration('30m1h'))).toEqual(expected);
    expect(messageOf(() => parseDuration('1h1h'))).toHaveLength(1);
  });
});

describe('parseInstant', () => {
  const start = '2024-08-06T03:00:00+03:00';

  test('parseInstant reads durations from the start, with or without a start', () => {
    expect(parseInstant('30h', null)).toBe(108_000);
    expect(parseInstant(60, null)).toBe(60);
    expect(parseInstant('30h', start)).toBe(108_000);
  });

  test('parseInstant counts ISO date-times from the start, across time zones', () => {
    expect(parseInstant('2024-08-07T09:00:00+03:00', start)).toBe(30 * 3600);
    expect(parseInstant('2024-08-06T00:00:00Z', start)).toBe(0);
    expect(parseInstant('2024-08-06T01:30:00Z', start)).toBe(5400);
    expect(parseInstant('2024-08-06T00:00:00.5Z', start)).toBe(0.5);
  });

  test('parseInstant rejects ISO date-times without a start', () => {
    expect(messageOf(() => parseInstant('2024-08-07T09:00:00+03:00', null))).toEqual([
      'ISO date-time "2024-08-07T09:00:00+03:00" needs the scenario\'s "start"; set it or give a duration such as "6h"',
    ]);
  });

  test('parseInstant rejects ISO date-times before the start', () => {
    expect(messageOf(() => parseInstant('2024-08-05T09:00:00+03:00', start))).toEqual([
      '"2024-08-05T09:00:00+03:00" is before the scenario start "2024-08-06T03:00:00+03:00"',
    ]);
  });

  test('parseInstant wants a time zone on ISO date-times', () => {
    expect(messageOf(() => parseInstant('2024-08-07T09:00:00', start))).toEqual([
      'ISO date-time "2024-08-07T09:00:00" needs a time zone, such as "Z" or "+03:00"',
    ]);
  });

  test('parseInstant rejects impossible dates and unreadable text', () => {
    expect(messageOf(() => parseInstant('2024-02-30T09:00:00Z', start))).toEqual([
      'invalid ISO date-time "2024-02-30T09:00:00Z": expected the form "2024-08-06T03:00:00+03:00"',
    ]);
    expect(messageOf(() => parseInstant('tomorrow', start))).toEqual([
      'invalid instant "tomorrow": expected a duration from the start, such as "90s", "45m", "6h", "2d" or "1h30m", or an ISO date-time such as "2024-08-06T03:00:00+03:00"',
    ]);
  });
});
