// Counts at each instant of a run, for the map. A fresh run makes them typed arrays,
// views into one buffer, so the explorer's worker sends them to the page as one block
// instead of object by object; a report embeds them as JSON arrays (plainForJson).

/** A count at each instant: typed in a fresh run, a plain array once read back from JSON. */
export type Counts = Float64Array | Int32Array | readonly number[];

/** `rows` views of `length` values each, in one new buffer. */
export function countRows<T extends Float64Array | Int32Array>(make: (n: number) => T, rows: number, length: number): T[] {
  const block = make(rows * length);
  return Array.from({ length: rows }, (_, i) => block.subarray(i * length, (i + 1) * length) as T);
}

/**
 * `value` with its typed arrays as plain arrays, so JSON.stringify writes them as
 * it writes arrays (a replacer function would be called for every number).
 * Arrays that start with a number are taken to hold only numbers and kept.
 */
export function plainForJson(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as Float64Array);
  if (Array.isArray(value)) return value.length > 0 && typeof value[0] === 'number' ? value : value.map(plainForJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = plainForJson(item);
  return out;
}
