// CSV text from rows of fields (RFC 4180), shared by every table evacsim writes.

/** A CSV field: text, a number, or empty. */
export type Field = string | number | null;

/** A CSV document: header line, one line per row, each ending in "\n". */
export function csvTable(header: readonly string[], rows: readonly (readonly Field[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\n`).join('');
}

/**
 * One CSV field: null is empty, numbers are rounded to the millisecond or
 * thousandth, and text is written by csvText.
 */
export function csvField(value: Field): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  }
  return csvText(value);
}

const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`;

// A spreadsheet reads a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
// Text that is only a number (`-3`, `+1.5e3`) is read as that number, not as a formula.
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One CSV text field. Text a spreadsheet would run as a formula (it starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a plain number) is
 * prefixed with `'` and quoted, as OWASP recommends against CSV injection; text
 * holding a comma, quote or line break is quoted with inner quotes doubled (RFC 4180).
 */
export function csvText(value: string): string {
  if (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) return quoted(`'${value}`);
  return /[",\r\n]/.test(value) ? quoted(value) : value;
}
