// Turns zod's validation issues into evacsim's own `path: message` issues, in
// plain English and quoting the offending value: "must be between 0 and 1,
// got 1.5", "unknown field (did you mean "population"?)".

import type * as z from 'zod';
import type { Issue } from './issues.js';
import { formatPath, valueAt, type PathKey } from './path.js';
import { quote } from './quote.js';
import { fieldsOf, schemaAt, wordingOf } from './schema-at.js';
import { didYouMean } from './suggest.js';

type ZodIssue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

function join(path: readonly PathKey[], rest: readonly PropertyKey[]): PathKey[] {
  return [...path, ...rest.map((key) => (typeof key === 'number' ? key : String(key)))];
}

/** Every zod issue of a failed parse of `input` against `root`, translated. */
export function translateZodIssues(issues: readonly ZodIssue[], root: Schema, input: unknown): Issue[] {
  return issues.flatMap((issue) => translate(issue, [], root, input));
}

function translate(issue: ZodIssue, base: readonly PathKey[], root: Schema, input: unknown): Issue[] {
  const path = join(base, issue.path);
  const at = (message: string): Issue[] => [{ path: formatPath(path), message }];
  const value = valueAt(input, path);
  const got = `got ${quote(value)}`;
  const words = wordingOf(schemaAt(root, input, path));

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = fieldsOf(schemaAt(root, input, path), input, path).filter((key) => valueAt(value, [key]) === undefined);
      return issue.keys.map((key) => ({
        path: formatPath([...path, key]),
        message: `unknown field${didYouMean(key, known)}`,
      }));
    }
    case 'invalid_type': {
      if (path.length === 0) return at(`a scenario must be an object, ${got}`);
      if (value === undefined) return at('missing required field');
      if (typeof value === 'number' && !Number.isFinite(value)) return at(`must be a finite number, ${got}`);
      if (words.expects) return at(`must be ${words.expects}, ${got}`);
      if (words.range) return at(`must be a number ${words.range}, ${got}`);
      return at(`must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, ${got}`);
    }
    case 'too_small':
    case 'too_big':
      return at(`${sizeProblem(issue, words.range, words.expects)}, ${got}`);
    case 'invalid_value': {
      if (value === undefined) return at('missing required field');
      return at(unknownOption(words.noun ?? 'value', value, issue.values.map(String)));
    }
    case 'invalid_union':
      return unionProblem(issue, path, root, input);
    case 'invalid_format':
      return at(`must be ${words.expects ?? `in ${issue.format} format`}, ${got}`);
    case 'custom':
      return at(issue.message);
    default:
      return at(`is not valid, ${got}`);
  }
}

/** `unknown distribution "gamma"; expected one of …`, or a "did you mean" when one option is close. */
function unknownOption(noun: string, value: unknown, options: string[]): string {
  const hint = typeof value === 'string' ? didYouMean(value, options) : '';
  return hint ? `unknown ${noun} ${quote(value)}${hint}` : `unknown ${noun} ${quote(value)}; expected one of ${options.join(', ')}`;
}

function sizeProblem(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  range: string | undefined,
  expects: string | undefined,
): string {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'number':
    case 'int':
      if (range) return `must be ${range}`;
      if (small) return issue.inclusive ? `must be at least ${bound}` : `must be greater than ${bound}`;
      return issue.inclusive ? `must be at most ${bound}` : `must be less than ${bound}`;
    case 'array':
      if (expects) return `must be ${expects}`;
      if (small) return bound === 1 ? 'must not be empty' : `must have at least ${bound} items`;
      return `must have at most ${bound} items`;
    case 'string':
      if (small) return bound === 1 ? 'must not be empty' : `must have at least ${bound} characters`;
      return `must have at most ${bound} characters`;
    default:
      return small ? 'is too small' : 'is too big';
  }
}

function unionProblem(issue: z.core.$ZodIssueInvalidUnion, path: PathKey[], root: Schema, input: unknown): Issue[] {
  const value = valueAt(input, path);
  const at = (message: string): Issue[] => [{ path: formatPath(path), message }];
  if (issue.discriminator !== undefined && issue.errors.length === 0) {
    const noun = wordingOf(schemaAt(root, input, path.slice(0, -1))).noun ?? 'kind';
    const options = ('options' in issue ? (issue.options ?? []) : []).map(String);
    if (value === undefined) return at(`missing required field; expected one of ${options.join(', ')}`);
    return at(unknownOption(noun, value, options));
  }
  // A branch that failed for a reason other than the value's type says what went wrong.
  const telling = issue.errors.filter((branch) => !branch.every((e) => e.code === 'invalid_type' && e.path.length === 0));
  if (telling.length === 1) return telling[0].flatMap((branchIssue) => translate(branchIssue, path, root, input));
  if (value === undefined) return at('missing required field');
  const expects = wordingOf(schemaAt(root, input, path)).expects;
  return at(expects ? `must be ${expects}, got ${quote(value)}` : `does not have an accepted form, got ${quote(value)}`);
}
