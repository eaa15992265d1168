// The JSON Schema of scenario files, generated from the zod schema, for
// `evacsim schema` and for editors that validate and complete while typing.

import * as z from 'zod';
import { scenarioFileSchema } from './schema.js';

/** A draft 2020-12 JSON Schema of what users write (defaults optional, unknown fields rejected). */
export function scenarioJsonSchema(): z.core.JSONSchema.BaseSchema {
  return { title: 'evacsim scenario', ...z.toJSONSchema(scenarioFileSchema, { io: 'input', target: 'draft-2020-12' }) };
}
