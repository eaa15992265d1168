// The README's table of defaults (§ Scenario format) against the schema and the
// parser: every field it names exists in `evacsim schema`'s JSON Schema; a default
// written as JSON is the schema's default, when the schema has one, and what parsing a
// scenario without the field gives; a default "none" is no schema default and an absent
// or null value after parsing; and every field the schema gives a default is in the table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioJsonSchema, variantsOf } from '../../src/index.js';
import { parseDuration } from '../../src/scenario/duration.js';

interface Row { field: string; text: string }

function tableRows(): Row[] {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('| field | default | unit, range |');
  expect(start).toBeGreaterThan(0);
  const lines = readme.slice(start).split('\n');
  const rows: Row[] = [];
  for (const line of lines.slice(2)) {
    if (!line.startsWith('|')) break;
    const [field, text] = line.split(' | ').map((c) => c.replace(/^\| ?/, '').trim());
    rows.push({ field: field.replace(/^`|`$/g, ''), text });
  }
  return rows;
}

/** The default written as one JSON literal in backticks (`"7d"`, `[]`, `{ "kind": … }`), possibly followed by words; undefined otherwise. */
function literal(text: string): { value: unknown } | undefined {
  const m = /^`([^`]+)`(?::.*)?$/.exec(text);
  if (m === null) return undefined;
  try {
    return { value: JSON.parse(m[1]) };
  } catch {
    return undefined;
  }
}

type Json = Record<string, any>;
const schema = scenarioJsonSchema() as Json;

/** The JSON Schema of `field`: `a.b`, `a[].b` (array items), `hazards[kind].b` (the hazard of that kind). */
function schemaAt(field: string): Json | undefined {
  let node: Json | undefined = schema;
  for (const part of field.split('.')) {
    const m = /^([^[]+)(?:\[([a-z]*)\])?$/.exec(part);
    if (m === null || node === undefined) return undefined;
    const parent: Json = node;
    node = parent.properties?.[m[1]] ?? (parent.anyOf as Json[] | undefined)?.find((o) => o.properties?.[m[1]])?.properties[m[1]];
    if (node === undefined) return undefined;
    if (m[2] !== undefined) {
      const items: Json = node.items;
      node = m[2] === '' ? items : (items.oneOf as Json[]).find((o) => o.properties?.kind?.const === m[2]);
    }
  }
  return node;
}

/** Every property path with a schema default, in the table's notation. */
function defaultedPaths(node: Json, prefix: string, out: string[]): string[] {
  const properties = { ...Object.assign({}, ...((node.anyOf as Json[] | undefined) ?? []).map((o) => o.properties)), ...node.properties };
  for (const [key, child] of Object.entries<Json>(properties)) {
    const path = prefix + key;
    // an object defaulted to {} whose fields have their own defaults: the table gives those
    const fieldsDefaulted = child.properties !== undefined && JSON.stringify(child.default) === '{}';
    if ('default' in child && !fieldsDefaulted) out.push(path);
    if (child.items?.oneOf) {
      for (const o of child.items.oneOf as Json[]) defaultedPaths(o, `${path}[${o.properties.kind.const}].`, out);
    } else if (child.items) {
      defaultedPaths(child.items, `${path}[].`, out);
    } else {
      defaultedPaths(child, `${path}.`, out);
    }
  }
  return out;
}

// One element of every kind, each with only what it needs.
const raw = {
  name: 'defaults',
  network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }], roads: [{ id: 'r', from: 'a', to: 'b' }] },
  settlements: [{ id: 's', node: 'a', population: 10 }],
  shelters: [{ id: 'x', node: 'b' }],
  orders: [{ at: 0, settlements: ['s'] }],
  fleets: [{ id: 'f', depot: 'b', vehicles: 1, seats: 10 }],
  hazards: [
    { kind: 'closure', roads: ['r'], from: '1h' },
    { kind: 'slowdown', roads: ['r'], from: '1h', factor: 0.5 },
    { kind: 'weather', from: '1h' },
    { kind: 'contraflow', road: 'r', from: '1h' },
    { kind: 'control', roads: ['r'], capacityFactor: 2, from: '1h' },
    { kind: 'capture', settlements: ['s'], at: '1d' },
    { kind: 'front', line: [[0, 5000], [1000, 5000]], speedKmPerDay: 1, maxDepthKm: 1, from: 0 },
  ],
  background: [{ roads: ['r'], vehiclesPerHour: 10 }],
  targets: [{ metric: 'people.evacuated', value: 10 }],
  variants: [{ name: 'v', set: { seed: 2 } }],
};
// An order and a capture by other means, for the defaults of their settlements.
const other = {
  ...raw,
  settlements: [{ id: 's', node: 'a', population: 10, district: 'D' }],
  orders: [{ at: 0, districts: ['D'] }],
  hazards: [{ kind: 'capture', nodes: ['a'], at: '1d' }],
};
const OTHER_FIELDS = new Set(['orders[].settlements', 'hazards[capture].settlements']);
// The same without the lists the table gives defaults of.
const bare = { name: 'bare', network: raw.network, settlements: raw.settlements, shelters: raw.shelters };

/** The parsed value of `field`, and whether its parent exists (so that an absent field reads as absent). */
function parsedAt(field: string): unknown {
  const top = field.split('.')[0].replace(/\[.*$/, '');
  if (top === 'variants') return field === 'variants' ? variantsOf(bare) : (variantsOf(raw)[0] as Json)[field.split('.')[1]];
  const fromBare = !field.includes('.') && !field.includes('[') && !(top in bare);
  let node: any = parseScenario(fromBare ? bare : OTHER_FIELDS.has(field) ? other : raw);
  for (const part of field.split('.')) {
    const m = /^([^[]+)(?:\[([a-z]*)\])?$/.exec(part) as RegExpExecArray;
    node = node?.[m[1]];
    if (m[2] !== undefined) node = m[2] === '' ? node[0] : node.find((h: Json) => h.kind === m[2]);
  }
  return node;
}

/** A duration literal such as "7d" as the seconds parsing gives it; other values as they are. */
function asParsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return parseDuration(value);
  } catch {
    return value;
  }
}

const rows = tableRows();

describe('the README table of defaults', () => {
  it('has a row for every field the schema gives a default', () => {
    const documented = new Set(rows.map((r) => r.field));
    expect(defaultedPaths(schema, '', []).filter((p) => !documented.has(p))).toEqual([]);
    expect(rows.length).toBeGreaterThan(70);
  });

  it.each(rows.map((r) => [r.field, r]))('%s exists in the schema', (_, row) => {
    expect(schemaAt(row.field)).toBeDefined();
  });

  it.each(rows.filter((r) => literal(r.text) !== undefined).map((r) => [r.field, r]))('%s: the default written is the schema\'s and the parser\'s', (_, row) => {
    const { value } = literal(row.text) as { value: unknown };
    const node = schemaAt(row.field) as Json;
    if ('default' in node) expect(node.default).toEqual(value);
    const parsed = parsedAt(row.field);
    if (row.field === 'orders[].mobilization') expect(parsed).toEqual({ ...(value as Json), shape: null });
    else expect(parsed).toEqual(asParsed(value));
  });

  it.each(rows.filter((r) => r.text.startsWith('none')).map((r) => [r.field, r]))('%s: "none" is no schema default and nothing after parsing', (_, row) => {
    expect('default' in (schemaAt(row.field) as Json)).toBe(false);
    expect(parsedAt(row.field) ?? null).toBeNull();
  });

  it('the descriptive defaults hold: name is the id, lengths are measured, rates by class, shapes by distribution', () => {
    const s = parseScenario(raw);
    expect(s.settlements[0].name).toBe('s');
    expect(s.shelters[0].name).toBe('x');
    expect(s.network.roads[0]).toMatchObject({ lengthKm: 1, speedKmh: null, capacityVehPerHour: null, waveSpeedKmh: null });
    expect(s.settlements[0].mobilization).toBeUndefined();
    const shapes = ['weibull', 'lognormal', 'logistic', 'fixed', 'uniform', 'rayleigh'].map((kind) =>
      parseScenario({ ...raw, orders: [{ at: 0, settlements: ['s'], mobilization: { kind, median: '1h' } }] }).orders[0].mobilization.shape);
    expect(shapes).toEqual([1.5, 0.8, 0.25, null, null, null]);
    const weather = (condition: string) => parseScenario({ ...raw, hazards: [{ kind: 'weather', condition, from: 0 }] }).hazards[0];
    expect(weather('heavy-rain')).toMatchObject({ speedFactor: 1, capacityFactor: 0.8587 });
    expect(parsedAt('hazards[weather].capacityFactor')).toBe(1);
  });
});
