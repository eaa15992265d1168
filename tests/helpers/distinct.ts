// Seeded fuzzing draws the same case again and again: a mutation of the base
// scenario has about 3,100 distinct values in 6,000 draws (a delete picks one of
// some 120 paths, a duplicate one of 26). The harness is deterministic (same
// value, same outcome), so a repeat tests nothing the first draw did not;
// `distinctOnly` runs each value once and answers repeats with the outcome it had.
import { createHash } from 'node:crypto';

/** Text that tells apart every two values a JSON-like arbitrary can draw, -0, NaN, ±Infinity and undefined included. */
export function exactText(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return `#${String(value)}`;
  if (Array.isArray(value)) return `[${value.map(exactText).join(',')}]`;
  const proto = Object.getPrototypeOf(value) === null ? 'null-proto' : '';
  return `{${proto}${Object.keys(value).map((k) => `${JSON.stringify(k)}:${exactText((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * `run` called once per distinct argument, its result remembered (by a SHA-256 of the
 * argument's exact text, so `npm run fuzz`'s 120,000 draws stay small in memory). A call
 * that throws is not remembered: fast-check, shrinking, sees it fail every time.
 */
export function distinctOnly<A, R>(run: (value: A) => R): (value: A) => R {
  const outcomes = new Map<string, R>();
  return (value) => {
    const key = createHash('sha256').update(exactText(value)).digest('base64');
    if (outcomes.has(key)) return outcomes.get(key) as R;
    const outcome = run(value);
    outcomes.set(key, outcome);
    return outcome;
  };
}
