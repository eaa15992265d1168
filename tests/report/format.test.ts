import { describe, expect, it } from 'vitest';
import { counted, fit, formatCount, formatDuration, formatShare } from '../../src/report/format.js';

describe('formatCount', () => {
  it('groups thousands with commas whatever the locale', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(180_000)).toBe('180,000');
    expect(formatCount(1_234_567.4)).toBe('1,234,567');
    expect(formatCount(-12_345)).toBe('-12,345');
  });
});

describe('formatShare', () => {
  it('gives a percentage with one decimal, and a dash for a share of nothing', () => {
    expect(formatShare(121_000, 180_000)).toBe('67.2%');
    expect(formatShare(0, 10)).toBe('0.0%');
    expect(formatShare(5, 0)).toBe('—');
  });
});

describe('formatDuration', () => {
  it('writes days, hours and minutes', () => {
    expect(formatDuration(2 * 86_400 + 5 * 3600 + 10 * 60)).toBe('2d 5h 10m');
    expect(formatDuration(86_400)).toBe('1d 0h 0m');
    expect(formatDuration(3600)).toBe('1h 0m');
    expect(formatDuration(5 * 3600 + 10 * 60 + 29)).toBe('5h 10m');
  });

  it('keeps seconds under an hour', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(45)).toBe('45s');
    expect(formatDuration(750)).toBe('12m 30s');
    expect(formatDuration(3599.6)).toBe('1h 0m');
  });
});

describe('fit', () => {
  it('pads or cuts to the width', () => {
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fit('ab', 4, 'right')).toBe('  ab');
    expect(fit('abcdef', 4)).toBe('abc…');
  });
});

describe('counted', () => {
  it('is singular for one and plural otherwise, with the count grouped', () => {
    expect(counted(1, 'fleet')).toBe('1 fleet');
    expect(counted(0, 'fleet')).toBe('0 fleets');
    expect(counted(4860, 'person', 'people')).toBe('4,860 people');
    expect(counted(1, 'person', 'people')).toBe('1 person');
  });
});
