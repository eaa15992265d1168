// Integer shares of a total in proportion to weights, by largest remainder, so a
// generated scenario holds exactly the number of people asked for.

/**
 * Splits `total` into non-negative integers proportional to `weights` that sum to
 * `total`; remainders go to the largest fractions first, ties to the lower index.
 * All-zero weights split evenly.
 */
export function apportion(total: number, weights: ArrayLike<number>): number[] {
  const n = weights.length;
  if (n === 0) return [];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  const out = new Array<number>(n);
  const remainder = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = sum > 0 ? (total * weights[i]) / sum : total / n;
    out[i] = Math.floor(exact);
    remainder[i] = exact - out[i];
    given += out[i];
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainder[b] - remainder[a] || a - b);
  for (let k = 0; given < total; k = (k + 1) % n, given++) out[order[k]]++;
  return out;
}
