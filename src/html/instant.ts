// An instant of a run as the map and the report's words give it: the duration from
// the start, with the calendar time beside it when the scenario has a start.
import { clockAt } from '../report/clock.js';
import { formatDuration } from '../report/format.js';

/** "2d 5h (2024-08-08 08:00)", or "2d 5h" without a start. */
export function instant(t: number, start: string | null): string {
  return start === null ? formatDuration(t) : `${formatDuration(t)} (${clockAt(start, t).slice(0, 16).replace('T', ' ')})`;
}
