import { expect, test } from 'vitest';
import { didYouMean, levenshtein, suggest } from '../../src/scenario/suggest.js';

test('levenshtein counts insertions, deletions and substitutions', () => {
  expect(levenshtein('kursk', 'kursk')).toBe(0);
  expect(levenshtein('krsk', 'kursk')).toBe(1);
  expect(levenshtein('kitten', 'sitting')).toBe(3);
  expect(levenshtein('', 'abc')).toBe(3);
});

test('suggest offers the closest candidate within a few edits', () => {
  expect(suggest('krsk', ['belgorod', 'kursk', 'sudzha'])).toBe('kursk');
  expect(suggest('populaton', ['id', 'name', 'node', 'population'])).toBe('population');
  expect(suggest('Kursk', ['kursk'])).toBe('kursk');
});

test('suggest offers nothing for unrelated or very short names', () => {
  expect(suggest('moscow', ['kursk', 'belgorod'])).toBeUndefined();
  expect(suggest('b', ['a'])).toBeUndefined();
  expect(suggest('kursk', [])).toBeUndefined();
});

test('didYouMean formats the hint, or nothing', () => {
  expect(didYouMean('krsk', ['kursk'])).toBe(' (did you mean "kursk"?)');
  expect(didYouMean('moscow', ['kursk'])).toBe('');
});

test('didYouMean offers an id in another letter case however far its case is, and says so', () => {
  const cased = 'the two differ only in letter case';
  expect(didYouMean('KURSK', ['belgorod', 'Kursk'])).toBe(` (did you mean "Kursk"? ${cased})`);
  expect(didYouMean('a', ['A'])).toBe(` (did you mean "A"? ${cased})`);
  expect(didYouMean('kursk', ['kursk'])).toBe('');
});
