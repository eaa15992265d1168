// Reading the OSM tags that shape a link: maxspeed (numbers with units and the
// country zone codes), lanes, and oneway. Each reader returns null when the tag
// is absent or says nothing usable, so the class default applies.
import type { OsmTags } from './model.js';

const MPH = 1.609344;
const KNOT = 1.852;

/** Country zone codes (`maxspeed=RU:urban`) and their limits in km/h, for the zones most often tagged. */
export const MAXSPEED_ZONES: Readonly<Record<string, number>> = {
  'RU:urban': 60, 'RU:rural': 90, 'RU:motorway': 110, 'RU:living_street': 20,
  'UA:urban': 50, 'UA:rural': 90, 'UA:motorway': 130, 'UA:living_street': 20,
  'BY:urban': 60, 'BY:rural': 90, 'BY:motorway': 120, 'BY:living_street': 20,
  'KZ:urban': 60, 'KZ:rural': 90, 'KZ:motorway': 110,
  'PL:urban': 50, 'PL:rural': 90, 'PL:motorway': 140, 'PL:living_street': 20,
  'DE:urban': 50, 'DE:rural': 100, 'DE:living_street': 7,
  'AT:urban': 50, 'AT:rural': 100, 'AT:motorway': 130,
  'FR:urban': 50, 'FR:rural': 80, 'FR:motorway': 130,
  'IT:urban': 50, 'IT:rural': 90, 'IT:motorway': 130,
  'ES:urban': 50, 'ES:rural': 90, 'ES:motorway': 120,
  'NL:urban': 50, 'NL:rural': 80, 'NL:motorway': 100,
  'GB:nsl_single': 60 * MPH, 'GB:nsl_dual': 70 * MPH, 'GB:motorway': 70 * MPH,
  'US:urban': 25 * MPH,
};

/** maxspeed values that carry no number: the class default applies, and they are not worth a warning. */
const NO_NUMBER = new Set(['none', 'signals', 'variable', 'unposted', 'implicit', 'walk']);

/**
 * A `maxspeed` value in km/h: `"50"`, `"50 km/h"`, `"30 mph"`, `"10 knots"`, a zone
 * such as `"RU:urban"` or `"DE:zone30"`; of several values (`"60;40"`) the first.
 * Returns `'default'` for values with no number (`none`, `signals`, `variable`, …)
 * and null for a value it cannot read.
 */
export function parseMaxspeed(value: string): number | 'default' | null {
  const first = value.split(';')[0].trim();
  if (NO_NUMBER.has(first.toLowerCase())) return 'default';
  const zone = MAXSPEED_ZONES[first];
  if (zone !== undefined) return zone;
  const zoneNumber = /^[A-Z]{2}:zone:?(\d+)$/i.exec(first);
  if (zoneNumber) return Number(zoneNumber[1]);
  const m = /^(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?$/i.exec(first);
  if (!m) return null;
  const n = Number(m[1]);
  if (!(n > 0)) return null;
  const unit = (m[2] ?? 'km/h').toLowerCase();
  return unit === 'mph' ? n * MPH : unit === 'knots' ? n * KNOT : n;
}

/** Most lanes a `lanes` tag may give: beyond it the value is taken for a mistake (the widest roads have about 13 a direction). */
export const MAX_OSM_LANES = 32;

/**
 * A `lanes` value as a whole number of lanes (the first of `"2;3"`), or null when absent
 * or unreadable: not a whole number (`"2.5"`, `"1e99"`, `"many"`), below 1 or above
 * MAX_OSM_LANES. `unreadable` hears of a value present but unreadable.
 */
export function parseLanes(value: string | undefined, unreadable?: (value: string) => void): number | null {
  if (value === undefined) return null;
  const m = /^\s*(\d+)\s*$/.exec(value.split(';')[0]);
  const n = m ? Number(m[1]) : 0;
  if (n >= 1 && n <= MAX_OSM_LANES) return n;
  unreadable?.(value);
  return null;
}

/**
 * Lanes in each direction the link model uses (a two-way road is two links).
 * A one-way road has all its lanes; a two-way road `lanes:forward`/`lanes:backward`
 * when tagged (the fewer of the two), else half of `lanes` rounded down, at least 1.
 * An unreadable value counts as untagged; `unreadable` hears of it (tag and value).
 */
export function lanesPerDirection(tags: OsmTags, oneway: boolean, unreadable?: (tag: string, value: string) => void): number {
  const read = (tag: string) => parseLanes(tags[tag], unreadable && ((value) => unreadable(tag, value)));
  const total = read('lanes');
  if (oneway) return total ?? 1;
  const forward = read('lanes:forward');
  const backward = read('lanes:backward');
  if (forward !== null && backward !== null) return Math.min(forward, backward);
  return total === null ? 1 : Math.max(1, Math.floor(total / 2));
}

export type OnewayDirection = 'both' | 'forward' | 'backward';

/**
 * Direction of travel along the way's node order: `oneway=yes|true|1` forward,
 * `oneway=-1|reverse` backward, `no|false|0` both. Without the tag, motorways,
 * motorway links and roundabouts are one-way forward (the OSM convention);
 * `reversible` and `alternating` roads count as two-way.
 */
export function parseOneway(tags: OsmTags): OnewayDirection {
  const value = (tags.oneway ?? '').trim().toLowerCase();
  if (value === 'yes' || value === 'true' || value === '1') return 'forward';
  if (value === '-1' || value === 'reverse') return 'backward';
  if (value !== '') return 'both';
  const implied =
    tags.highway === 'motorway' || tags.highway === 'motorway_link' ||
    tags.junction === 'roundabout' || tags.junction === 'circular';
  return implied ? 'forward' : 'both';
}
