import { describe, expect, it } from 'vitest';
import { clockAt } from '../../src/report/clock.js';

describe('clockAt', () => {
  it('writes the instant in the offset of the start string', () => {
    expect(clockAt('2024-08-06T03:00:00+03:00', 0)).toBe('2024-08-06T03:00:00+03:00');
    expect(clockAt('2024-08-06T03:00:00+03:00', 90_000)).toBe('2024-08-07T04:00:00+03:00');
    expect(clockAt('2024-08-06T23:30:00-0530', 3600)).toBe('2024-08-07T00:30:00-05:30');
  });

  it('keeps UTC for a Z start and reads a start without offset as UTC', () => {
    expect(clockAt('2024-08-06T00:00:00Z', 61.4)).toBe('2024-08-06T00:01:01Z');
    expect(clockAt('2024-08-06T00:00', 86_400)).toBe('2024-08-07T00:00:00Z');
    expect(clockAt('2024-08-06', 3600)).toBe('2024-08-06T01:00:00Z');
  });

  it('rejects a start that is not a date', () => {
    expect(() => clockAt('next Tuesday', 0)).toThrow(/next Tuesday/);
  });
});
