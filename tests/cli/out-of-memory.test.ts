import { describe, expect, it } from 'vitest';
import { outOfMemory } from '../../src/cli/main.js';

describe('outOfMemory', () => {
  it('knows the engine refusing memory', () => {
    let refused: unknown;
    try {
      new Float64Array(2 ** 33);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RangeError);
    expect(outOfMemory(refused)).toBe(true);
    expect(outOfMemory(new RangeError('Array buffer allocation failed'))).toBe(true);
  });

  it('does not take a bug for a want of memory', () => {
    let bug: unknown;
    try {
      new Int32Array(-1);
    } catch (error) {
      bug = error;
    }
    expect(bug).toBeInstanceOf(RangeError);
    expect(outOfMemory(bug)).toBe(false);
    expect(outOfMemory(new RangeError('Invalid typed array length: 12'))).toBe(false);
    expect(outOfMemory(new Error('Array buffer allocation failed'))).toBe(false);
  });
});
