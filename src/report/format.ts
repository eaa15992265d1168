// Deterministic number and duration formatting for the human-readable reports.
// No Intl and no locale: the same summary prints the same bytes on every machine.

/** Rounds to an integer and groups thousands with commas: 1234567.4 → "1,234,567". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n);
  const digits = String(Math.abs(rounded));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return (rounded < 0 ? '-' : '') + groups.join(',');
}

/** `n` and its noun, singular for one: counted(1, 'fleet') → "1 fleet", counted(4860, 'person', 'people') → "4,860 people". */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(n)} ${n === 1 ? noun : plural}`;
}

/** `part` as a percentage of `whole` with one decimal ("67.0%"); "—" when `whole` is 0. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0 || !Number.isFinite(part / whole)) return '—';
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/**
 * A duration in seconds for people: "45s", "12m 30s", "5h 10m", "2d 5h 10m".
 * Under an hour it keeps seconds; from an hour on it rounds to the minute.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const sign = seconds < 0 ? '-' : '';
  const total = Math.round(Math.abs(seconds));
  if (total < 60) return `${sign}${total}s`;
  if (total < 3600) return `${sign}${Math.floor(total / 60)}m ${total % 60}s`;
  const minutes = Math.round(total / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = `${hours}h ${minutes % 60}m`;
  return sign + (days > 0 ? `${days}d ${rest}` : rest);
}

/** Pads or cuts `text` to exactly `width` characters, cutting with "…". */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
  return align === 'left' ? cut.padEnd(width) : cut.padStart(width);
}
