// Words the error messages use for parts of the schema, kept beside the schema
// in a zod registry: the noun of a set of options ("unknown distribution …"),
// what a union or pair expects, and the allowed range of a number.

import * as z from 'zod';

export interface Wording {
  /** Names one option of an enum or a discriminated union: "distribution", "hazard kind". */
  noun?: string;
  /** What a value of this schema looks like: `a duration such as "6h"`. */
  expects?: string;
  /** The allowed range of a number, read after "must be": `between 0 and 1`. */
  range?: string;
}

export const wording = z.registry<Wording>();
