import fc from 'fast-check';
import { expect, test } from 'vitest';
import { findJsonSyntaxProblem } from '../../src/scenario/json-syntax.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

test('findJsonSyntaxProblem locates the offending character by line and column', () => {
  expect(findJsonSyntaxProblem('{\n  "a": 1\n  "b": 2\n}')).toEqual({ line: 3, column: 3, reason: 'expected "," or "}" but found "\\""' });
  expect(findJsonSyntaxProblem('[1, 2')).toEqual({ line: 1, column: 6, reason: 'expected "," or "]" but found the end of input' });
  expect(findJsonSyntaxProblem('{"a": "x\ny"}')).toEqual({ line: 1, column: 9, reason: 'unterminated string' });
  expect(findJsonSyntaxProblem('{"a": tru}')).toEqual({ line: 1, column: 7, reason: 'unexpected "t"' });
  expect(findJsonSyntaxProblem('{"a": 01}')).toEqual({ line: 1, column: 8, reason: 'expected "," or "}" but found "1"' });
  expect(findJsonSyntaxProblem('{} {}')).toEqual({ line: 1, column: 4, reason: 'unexpected "{" after the end of the JSON value' });
  expect(findJsonSyntaxProblem('"\\x"')).toEqual({ line: 1, column: 2, reason: 'invalid escape in string' });
  expect(findJsonSyntaxProblem('')).toEqual({ line: 1, column: 1, reason: 'unexpected end of input' });
});

test('findJsonSyntaxProblem points inside a bad string, and names comments and trailing commas', () => {
  expect(findJsonSyntaxProblem('{"a": "x\u0001"}')).toEqual({ line: 1, column: 9, reason: 'control character in string' });
  expect(findJsonSyntaxProblem('{"a": "ok\\n\\u12G4"}')).toEqual({ line: 1, column: 12, reason: 'invalid \\u escape in string' });
  expect(findJsonSyntaxProblem('{"a": 1 // note\n}')).toEqual({ line: 1, column: 9, reason: 'a comment, which JSON does not allow (name the file .jsonc to keep it)' });
  expect(findJsonSyntaxProblem('{\r\n"a": 1,\r\n}')).toEqual({ line: 3, column: 1, reason: 'expected a property name in double quotes' });
  expect(findJsonSyntaxProblem('[1e]')).toEqual({ line: 1, column: 2, reason: 'invalid number' });
});

test('findJsonSyntaxProblem finds nothing in valid JSON', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
      expect(findJsonSyntaxProblem(JSON.stringify(value, null, pretty ? 2 : undefined))).toBeNull();
    }),
  );
});

test('findJsonSyntaxProblem agrees with JSON.parse on damaged JSON', () => {
  const damaged = fc
    .tuple(fc.json(), fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(',', ']', '}', '"', ':', '\\', 'x', '\n', '-', '0', '.', 'e', '['))
    .map(([text, at, cut, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    });
  fc.assert(
    fc.property(damaged, (text) => {
      expect(findJsonSyntaxProblem(text) === null).toBe(parses(text));
    }),
    { numRuns: 2000 },
  );
});

// Too deep for the parser's recursion: the position comes from JSON.parse's own message.
test('findJsonSyntaxProblem survives deep nesting', () => {
  expect(findJsonSyntaxProblem(`${'['.repeat(100_000)}1${']'.repeat(99_999)}`)).toEqual({
    line: 1,
    column: 200_001,
    reason: expect.stringMatching(/^expected/),
  });
});
