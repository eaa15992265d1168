// Says where JSON text first breaks the grammar and why, because JSON.parse in
// Node 20 often names neither line nor column. Only called once JSON.parse has
// failed. jsonc-parser finds the error and its position; this file words it.

import { type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import { ScenarioError } from '../errors.js';
import { duplicateJsonKeys } from './json-duplicate-keys.js';

export interface JsonSyntaxProblem {
  /** 1-based line and column of the offending character (or of the end of the text). */
  line: number;
  column: number;
  reason: string;
}

type ErrorName = ReturnType<typeof printParseErrorCode>;

interface Found {
  name: ErrorName;
  offset: number;
  length: number;
  /** The innermost open container when the error was met. */
  inside: '[' | '{' | undefined;
}

/** Line, column and reason of the first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  let found: Found | null = null;
  const open: ('[' | '{')[] = [];
  try {
    visit(
      text,
      {
        onObjectBegin: () => void open.push('{'),
        onObjectEnd: () => void open.pop(),
        onArrayBegin: () => void open.push('['),
        onArrayEnd: () => void open.pop(),
        onError: (error: ParseErrorCode, offset: number, length: number) => {
          found ??= { name: printParseErrorCode(error), offset, length, inside: open.at(-1) };
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    // jsonc-parser descends recursively: text nested thousands deep overflows the stack.
    if (error instanceof RangeError) return fromJsonParse(text);
    throw error;
  }
  if (found === null) return null;
  const { offset, reason } = worded(text, found);
  return { ...lineAndColumn(text, offset), reason };
}

/** The offset to point at and the words for `found`. */
function worded(text: string, found: Found): { offset: number; reason: string } {
  const { name, offset, length } = found;
  const at = (i: number) => (i >= text.length ? 'the end of input' : JSON.stringify(text[i]));
  const unexpected = (i: number) => (i >= text.length ? 'unexpected end of input' : `unexpected ${at(i)}`);
  const close = found.inside === '{' ? '}' : ']';
  switch (name) {
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return { offset, reason: `expected "," or "${name === 'CommaExpected' ? close : name === 'CloseBraceExpected' ? '}' : ']'}" but found ${at(offset)}` };
    case 'EndOfFileExpected':
      return { offset, reason: `${unexpected(offset)} after the end of the JSON value` };
    case 'PropertyNameExpected':
      return { offset, reason: 'expected a property name in double quotes' };
    case 'ColonExpected':
      return { offset, reason: 'expected ":" after the property name' };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return { offset, reason: 'invalid number' };
    case 'InvalidCommentToken':
      return { offset, reason: 'a comment, which JSON does not allow (name the file .jsonc to keep it)' };
    case 'UnexpectedEndOfComment':
      return { offset, reason: 'unterminated comment' };
    // The scanner reports a bad string at its opening quote: point inside it instead.
    case 'UnexpectedEndOfString':
      return { offset: offset + length, reason: 'unterminated string' };
    case 'InvalidCharacter':
      return { offset: firstInString(text, offset, length, (i) => text.charCodeAt(i) < 0x20), reason: 'control character in string' };
    case 'InvalidUnicode':
      return { offset: firstInString(text, offset, length, (i) => text.startsWith('\\u', i) && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))), reason: 'invalid \\u escape in string' };
    case 'InvalidEscapeCharacter':
      return { offset: firstInString(text, offset, length, (i) => text[i] === '\\' && !'"\\/bfnrtu'.includes(text[i + 1] ?? '')), reason: 'invalid escape in string' };
    default:
      // InvalidSymbol, ValueExpected
      return { offset, reason: unexpected(offset) };
  }
}

/** The first offset of the string token at `offset` (`length` long) where `bad` holds, skipping valid escapes; the token's start when none. */
function firstInString(text: string, offset: number, length: number, bad: (i: number) => boolean): number {
  for (let i = offset + 1; i < offset + length; i++) {
    if (bad(i)) return i;
    if (text[i] === '\\') i++;
  }
  return offset;
}

/** The position JSON.parse's own message gives (the end of the text when it names none), for text too deep to visit. */
function fromJsonParse(text: string): JsonSyntaxProblem {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = / at position (\d+)/.exec(message);
    const offset = position === null ? text.length : Number(position[1]);
    const reason = message.replace(/ in JSON at position \d+.*$/s, '');
    return { ...lineAndColumn(text, offset), reason: reason.charAt(0).toLowerCase() + reason.slice(1) };
  }
  throw new Error('fromJsonParse called on valid JSON');
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * JSON.parse of `text`, the contents of `fileName`; a syntax error is a
 * ScenarioError at `path` naming the file, line and column, a key given twice
 * in one object a ScenarioError at the key's path.
 */
export function parseJsonText(text: string, fileName: string, path = ''): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = findJsonSyntaxProblem(text);
    const where = problem ? `${problem.line}:${problem.column}` : '1:1';
    const reason = problem?.reason ?? (error instanceof Error ? error.message : String(error));
    throw new ScenarioError([{ path, message: `${fileName}:${where}: invalid JSON: ${reason}` }]);
  }
  const repeated = duplicateJsonKeys(text);
  if (repeated.length > 0) {
    throw new ScenarioError(repeated.map((at) => ({
      path: path && at ? `${path}: ${at}` : path || at,
      message: `${fileName}: this key is given twice; give it once (JSON would keep only the last value)`,
    })));
  }
  return value;
}
