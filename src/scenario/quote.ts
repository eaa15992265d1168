// How a value from a scenario file is quoted in an error message:
// short, unambiguous, and never the whole of a large object.

const MAX_LENGTH = 40;

/** `"abc"`, `1.5`, `true`, `null`, `[1, 2]`, `an object`, `nothing` — for "got …" clauses. */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const text = value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) {
    const text = short(value);
    return text ?? `a list of ${value.length} ${value.length === 1 ? 'item' : 'items'}`;
  }
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Short arrays of scalars are shown literally, anything else is described. */
function short(list: unknown[]): string | undefined {
  if (list.length > 4 || !list.every((v) => typeof v === 'number' || typeof v === 'string')) return undefined;
  const text = `[${list.map(quote).join(', ')}]`;
  return text.length <= MAX_LENGTH ? text : undefined;
}
