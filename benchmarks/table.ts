// Plain-text tables that are also Markdown: a header, a rule, right-aligned
// numbers, so the printed output can be pasted into BENCHMARKS.md unchanged.

export type Cell = string | number;

/** The rows as a Markdown table; numbers are right-aligned, text left-aligned. */
export function table(header: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map(String));
  const width = header.map((h, c) => Math.max(h.length, ...text.map((row) => row[c].length)));
  const numeric = header.map((_, c) => rows.every((row) => typeof row[c] === 'number' || row[c] === '' || /^[<>≤≥]?\s?[\d.,]+/.test(String(row[c]))));
  const pad = (cell: string, c: number) => (numeric[c] ? cell.padStart(width[c]) : cell.padEnd(width[c]));
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${width.map((w, c) => (numeric[c] ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(header), rule, ...text.map(line)].join('\n') + '\n';
}

/** 1234567 → "1,234,567". */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Seconds with three significant decimals at most. */
export function seconds(s: number): string {
  return s < 10 ? s.toFixed(2) : s.toFixed(1);
}

/** Bytes as MB. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 ** 2)}`;
}

/** A rate as millions per second. */
export function millions(perSecond: number): string {
  return (perSecond / 1e6).toFixed(2);
}
