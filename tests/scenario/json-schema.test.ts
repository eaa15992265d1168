import { expect, test } from 'vitest';
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
