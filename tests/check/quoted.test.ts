import { describe, expect, it } from 'vitest';
import { quotedIds } from '../../src/check/quoted.js';

describe('quotedIds', () => {
  it('quotes up to three ids and marks the rest with an ellipsis', () => {
    expect(quotedIds(['a'])).toBe('"a"');
    expect(quotedIds(['a', 'b', 'c'])).toBe('"a", "b", "c"');
    expect(quotedIds(['a', 'b', 'c', 'd'])).toBe('"a", "b", "c", …');
  });
});
