// The values of one sweep parameter, as written after `=` in `--set PATH=VALUES`:
// a range `from:to:step` (numbers, or durations with one unit such as `2h:8h:2h`)
// or a comma list of numbers, booleans, null and strings.

import { InputError } from '../errors.js';

/** One value a parameter takes: whatever a scenario field can hold. */
export type Value = number | string | boolean | null;

/** A range `from:to[:step]`; `unit` is set when it was written in durations ("h" for `2h:8h:2h`). */
export interface RangeValues {
  kind: 'range';
  from: number;
  to: number;
  /** null when omitted: allowed for Latin hypercube draws, which are continuous over the range. */
  step: number | null;
  unit: DurationUnit | null;
}

/** An explicit list of values, in the order given. */
export interface ListValues {
  kind: 'list';
  values: Value[];
}

export type ValueSpec = RangeValues | ListValues;

export type DurationUnit = 'd' | 'h' | 'm' | 's';

/** Grid points a range may expand to; more is almost surely a typo in the step. */
const MAX_LEVELS = 100_000;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DURATION = /^((?:\d+(?:\.\d*)?|\.\d+))([dhms])$/;

/**
 * Reads `text` as a range (`0.5:0.9:0.1`, `0:1`, `2h:12h:2h`) or a comma list
 * (`0.6,0.8`, `weibull,lognormal`, `true,false`, `"a,b",c`). A text that is
 * neither, such as an ISO date-time, is a one-item list holding that string.
 * Throws InputError naming `name` for an empty list or a malformed range.
 */
export function parseValues(text: string, name: string): ValueSpec {
  const range = parseRange(text.trim(), name);
  if (range !== null) return range;
  const values = splitList(text, name).map((item) => parseItem(item, `--set ${name}`));
  if (values.length === 0) throw new InputError(`--set ${name}: give at least one value`);
  return { kind: 'list', values };
}

/** The values a grid takes: every item of a list, or from, from + step, … up to `to` inclusive. */
export function gridLevels(spec: ValueSpec, name: string): Value[] {
  if (spec.kind === 'list') return spec.values;
  if (spec.step === null) {
    throw new InputError(`--set ${name}: a grid needs a step, as in ${steppedExample(spec)}`);
  }
  const count = levelCount(spec);
  return Array.from({ length: count }, (_, i) => rangeValue(spec, spec.from + i * spec.step!));
}

/** `spec` with a step of a quarter of its width, in its own unit and without float noise: `2h:8h:1.5h`. */
function steppedExample(spec: RangeValues): string {
  const unit = spec.unit ?? '';
  const step = Number(((spec.to - spec.from) / 4 || 1).toPrecision(12));
  return `${spec.from}${unit}:${spec.to}${unit}:${step}${unit}`;
}

/** A number on `spec`'s range written the way the range was: a duration string when it had units. */
export function rangeValue(spec: RangeValues, x: number): Value {
  const clean = tidy(x, spec);
  return spec.unit === null ? clean : `${clean}${spec.unit}`;
}

/** The number of grid levels of a stepped range. */
function levelCount(spec: RangeValues): number {
  const steps = (spec.to - spec.from) / (spec.step as number);
  return Math.floor(steps + 1e-9) + 1;
}

/** Rounds away float noise (0.30000000000000004 → 0.3) at the precision the range was written in. */
function tidy(x: number, spec: RangeValues): number {
  const decimals = Math.max(decimalsOf(spec.from), decimalsOf(spec.step ?? 0), decimalsOf(spec.to));
  return decimals > 12 ? Number(x.toPrecision(15)) : Number(x.toFixed(decimals));
}

function decimalsOf(x: number): number {
  const text = String(x);
  if (text.includes('e')) return 13;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function parseRange(text: string, name: string): RangeValues | null {
  if (text.includes(',')) return null;
  const parts = text.split(':').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3) return null;
  let unit: DurationUnit | null = null;
  let numbers: number[];
  if (parts.every((p) => NUMBER.test(p))) {
    numbers = parts.map(Number);
  } else {
    const durations = parts.map((p) => DURATION.exec(p));
    if (durations.some((d) => d === null)) return null;
    const units = new Set(durations.map((d) => d![2]));
    if (units.size !== 1) throw new InputError(`--set ${name}: write every part of a duration range in one unit, as in 2h:12h:2h (got ${text})`);
    unit = durations[0]![2] as DurationUnit;
    numbers = durations.map((d) => Number(d![1]));
  }
  const [from, to, step = null] = numbers;
  if (!Number.isFinite(from) || !Number.isFinite(to) || (step !== null && !Number.isFinite(step))) {
    throw new InputError(`--set ${name}: range ends and step must be finite numbers (got ${text})`);
  }
  if (step !== null) {
    if (step === 0) throw new InputError(`--set ${name}: the step of ${text} must not be 0`);
    if ((to - from) * step < 0) throw new InputError(`--set ${name}: the step of ${text} goes away from ${to}; use ${-step}`);
  }
  const spec: RangeValues = { kind: 'range', from, to, step, unit };
  if (step !== null && levelCount(spec) > MAX_LEVELS) {
    throw new InputError(`--set ${name}: ${text} has more than ${MAX_LEVELS} values; check the step`);
  }
  return spec;
}

/** Splits on commas outside double quotes. */
function splitList(text: string, name: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quoted && i + 1 < text.length) {
      current += c + text[++i];
    } else if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (c === ',' && !quoted) {
      items.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (quoted) throw new InputError(`--set ${name}: unclosed quote in ${text}`);
  items.push(current);
  const trimmed = items.map((s) => s.trim());
  if (trimmed.some((s) => s === '') && !(trimmed.length === 1)) throw new InputError(`--set ${name}: empty item in ${text}`);
  return trimmed.length === 1 && trimmed[0] === '' ? [] : trimmed;
}

/** One item as `--set` reads it: true, false, null, a number, a quoted string, or the text itself. */
export function parseItem(item: string, where = 'value'): Value {
  if (item === 'true') return true;
  if (item === 'false') return false;
  if (item === 'null') return null;
  if (NUMBER.test(item)) {
    const value = Number(item);
    if (!Number.isFinite(value)) throw new InputError(`${where}: ${item} is beyond the largest number (about 1.8e308)`);
    return value;
  }
  if (item.length >= 2 && item.startsWith('"') && item.endsWith('"')) {
    // A quoted string is read as JSON reads one: a stray backslash (`"\q"`) was an internal error.
    try {
      return JSON.parse(item) as string;
    } catch {
      throw new InputError(`${where}: ${item} is not a quoted string as JSON writes one (write a backslash as \\\\, a quote as \\")`);
    }
  }
  return item;
}

/** `spec` written back as text, as `--set` takes it; parseValues(formatValues(s)) equals s. */
export function formatValues(spec: ValueSpec): string {
  if (spec.kind === 'range') {
    const u = spec.unit ?? '';
    return [spec.from, spec.to, ...(spec.step === null ? [] : [spec.step])].map((x) => `${x}${u}`).join(':');
  }
  return spec.values.map((v) => (typeof v === 'string' && needsQuotes(v) ? JSON.stringify(v) : String(v))).join(',');
}

function needsQuotes(v: string): boolean {
  return v === '' || v === 'true' || v === 'false' || v === 'null' || NUMBER.test(v) || /[",]/.test(v) || v !== v.trim() || v.includes(':');
}
