// Finds the part of a zod schema that validates a given path of the input, so
// error messages can use its wording and name the fields it knows. Unions are
// resolved with the input itself (a hazard's `kind` picks its shape).

import * as z from 'zod';
import { valueAt, type PathKey } from './path.js';
import { wording, type Wording } from './wording.js';

type Schema = z.core.$ZodType;

/** Optional, default and similar wrappers around `schema`, removed. */
function unwrap(schema: Schema): Schema {
  let inner = schema;
  while (
    inner instanceof z.ZodOptional ||
    inner instanceof z.ZodDefault ||
    inner instanceof z.ZodPrefault ||
    inner instanceof z.ZodNullable
  ) {
    inner = inner.unwrap();
  }
  return inner;
}

/** The option of a union that the input at `path` is meant for, if one can be told. */
function unionOption(union: z.ZodUnion, input: unknown, path: readonly PathKey[]): Schema | undefined {
  if (union instanceof z.ZodDiscriminatedUnion) {
    const tag = valueAt(input, [...path, union.def.discriminator]);
    return union.options.find((option) => {
      const inner = unwrap(option);
      if (!(inner instanceof z.ZodObject)) return false;
      const literal = unwrap(inner.shape[union.def.discriminator]);
      return literal instanceof z.ZodLiteral && literal.values.has(tag as z.core.util.Literal);
    });
  }
  return union.options.find((option) => unwrap(option) instanceof z.ZodObject);
}

/**
 * The schema (wrappers removed) that validates `path` inside `input`, or
 * undefined when the path leads outside the schema.
 */
export function schemaAt(root: Schema, input: unknown, path: readonly PathKey[]): Schema | undefined {
  let schema: Schema | undefined = unwrap(root);
  for (let i = 0; i <= path.length && schema !== undefined; i++) {
    if (schema instanceof z.ZodUnion) {
      const option = unionOption(schema, input, path.slice(0, i));
      if (option === undefined) return i === path.length ? schema : undefined;
      if (i === path.length) return schema;
      schema = unwrap(option);
    }
    if (i === path.length) break;
    const key = path[i];
    if (schema instanceof z.ZodObject && typeof key === 'string' && Object.hasOwn(schema.shape, key)) {
      schema = unwrap(schema.shape[key]);
    } else if (schema instanceof z.ZodArray && typeof key === 'number') {
      schema = unwrap(schema.element);
    } else if (schema instanceof z.ZodTuple && typeof key === 'number') {
      const item: Schema | undefined = schema.def.items[key];
      schema = item === undefined ? undefined : unwrap(item);
    } else {
      schema = undefined;
    }
  }
  return schema;
}

/** The wording registered for `schema`, or an empty one. */
export function wordingOf(schema: Schema | undefined): Wording {
  return (schema && wording.get(schema)) ?? {};
}

/** The field names an object schema accepts (for a union, the option the input is meant for). */
export function fieldsOf(schema: Schema | undefined, input: unknown, path: readonly PathKey[]): string[] {
  let object = schema;
  if (object instanceof z.ZodUnion) object = unionOption(object, input, path);
  object = object && unwrap(object);
  return object instanceof z.ZodObject ? Object.keys(object.shape) : [];
}
