import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseDuration } from '../../src/scenario/duration.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

test('the JSON Schema is an object with network and orders properties', () => {
  const schema = scenarioJsonSchema();
  expect(schema.type).toBe('object');
  expect(schema.properties).toHaveProperty('network');
  expect(schema.properties).toHaveProperty('orders');
  expect(schema.required).toEqual(['name', 'network', 'settlements', 'shelters']);
  expect(schema.additionalProperties).toBe(false);
});

test('the JSON Schema describes fields and shows defaults, so editors can help', () => {
  const properties = scenarioJsonSchema().properties ?? {};
  expect(properties.horizon).toMatchObject({ default: '7d', description: 'Simulated time limit.' });
  expect(properties.households).toMatchObject({ default: {}, description: 'How compliant people travel.' });
  expect(properties.$schema).toMatchObject({ type: 'string' });
});

test('the JSON Schema survives a JSON round trip', () => {
  const schema = scenarioJsonSchema();
  expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
});

test('the JSON Schema lets network be nodes and roads, or a GeoJSON file', () => {
  const network = scenarioJsonSchema().properties?.network as { anyOf: { required: string[] }[]; description: string };
  expect(network.description).toBe('The road (and rail) graph.');
  expect(network.anyOf.map((form) => form.required)).toEqual([['nodes', 'roads'], ['geojson']]);
});

test("the JSON Schema's duration pattern takes exactly the duration strings the parser takes (property)", () => {
  const horizon = scenarioJsonSchema().properties?.horizon as { anyOf: [{ exclusiveMinimum: number }, { pattern: string }] };
  const pattern = new RegExp(horizon.anyOf[1].pattern);
  // Before: "30m1h" and "1h1h" matched, which the parser refuses (each unit once, largest first).
  for (const text of ['30m1h', '1h1h', 's', '5', '']) expect(pattern.test(text)).toBe(false);
  const part = fc.tuple(fc.oneof(fc.nat({ max: 999 }).map(String), fc.constant('1.5'), fc.constant('.5')), fc.constantFrom('d', 'h', 'm', 's'));
  fc.assert(fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), fc.constantFrom('', ' '), (parts, gap) => {
    const text = parts.map(([n, u]) => `${n}${u}`).join(gap);
    let parsed = true;
    try {
      parseDuration(text);
    } catch {
      parsed = false;
    }
    expect(pattern.test(text)).toBe(parsed);
  }));
});

test('the JSON Schema says a span (horizon, report bins, routing periods) is longer than 0, as the parser does', () => {
  const properties = scenarioJsonSchema().properties ?? {};
  expect((properties.horizon as { anyOf: { exclusiveMinimum?: number }[] }).anyOf[0].exclusiveMinimum).toBe(0);
  expect((properties.reportBinSeconds as { anyOf: { exclusiveMinimum?: number }[] }).anyOf[0].exclusiveMinimum).toBe(0);
});
