// When a vehicle reaches the end of a road whose speed changes over time: the
// distance driven at each speed in force, added up by hand, for tests of slowdowns.

/**
 * The instant a vehicle entering at `at` has driven `length` metres at `speed` (m/s) × the
 * factor in force, which `factorAt` gives and which changes only at the instants `edges`.
 */
export function driveEnd(at: number, length: number, speed: number, factorAt: (t: number) => number, edges: readonly number[]): number {
  let t = at;
  let left = length;
  for (;;) {
    let next = Infinity;
    for (const e of edges) if (e > t && e < next) next = e;
    const pace = speed * factorAt(t);
    if (left <= pace * (next - t)) return t + left / pace;
    left -= pace * (next - t);
    t = next;
  }
}
