// Durations and instants of the scenario format. A duration is seconds, or a
// string with units ("90s", "45m", "6h", "2d", "1.5h", "1h30m"); an instant is a
// duration from the start, or an ISO date-time when the scenario has a `start`.

import * as z from 'zod';
import { ScenarioError } from '../errors.js';
import { quote } from './quote.js';

const UNIT_SECONDS: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };
const UNIT_ORDER = 'dhms';
// Unambiguous number syntax keeps matching linear in the length of the text.
const NUMBER = '(?:\\d+(?:\\.\\d+)?|\\.\\d+)';
const BARE_NUMBER = new RegExp(`^\\s*${NUMBER}\\s*$`);
const DURATION_PART = new RegExp(`(${NUMBER})([dhms])`, 'g');
const LOOKS_ISO = /^\d{4}-\d{2}-\d{2}T/;
const isoWithOffset = z.iso.datetime({ offset: true });
const isoLocal = z.iso.datetime({ local: true });

/** Duration syntax with the units in any order: read first, so a unit out of order gets its own message. */
const DURATION_TEXT = new RegExp(`^\\s*(?:${NUMBER}[dhms]\\s*)+$`);

/**
 * Pattern of duration strings for the JSON Schema: what parseDuration takes, each unit
 * at most once, largest first ("1h30m", not "30m1h" or "1h1h", which it refuses).
 */
export const DURATION_PATTERN = `^\\s*(?=\\S)${[...UNIT_ORDER].map((unit) => `(?:${NUMBER}${unit}\\s*)?`).join('')}$`;

const EXAMPLES = 'such as "90s", "45m", "6h", "2d" or "1h30m"';
const ISO_EXAMPLE = '"2024-08-06T03:00:00+03:00"';

function fail(message: string): never {
  throw new ScenarioError([{ path: '', message }]);
}

/**
 * Seconds in a duration: a number is seconds; a string has one or more parts
 * with units d, h, m, s in that order ("1h30m"). Throws ScenarioError for
 * negative or non-finite numbers and unreadable strings.
 */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`invalid duration ${quote(value)}: must be a finite number of seconds`);
    if (value < 0) fail(`invalid duration ${quote(value)}: must not be negative`);
    return value;
  }
  const text = value.trim();
  if (BARE_NUMBER.test(text)) fail(`invalid duration ${quote(value)}: add a unit (s, m, h or d), such as ${quote(`${text}s`)}`);
  if (!DURATION_TEXT.test(text)) fail(`invalid duration ${quote(value)}: expected seconds or a number with a unit, ${EXAMPLES}`);
  let seconds = 0;
  let lastUnit = -1;
  for (const [, amount, unit] of text.matchAll(DURATION_PART)) {
    const order = UNIT_ORDER.indexOf(unit);
    if (order <= lastUnit) fail(`invalid duration ${quote(value)}: give each unit once, largest first, as in "1d6h" or "1h30m"`);
    lastUnit = order;
    seconds += Number(amount) * UNIT_SECONDS[unit];
  }
  if (!Number.isFinite(seconds)) fail(`invalid duration ${quote(value)}: too long`);
  return seconds;
}

/** Whether `value` is a string in the duration syntax (any unit order problem included). */
function looksLikeDuration(value: string): boolean {
  return DURATION_TEXT.test(value);
}

/** Whether `value` is an ISO date-time with a time zone (`Z` or `±hh:mm`). */
function isIsoDateTime(value: string): boolean {
  return isoWithOffset.safeParse(value).success;
}

/**
 * Throws ScenarioError unless `value` is a duration string or an ISO date-time
 * with a time zone; says which of the two it failed to be.
 */
export function checkInstantSyntax(value: string): void {
  if (!LOOKS_ISO.test(value.trim())) {
    if (!looksLikeDuration(value) && !BARE_NUMBER.test(value)) {
      fail(`invalid instant ${quote(value)}: expected a duration from the start, ${EXAMPLES}, or an ISO date-time such as ${ISO_EXAMPLE}`);
    }
    parseDuration(value);
  } else if (!isIsoDateTime(value)) {
    if (isoLocal.safeParse(value).success) fail(`ISO date-time ${quote(value)} needs a time zone, such as "Z" or "+03:00"`);
    fail(`invalid ISO date-time ${quote(value)}: expected the form ${ISO_EXAMPLE}`);
  }
}

/**
 * Seconds from the scenario start to an instant: a duration, or an ISO date-time
 * with a time zone when `start` is given. Throws ScenarioError when an ISO
 * date-time is used without `start`, lacks a time zone, or falls before `start`.
 */
export function parseInstant(value: number | string, start: string | null): number {
  if (typeof value === 'number') return parseDuration(value);
  checkInstantSyntax(value);
  if (!LOOKS_ISO.test(value.trim())) return parseDuration(value);
  if (start === null) fail(`ISO date-time ${quote(value)} needs the scenario's "start"; set it or give a duration such as "6h"`);
  if (!isIsoDateTime(start)) fail(`invalid start ${quote(start)}: expected an ISO date-time such as ${ISO_EXAMPLE}`);
  const seconds = (Date.parse(value) - Date.parse(start)) / 1000;
  if (seconds < 0) fail(`${quote(value)} is before the scenario start ${quote(start)}`);
  return seconds;
}
