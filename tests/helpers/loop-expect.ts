// Assertions for loops that run them millions of times (once per trace step of
// thousands of generated runs). A passing expect(...) still costs microseconds
// (it sets up its assertion state each call): in the traffic properties that
// was about a third of the file's CPU. These compare first and call expect only
// when the comparison fails, so a failure is reported exactly as before.
import { expect } from 'vitest';

/** expect(actual).toBe(expected), paid for only when they differ. */
export function expectSame<T>(actual: T, expected: T): void {
  if (!Object.is(actual, expected)) expect(actual).toBe(expected);
}

/** expect(actual).toBeLessThanOrEqual(bound), paid for only when it is above. */
export function expectAtMost(actual: number, bound: number): void {
  if (!(actual <= bound)) expect(actual).toBeLessThanOrEqual(bound);
}

/** expect(actual).toBeGreaterThanOrEqual(bound), paid for only when it is below. */
export function expectAtLeast(actual: number, bound: number): void {
  if (!(actual >= bound)) expect(actual).toBeGreaterThanOrEqual(bound);
}
