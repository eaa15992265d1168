// The JSON Schema of scenario files, generated from the zod schema, for
// `evacsim schema` and for editors that validate and complete while typing.
// `network` may also be `{ "geojson": "roads.geojson" }`, which the loader
// expands before the zod schema sees it, so that form is added here, and so are
// the two rules of special facilities that tie one field of a settlement to another
// (facilities.ts checks them for validation): an editor then refuses what validate does.

import * as z from 'zod';
import { scenarioFileSchema } from './schema.js';

type JsonSchema = z.core.JSONSchema.BaseSchema;

const GEOJSON_NETWORK: JsonSchema = {
  type: 'object',
  properties: {
    geojson: {
      type: 'string',
      minLength: 1,
      description: 'A GeoJSON FeatureCollection of road LineStrings (and settlement and shelter Points), its path relative to the scenario file.',
    },
  },
  required: ['geojson'],
  additionalProperties: false,
};

/** A mobilization of its own only on a special facility, and no households on one. */
const FACILITY_RULES: JsonSchema = {
  dependentRequired: { mobilization: ['facility'] },
  dependentSchemas: { facility: { properties: { households: false } } },
};

/** A draft 2020-12 JSON Schema of what users write (defaults optional, unknown fields rejected). */
export function scenarioJsonSchema(): JsonSchema {
  const schema: JsonSchema = { title: 'evacsim scenario', ...z.toJSONSchema(scenarioFileSchema, { io: 'input', target: 'draft-2020-12' }) };
  const { description, ...inline } = schema.properties!.network as JsonSchema;
  schema.properties!.network = { description, anyOf: [inline, GEOJSON_NETWORK] };
  const settlements = schema.properties!.settlements as JsonSchema;
  settlements.items = { ...(settlements.items as JsonSchema), ...FACILITY_RULES };
  return schema;
}
