// CSV text from rows of fields (RFC 4180), shared by every table evacsim writes.

/** A CSV field: text, a number, or empty. */
export type Field = string | number | null;

/** A CSV document: header line, one line per row, each ending in "\n". */
export function csvTable(header: readonly string[], rows: readonly (readonly Field[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\n`).join('');
}

/**
 * One CSV field: null is empty, numbers are rounded to the millisecond or
 * thousandth, and text holding a comma, quote or line break is quoted with
 * inner quotes doubled (RFC 4180).
 */
export function csvField(value: Field): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  }
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
