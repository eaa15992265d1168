// Finds where JSON text first breaks the grammar and why, because JSON.parse in
// Node 20 often names neither line nor column. Only called once JSON.parse has
// failed; iterative, so deeply nested text cannot overflow the stack.

import { ScenarioError } from '../errors.js';
import { duplicateJsonKeys } from './json-duplicate-keys.js';

export interface JsonSyntaxProblem {
  /** 1-based line and column of the offending character (or of the end of the text). */
  line: number;
  column: number;
  reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';
const HEX4 = /[0-9a-fA-F]{4}/y;

class Scanner {
  at = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at])) this.at++;
  }

  /** Why the character under the cursor is wrong, in words. */
  unexpected(): string {
    return this.at >= this.text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(this.text[this.at])}`;
  }

  /** Moves past a string starting at the cursor; returns a reason when it is malformed. */
  string(): string | null {
    this.at++;
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) return 'unterminated string';
      if (c === '"') {
        this.at++;
        return null;
      }
      if (c < ' ') return c === '\n' ? 'unterminated string' : 'control character in string';
      if (c === '\\') {
        const escaped = this.text[this.at + 1];
        if (escaped === 'u') {
          HEX4.lastIndex = this.at + 2;
          if (!HEX4.test(this.text)) return 'invalid \\u escape in string';
          this.at += 6;
          continue;
        }
        if (escaped === undefined || !ESCAPES.includes(escaped)) return 'invalid escape in string';
        this.at += 2;
        continue;
      }
      this.at++;
    }
  }

  /** Moves past a scalar value at the cursor; returns a reason when there is none. */
  scalar(): string | null {
    const c = this.text[this.at];
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = this.at;
      if (!NUMBER.test(this.text)) return 'invalid number';
      this.at = NUMBER.lastIndex;
      return null;
    }
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return null;
      }
    }
    return this.unexpected();
  }

  /** Moves past `"key":` at the cursor; returns a reason when it is malformed. */
  member(): string | null {
    this.skipSpace();
    if (this.text[this.at] !== '"') return 'expected a property name in double quotes';
    const problem = this.string();
    if (problem) return problem;
    this.skipSpace();
    if (this.text[this.at] !== ':') return 'expected ":" after the property name';
    this.at++;
    return null;
  }

  /** The first grammar problem as an offset and reason, or null for valid JSON. */
  scan(): { offset: number; reason: string } | null {
    const open: ('[' | '{')[] = [];
    const fail = (reason: string) => ({ offset: this.at, reason });
    let wantValue = true;
    for (;;) {
      this.skipSpace();
      if (wantValue) {
        const c = this.text[this.at];
        if (c === '[' || c === '{') {
          this.at++;
          this.skipSpace();
          if (this.text[this.at] === (c === '[' ? ']' : '}')) {
            this.at++;
            wantValue = false;
            continue;
          }
          open.push(c);
          const problem = c === '{' ? this.member() : null;
          if (problem) return fail(problem);
          continue;
        }
        const problem = this.scalar();
        if (problem) return fail(problem);
        wantValue = false;
        continue;
      }
      const top = open.at(-1);
      if (top === undefined) return this.at < this.text.length ? fail(`${this.unexpected()} after the end of the JSON value`) : null;
      const close = top === '[' ? ']' : '}';
      const c = this.text[this.at];
      if (c === close) {
        this.at++;
        open.pop();
      } else if (c === ',') {
        this.at++;
        const problem = top === '{' ? this.member() : null;
        if (problem) return fail(problem);
        wantValue = true;
      } else {
        return fail(`expected "," or "${close}" but found ${c === undefined ? 'the end of input' : JSON.stringify(c)}`);
      }
    }
  }
}

/** Line, column and reason of the first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const found = new Scanner(text).scan();
  if (found === null) return null;
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length;
  const column = found.offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, reason: found.reason };
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
