// The machine's memory latency, measured beside the hot loop: a chain of dependent
// reads through a random cycle over a block larger than the last-level cache, so
// each read waits for memory. The loop's cost per link traversal is mostly such
// waits at a million people, and on a shared machine the latency moves from day to
// day; this number says which kind of day a run's figures come from.

/** A block that fits the cache of a calm machine: reads over it time the cache left to the run. */
export const CACHE_BLOCK_BYTES = 4 * 1024 ** 2;

/** Nanoseconds per dependent random read over `bytes` of memory (a 4-byte-entry cycle, seeded). */
export function memoryLatencyNs(bytes = 64 * 1024 ** 2, reads = 5_000_000, seed = 1): number {
  const n = Math.max(2, Math.floor(bytes / 4));
  const next = randomCycle(n, seed);
  let at = 0;
  // Warm the page tables and the branch predictor on a short run first.
  for (let i = 0; i < 1000; i++) at = next[at];
  const started = performance.now();
  for (let i = 0; i < reads; i++) at = next[at];
  const ns = ((performance.now() - started) * 1e6) / reads;
  // `at` is used, so the chain cannot be optimised away.
  return at < 0 ? Number.NaN : ns;
}

/** next[i] walks all of 0..n−1 in one cycle, in an order shuffled by a seeded LCG (Sattolo's algorithm). */
function randomCycle(n: number, seed: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let state = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = Math.floor((state / 4294967296) * i);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const next = new Int32Array(n);
  for (let i = 0; i < n; i++) next[order[i]] = order[(i + 1) % n];
  return next;
}
