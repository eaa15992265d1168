// An option or positional that takes one of a few words (`--format csv|parquet`,
// `generate grid|corridor|region`). yargs would refuse another word in its own
// wording ("Invalid values: Argument: format, Given: …, Choices: …", in the
// system's language); the check here runs first and says it as the other option
// errors do: the option, the words it takes and the value given.
import { UsageError } from './usage-error.js';

/**
 * The yargs settings of an option named `name` (`--format`, or `generate <kind>`
 * for a positional) that takes one of `values`: the choices the help lists, and a
 * check that refuses any other word with a UsageError (exit 2).
 */
export function oneOf<const T extends string>(name: string, values: readonly T[]) {
  const coerce = (given: T): T => {
    // Given twice, yargs passes a list: each is checked; the repetition itself is refused after parsing.
    for (const value of [given as unknown].flat()) {
      if (typeof value === 'string' && value.trim() === '') throw new UsageError(`${name} needs a value`);
      if (!values.includes(value as T)) throw new UsageError(`${name} must be ${words(values)}, got ${JSON.stringify(value)}`);
    }
    return given;
  };
  return { choices: values, coerce };
}

/** `a`, `a or b`, `a, b or c`. */
function words(values: readonly string[]): string {
  return values.length === 1 ? values[0] : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
