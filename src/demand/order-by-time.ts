// A stable ordering of instants: the permutation that sorts a Float64Array of
// times, equal times keeping their index order. An LSD radix sort on the bits of
// each float (four passes of 16 bits), linear in the count, where a comparison
// sort of a million households would dominate a short run. Below about a
// thousand times a comparison sort is faster (the radix passes clear 65,536
// counters each, 0.4 ms whatever the count) and gives the same order.

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;
/** From this count on, the radix sort; below it, a comparison sort (measured even at about 2,000). */
export const RADIX_FROM = 1024;

/**
 * Indices of `times` in increasing order of time, ties by index — the order of
 * `(a, b) => times[a] - times[b] || a - b`. Times must not be NaN; −0 sorts as +0.
 */
export function orderByTime(times: Float64Array): Int32Array {
  const n = times.length;
  if (n < RADIX_FROM) return compareSort(times);
  // Each float as two 32-bit words whose unsigned order is the numeric order.
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  splitWords(times, hi, lo);
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const count = new Int32Array(BUCKETS);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = (pass & 1) * DIGIT_BITS;
    count.fill(0);
    countDigits(key, shift, count);
    startsOf(count);
    scatter(key, shift, count, order, next);
    [order, next] = [next, order];
  }
  return order;
}

// Each loop is a function of its own: a run sorts once, while the code is cold, and V8
// optimises a small function after fewer iterations than a loop inside a large one
// (80,000 times sorted in 17 ms instead of 38 ms in a fresh process).

/** Writes the words of each time into `hi` and `lo`, flipped so that unsigned order is numeric order. */
function splitWords(times: Float64Array, hi: Uint32Array, lo: Uint32Array): void {
  const scratch = new Float64Array(1);
  const words = new Uint32Array(scratch.buffer);
  const [low, high] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  for (let i = 0; i < times.length; i++) {
    scratch[0] = times[i] + 0; // −0 + 0 is +0
    let h = words[high];
    let l = words[low];
    if (h >>> 31) {
      h = ~h;
      l = ~l;
    } else {
      h |= 0x80000000;
    }
    hi[i] = h >>> 0;
    lo[i] = l >>> 0;
  }
}

/** Counts the keys of each digit value. */
function countDigits(key: Uint32Array, shift: number, count: Int32Array): void {
  for (let i = 0; i < key.length; i++) count[(key[i] >>> shift) & MASK]++;
}

/** Turns the counts into the first output position of each digit value. */
function startsOf(count: Int32Array): void {
  let sum = 0;
  for (let b = 0; b < count.length; b++) {
    const c = count[b];
    count[b] = sum;
    sum += c;
  }
}

/** Places the indices of `order` into `next` by their digit, keeping their order within a digit. */
function scatter(key: Uint32Array, shift: number, count: Int32Array, order: Int32Array, next: Int32Array): void {
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    next[count[(key[i] >>> shift) & MASK]++] = i;
  }
}

/** The same order by comparisons: ties (−0 and +0, or two infinities, whose difference is NaN) go by index. */
function compareSort(times: Float64Array): Int32Array {
  const order = new Int32Array(times.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => times[a] - times[b] || a - b);
}
