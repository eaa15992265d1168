import { describe, expect, it } from 'vitest';
import { grown } from '../../src/engine/grown.js';

describe('grown', () => {
  it('gives a longer array of the same kind, the old values first and zeros after', () => {
    const floats = grown(Float64Array.of(1.5, -2), 4);
    expect(floats).toBeInstanceOf(Float64Array);
    expect([...floats]).toEqual([1.5, -2, 0, 0]);
    const bytes = grown(Uint8Array.of(7), 3);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([7, 0, 0]);
    const ints = Int32Array.of(-1, 2);
    expect(grown(ints, 2)).not.toBe(ints);
  });
});
