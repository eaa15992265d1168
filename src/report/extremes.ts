// Largest and smallest of a list, by a loop: `Math.max(...list)` passes every
// element as an argument and overflows the stack on long lists (report bins,
// links of a large network).

/** `Math.max(floor, ...values)` without spreading: `floor` when `values` is empty. */
export function maxOf(values: ArrayLike<number>, floor = -Infinity): number {
  let max = floor;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]);
  return max;
}

/** `Math.min(ceiling, ...values)` without spreading: `ceiling` when `values` is empty. */
export function minOf(values: ArrayLike<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (let i = 0; i < values.length; i++) min = Math.min(min, values[i]);
  return min;
}
