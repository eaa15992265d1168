// The time axis every chart shares: seconds from the scenario start, ticked in
// hours for short runs and in days for long ones, with calendar dates under the
// day ticks when the scenario has a start.

import { clockAt } from '../report/clock.js';

export interface TimeTick {
  /** Seconds from the start. */
  t: number;
  label: string;
  /** Calendar date under the tick ("7 Aug"), or null. */
  date: string | null;
}

export interface TimeAxis {
  ticks: TimeTick[];
  /** Axis title naming the unit and, with a start, what t = 0 is. */
  title: string;
}

const HOUR = 3600;
const DAY = 86400;
const STEPS = [HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Ticks over [0, endTime], at most about `maxTicks` of them; `since` names what t = 0 is. */
export function timeAxis(endTime: number, start: string | null, maxTicks = 15, since = 'start'): TimeAxis {
  const span = Math.max(endTime, HOUR);
  const inDays = span > 2 * DAY;
  const step = STEPS.find((s) => span / s <= maxTicks && (!inDays || s >= DAY)) ?? STEPS[STEPS.length - 1];
  const unit = inDays ? DAY : HOUR;
  const ticks: TimeTick[] = [];
  for (let t = 0; t <= span + 1e-9; t += step) {
    ticks.push({ t, label: String(t / unit), date: inDays && start !== null ? shortDate(start, t) : null });
  }
  const origin = start === null ? '' : ` (0 = ${shortClock(start, 0)})`;
  return { ticks, title: `${inDays ? 'days' : 'hours'} since ${since}${origin}` };
}

/** "7 Aug" for the calendar date at `t`. */
export function shortDate(start: string, t: number): string {
  const iso = clockAt(start, t);
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}`;
}

/** "7 Aug 05:30 +03:00" for the calendar time at `t`; without the offset when `zone` is false. */
export function shortClock(start: string, t: number, zone = true): string {
  const iso = clockAt(start, t);
  const offset = iso.slice(19);
  const suffix = !zone ? '' : offset === 'Z' ? ' UTC' : ` ${offset}`;
  return `${shortDate(start, t)} ${iso.slice(11, 16)}${suffix}`;
}
