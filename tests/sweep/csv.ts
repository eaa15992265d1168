// Reads a sweep table back for the tests, with the same CSV parser users would use.
import { parse } from 'csv-parse/sync';

/** The rows of `text` as objects keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true }) as Record<string, string>[];
}
