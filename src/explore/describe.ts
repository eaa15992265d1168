// Short descriptions of a scenario's orders and hazards, for the explorer's
// controls: what a switch or a slider acts on, in a planner's words.

import { formatCount, formatDuration } from '../report/format.js';
import type { HazardSpec, OrderSpec } from '../scenario/types.js';
import { shortClock } from '../html/time-axis.js';

/** An instant as a calendar time when the scenario has a start, else as "+1d 2h 0m". */
export function instantText(t: number, start: string | null): string {
  return start === null ? `+${formatDuration(t)}` : shortClock(start, t, false);
}

/** "6 Aug 05:30: Sudzha, Loknya and 3 more", "… districts Lgovsky", "… within 10 km of a line". */
export function describeOrder(order: OrderSpec, start: string | null, names: ReadonlyMap<string, string>): string {
  const who: string[] = [];
  if (order.districts.length > 0) who.push(`${order.districts.length === 1 ? 'district' : 'districts'} ${list(order.districts)}`);
  if (order.settlements.length > 0) who.push(list(order.settlements.map((id) => names.get(id) ?? id)));
  if (order.withinKmOf !== null) who.push(`within ${formatCount(order.withinKmOf.km)} km of a line`);
  return `${instantText(order.at, start)}: ${who.join('; ') || 'nobody'}`;
}

/** "front from 6 Aug 05:00, 2 km/day up to 12 km", "closure of bridge from …", … */
export function describeHazard(h: HazardSpec, start: string | null): string {
  const span = (from: number, until: number | null) =>
    until === null ? `from ${instantText(from, start)}` : `${instantText(from, start)} to ${instantText(until, start)}`;
  switch (h.kind) {
    case 'closure':
      return `closure of ${list(h.roads)}, ${span(h.from, h.until)}`;
    case 'slowdown':
      return `slowdown to ${Math.round(h.factor * 100)} % on ${list(h.roads)}, ${span(h.from, h.until)}`;
    case 'capture':
      return `capture of ${list([...h.settlements, ...h.nodes])} at ${instantText(h.at, start)}`;
    case 'front':
      return `front from ${instantText(h.from, start)}, ${String(h.speedKmPerDay)} km/day up to ${String(h.maxDepthKm)} km`;
    case 'weather': {
      const where = h.roads.length + h.classes.length === 0 ? 'every road' : list([...h.roads, ...h.classes.map((c) => `${c} roads`)]);
      return `${h.condition ?? 'weather'} (speed × ${String(h.speedFactor)}, capacity × ${h.capacityFactor.toFixed(2)}) on ${where}, ${span(h.from, h.until)}`;
    }
    case 'contraflow':
      return `contraflow on ${h.road} (${h.direction}), ${span(h.from, h.until)}`;
    case 'control':
      return `control point on ${list(h.roads)} (capacity × ${String(h.capacityFactor)}), ${span(h.from, h.until)}`;
  }
}

/** "a", "a and b", "a, b and 3 more". */
function list(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  if (items.length === 3) return `${items[0]}, ${items[1]} and ${items[2]}`;
  return `${items[0]}, ${items[1]} and ${items.length - 2} more`;
}
