// Reading the values of GeoJSON features: positions, ids, strings, numbers and
// choices, each reporting a `{path, message}` problem instead of throwing, so
// that one pass finds every bad feature.

export type Issue = { path: string; message: string };
export type Point2 = [number, number];

/** Positions as [a, b] pairs (a third coordinate, elevation, is dropped); null after reporting a bad one. */
export function readPositions(value: unknown, planar: boolean, path: string, issues: Issue[]): Point2[] | null {
  if (!Array.isArray(value)) {
    issues.push({ path, message: 'expected an array of positions' });
    return null;
  }
  const out: Point2[] = [];
  for (const position of value) {
    if (!Array.isArray(position) || position.length < 2 || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
      issues.push({ path, message: `expected [${planar ? 'x, y' : 'lon, lat'}] number pairs, got ${JSON.stringify(position)}` });
      return null;
    }
    const [a, b] = position as number[];
    if (!planar && (Math.abs(a) > 180 || Math.abs(b) > 90)) {
      issues.push({ path, message: `[${a}, ${b}] is not a [lon, lat] position (set "planar": true for x/y metres of true length, such as a UTM zone; Web Mercator metres are not: save the layer in EPSG:4326)` });
      return null;
    }
    out.push([a, b]);
  }
  return out;
}

export function readId(value: unknown, path: string, issues: Issue[]): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  issues.push({ path, message: `expected an id (a non-empty string), got ${JSON.stringify(value)}` });
  return undefined;
}

export function readString(value: unknown, path: string, issues: Issue[]): string | undefined {
  if (typeof value === 'string') return value;
  issues.push({ path, message: `expected a string, got ${JSON.stringify(value)}` });
  return undefined;
}

const NUMBER_RULES = {
  positive: { test: (n: number) => n > 0, expected: 'a number > 0' },
  count: { test: (n: number) => Number.isInteger(n) && n >= 0, expected: 'a whole number ≥ 0' },
  lanes: { test: (n: number) => Number.isInteger(n) && n >= 1, expected: 'a whole number ≥ 1' },
};

export function readNumber(value: unknown, path: string, issues: Issue[], rule: keyof typeof NUMBER_RULES): number | undefined {
  const { test, expected } = NUMBER_RULES[rule];
  if (typeof value === 'number' && Number.isFinite(value) && test(value)) return value;
  issues.push({ path, message: value === undefined ? `missing: expected ${expected}` : `expected ${expected}, got ${JSON.stringify(value)}` });
  return undefined;
}

export function readChoice<T>(value: unknown, choices: readonly T[], path: string, issues: Issue[]): T | undefined {
  if (choices.includes(value as T)) return value as T;
  issues.push({ path, message: `expected one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, got ${JSON.stringify(value)}` });
  return undefined;
}

/** Applies `read` to a property that may be absent (or null, as GIS tools write empty fields). */
export function optional<T>(value: unknown, read: (value: unknown) => T | undefined): T | undefined {
  return value === undefined || value === null ? undefined : read(value);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A position as a map key: positions match only when their coordinates are identical. */
export function key(p: readonly number[]): string {
  return `${p[0]},${p[1]}`;
}
