// People of one zone at an instant of their evacuation (reaching their end point, or
// being ready to set out), as parallel arrays in time order: what a row's shares are read from.

import { ETE_PERCENTS, type EtePercent, type EteTimes } from './percents.js';
import { memberOf, type EteGroup } from './groups.js';

const PERCENT_KEYS = Object.keys(ETE_PERCENTS) as EtePercent[];

/** People of one zone at an instant, in time order (from the start), as parallel arrays. */
export interface EndEvents {
  time: Float64Array;
  people: Int32Array;
  car: Uint8Array;
  /** The facility kind of the people's settlement (facilityIndex): -1 when it is no special facility. */
  facility: Int8Array;
}

/** `n` events, all zero. */
export function endEvents(n: number): EndEvents {
  return { time: new Float64Array(n), people: new Int32Array(n), car: new Uint8Array(n), facility: new Int8Array(n) };
}

/** Events of `group` in `events` whose people drive their own car: with one event per household (trip generation's), its cars. */
export function groupCars(events: EndEvents, group: EteGroup): number {
  const member = memberOf(group);
  let cars = 0;
  for (let k = 0; k < events.time.length; k++) if (events.car[k] === 1 && member(events.facility[k], true)) cars++;
  return cars;
}

/** People of `group` in `events`. */
export function groupPeople(events: EndEvents, group: EteGroup): number {
  const member = memberOf(group);
  let sum = 0;
  for (let k = 0; k < events.time.length; k++) if (member(events.facility[k], events.car[k] === 1)) sum += events.people[k];
  return sum;
}

/** Curve points closer than this share are merged: a chart needs no more than 250 steps. */
const CURVE_STEP = 0.004;

/**
 * Instants (from the start) at which the shares of `base` people of `group`
 * were reached by the events up to `until`, and the cumulative curve as [instant, share] steps
 * (group `all` only).
 */
export function reach(events: EndEvents, group: EteGroup, base: number, until = Infinity): { times: EteTimes; points: [number, number][] } {
  const times: EteTimes = { p50: null, p90: null, p95: null, p100: null };
  const points: [number, number][] = [];
  if (base <= 0) return { times, points };
  let reached = 0;
  let next = 0;
  let shown = 0;
  const n = events.time.length;
  const member = memberOf(group);
  for (let k = 0; k < n && events.time[k] <= until; k++) {
    if (!member(events.facility[k], events.car[k] === 1)) continue;
    reached += events.people[k];
    const t = events.time[k];
    // Integer comparison: 0.9 × base in floating point could overshoot by one person.
    while (next < PERCENT_KEYS.length && reached * 100 >= ETE_PERCENTS[PERCENT_KEYS[next]] * base) {
      times[PERCENT_KEYS[next]] = t;
      next++;
    }
    const share = reached / base;
    if (group === 'all' && (share - shown >= CURVE_STEP || k === n - 1)) {
      points.push([t, share]);
      shown = share;
    }
  }
  return { times, points };
}
