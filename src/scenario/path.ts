// Paths into a scenario file, written the way a reader finds the spot:
// `orders[2].compliance`, `network.roads[5].to`, `targets[0]["odd key"]`.

export type PathKey = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Formats `['orders', 2, 'compliance']` as `orders[2].compliance`; the root is the empty string. */
export function formatPath(path: readonly PathKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (IDENTIFIER.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

/** The value at `path` inside `root` (own properties only), or undefined when absent. */
export function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}
