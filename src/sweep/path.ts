// Paths into a scenario file for sweep parameters: `households.carShare`,
// `orders[2].compliance`, `orders[*].compliance` (every element),
// `settlements[district=Sudzhansky].population` (elements whose field equals the
// value, or whose array field contains it), `["odd key"]` for keys of any spelling.

import { InputError } from '../errors.js';
import { formatPath, type PathKey } from '../scenario/path.js';

/** One step of a path: a key, an index, every element, or the elements a filter matches. */
export type Selector =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'all' }
  | { kind: 'filter'; field: string[]; value: string };

const KEY = /^[A-Za-z_$][\w$-]*/;
// Keys that reach an object's prototype: never scenario fields.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads `text` into selectors; throws InputError pointing at the first character it cannot read. */
export function parsePath(text: string, option = '--set'): Selector[] {
  const path: Selector[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new InputError(`${option} ${text}: ${why} at character ${i + 1}`);
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '[') {
      const end = closingBracket(text, i);
      if (end < 0) fail('unclosed [');
      path.push(bracket(text.slice(i + 1, end), fail));
      i = end + 1;
    } else {
      if (path.length > 0) {
        if (c !== '.') fail('expected "." or "["');
        i++;
      }
      const match = KEY.exec(text.slice(i));
      if (match === null) fail('expected a field name');
      path.push({ kind: 'key', key: match![0] });
      i += match![0].length;
    }
  }
  if (path.length === 0) throw new InputError(`${option}: give a path`);
  for (const selector of path) {
    if (selector.kind === 'key' && FORBIDDEN.has(selector.key)) throw new InputError(`${option} ${text}: "${selector.key}" is not a field`);
  }
  return path;
}

/** Splits `PATH=VALUES` at the first `=` outside brackets (filters hold `=` too). */
export function splitAssignment(text: string): { path: string; values: string } {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[') {
      const end = closingBracket(text, i);
      if (end < 0) break;
      i = end;
    } else if (text[i] === '=') {
      return { path: text.slice(0, i).trim(), values: text.slice(i + 1) };
    }
  }
  throw new InputError(`--set ${text}: expected PATH=VALUES, such as orders[*].compliance=0.5:0.9:0.1`);
}

/** Index of the `]` closing the `[` at `open`, skipping quoted text; -1 when there is none. */
export function closingBracket(text: string, open: number): number {
  let quoted = false;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\' && quoted) i++;
    else if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ']' && !quoted) return i;
  }
  return -1;
}

function bracket(inside: string, fail: (why: string) => never): Selector {
  const body = inside.trim();
  if (body === '*') return { kind: 'all' };
  if (/^\d+$/.test(body)) return { kind: 'index', index: Number(body) };
  if (body.startsWith('"')) {
    try {
      const key = JSON.parse(body) as unknown;
      if (typeof key === 'string') return { kind: 'key', key };
    } catch {
      // falls through to the message below
    }
    return fail(`cannot read the quoted key ${body}`);
  }
  const eq = body.indexOf('=');
  if (eq <= 0) return fail(`expected [number], [*], [field=value] or ["key"], got [${inside}]`);
  const field = body.slice(0, eq).trim().split('.');
  if (field.some((f) => !/^[A-Za-z_$][\w$-]*$/.test(f))) fail(`bad field name in [${inside}]`);
  let value = body.slice(eq + 1).trim();
  if (value.startsWith('"')) {
    try {
      value = JSON.parse(value) as string;
    } catch {
      fail(`cannot read the quoted value in [${inside}]`);
    }
  }
  return { kind: 'filter', field, value };
}

/**
 * Sets `value` at every place `path` selects in `root` (changed in place) and
 * returns those places as concrete paths such as `['orders', 0, 'compliance']`.
 * A missing last key, or a missing object on the way, is created (the scenario
 * format has defaults, so a file may omit what a sweep sets). Throws InputError
 * when the path selects nothing, naming `name`.
 */
export function setAt(root: unknown, path: readonly Selector[], value: unknown, name: string): PathKey[][] {
  // A place is `container[key]`, found at the concrete path `at`.
  let places: { container: Record<PathKey, unknown>; key: PathKey; at: PathKey[] }[] = [
    { container: { root }, key: 'root', at: [] },
  ];
  path.forEach((selector, s) => {
    const next: typeof places = [];
    for (const { container, key, at } of places) {
      let here = container[key];
      if (selector.kind === 'key') {
        if (here === undefined) {
          here = {};
          container[key] = here;
        }
        if (!isPlainObject(here)) {
          throw new InputError(`--set ${name}: ${formatPath(at) || 'the scenario'} is ${describe(here)}, not an object with "${selector.key}"`);
        }
        next.push({ container: here, key: selector.key, at: [...at, selector.key] });
        continue;
      }
      if (here === undefined) continue;
      if (!Array.isArray(here)) throw new InputError(`--set ${name}: ${formatPath(at) || 'the scenario'} is ${describe(here)}, not a list`);
      here.forEach((element, index) => {
        if (selector.kind === 'index' && index !== selector.index) return;
        if (selector.kind === 'filter' && !matches(element, selector)) return;
        next.push({ container: here as unknown as Record<PathKey, unknown>, key: index, at: [...at, index] });
      });
    }
    if (next.length === 0) throw new InputError(`--set ${name}: matches nothing in the scenario${selectorHint(path, s)}`);
    places = next;
  });
  for (const { container, key } of places) container[key] = structuredClone(value);
  return places.map((p) => p.at);
}

/** Whether `element` has the filter's field equal to its value, or an array field containing it. */
export function matches(element: unknown, filter: { field: string[]; value: string }): boolean {
  let v: unknown = element;
  for (const key of filter.field) {
    if (!isPlainObject(v) || !Object.hasOwn(v, key)) return false;
    v = v[key];
  }
  const same = (x: unknown) => (x === null || ['string', 'number', 'boolean'].includes(typeof x)) && String(x) === filter.value;
  return Array.isArray(v) ? v.some(same) : same(v);
}

function selectorHint(path: readonly Selector[], s: number): string {
  const selector = path[s];
  if (selector.kind === 'index') return ` (no element [${selector.index}])`;
  if (selector.kind === 'filter') return ` (no element with ${selector.field.join('.')} = ${JSON.stringify(selector.value)})`;
  if (selector.kind === 'all') return ' (the list is empty)';
  return '';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'absent';
  if (Array.isArray(v)) return 'a list';
  return v === null ? 'null' : `the ${typeof v} ${JSON.stringify(v)}`;
}
