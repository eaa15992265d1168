// Calendar time of an instant: the scenario start plus seconds, written in the
// start string's own UTC offset, so the output never depends on the machine's
// time zone. A start without an offset is read as UTC.

const ZONED = /T[\d:.]+(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * ISO date-time of `seconds` after `start`, to the whole second, e.g.
 * clockAt("2024-08-06T03:00:00+03:00", 90000) → "2024-08-07T04:00:00+03:00".
 * Throws a RangeError when `start` is not an ISO date or date-time.
 */
export function clockAt(start: string, seconds: number): string {
  const zone = ZONED.exec(start)?.[1] ?? null;
  const base = Date.parse(zone !== null || !start.includes('T') ? start : `${start}Z`);
  if (!Number.isFinite(base)) throw new RangeError(`not an ISO date-time: "${start}"`);
  const offsetMinutes = zone === null ? 0 : parseOffset(zone);
  const local = new Date(Math.round((base + seconds * 1000) / 1000) * 1000 + offsetMinutes * 60_000);
  const year = String(local.getUTCFullYear()).padStart(4, '0');
  const date = `${year}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  return `${date}T${time}${formatOffset(offsetMinutes, zone)}`;
}

function parseOffset(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

function formatOffset(minutes: number, zone: string | null): string {
  if (zone === null || zone.toUpperCase() === 'Z') return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}
