// Report bins: consecutive windows of `binSeconds` covering 0..endTime. Bin i
// holds the instants in (i·b, (i+1)·b], the first also holding 0, so the counts
// of bins 0..i add up to the exact state at the end of bin i.

/** End instant of each bin; the last one ends at `endTime`. There is always at least one bin. */
export function binEnds(endTime: number, binSeconds: number): number[] {
  if (!(binSeconds > 0) || !Number.isFinite(binSeconds)) {
    throw new RangeError(`binSeconds must be a positive number, got ${binSeconds}`);
  }
  const count = Math.max(1, Math.ceil(endTime / binSeconds));
  return Array.from({ length: count }, (_, i) => Math.min((i + 1) * binSeconds, endTime));
}

/** Index of the bin holding instant `t`, clamped to the `count` bins. */
export function binIndex(t: number, binSeconds: number, count: number): number {
  const i = t <= 0 ? 0 : Math.ceil(t / binSeconds) - 1;
  return Math.min(Math.max(i, 0), count - 1);
}
