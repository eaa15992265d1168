// A YAML alias (`*mob`) reads as the very object of its anchor (`&mob`), so two
// places of a scenario file can hold one object, and a value set at one of them
// (a sweep's `--set`, a variant's `set`, the explorer) would change the other too.
// The file's value is copied into a tree first: every place its own object.

/**
 * A copy of `value` in which arrays and plain objects are copied at every place
 * they occur, so no two places share one; a cycle (an alias inside its own
 * anchor) stays a cycle. Recursive: for values as deep as the YAML parser reads.
 */
export function unshared<T>(value: T): T {
  return copy(value, new Map()) as T;
}

function copy(value: unknown, open: Map<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const cycle = open.get(value);
  if (cycle !== undefined) return cycle;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    open.set(value, out);
    for (const item of value) out.push(copy(item, open));
    open.delete(value);
    return out;
  }
  const prototype = Object.getPrototypeOf(value);
  // Anything else a tag could make (a Map, a Date) is left as it is: the scenario refuses it.
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out: Record<string, unknown> = {};
  open.set(value, out);
  // defineProperty, so a key named "__proto__" stays a field and never sets the prototype.
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: copy(item, open), writable: true, enumerable: true, configurable: true });
  }
  open.delete(value);
  return out;
}
