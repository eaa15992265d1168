// Clearance: when given shares of the compliant people had reached safety. The
// base is everyone who complied by the end of the run and could leave (people
// trapped are counted apart, so 100 % is reachable when some were captured); a
// share is reached at the first instant that many of them had evacuated, or never (null).

import { LogKind, type SimulationResult } from '../result.js';
import type { TargetScope } from '../scenario/types.js';
import { type People, peopleAt, peopleBySettlement } from './metrics.js';
import { checkScope, scopeMask } from './scope.js';

/** Seconds from the start at which 50, 90, 95 and 100 % of compliant people had evacuated. */
export interface Clearance {
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p100: number | null;
}

/** The keys of Clearance with their percentages, in summary order. */
export const CLEARANCE_PERCENTS = { p50: 50, p90: 90, p95: 95, p100: 100 } as const;

const KEYS = Object.keys(CLEARANCE_PERCENTS) as (keyof Clearance)[];
/** The percentages in KEYS order, read by index in the loop over the log (a keyed lookup per row cost more than the row). */
const PERCENTS = KEYS.map((k) => CLEARANCE_PERCENTS[k]);

/**
 * Clearance of the compliant people in `scope` (all when absent) who could
 * leave: complied minus those trapped while waiting or on the road. A
 * percentile is null when never reached, so p100 is null unless every one of
 * them evacuated; all are null when nobody could leave. `atEnd`, the people in
 * `scope` at the end when the caller has them, saves a pass over the log.
 */
export function clearance(result: SimulationResult, scope?: TargetScope | null, atEnd?: People): Clearance {
  checkScope(result, scope);
  const out: Clearance = { p50: null, p90: null, p95: null, p100: null };
  const complied = couldLeave(atEnd ?? peopleAt(result, result.endTime, scope));
  if (complied <= 0) return out;
  const { length, time, kind, settlement, people } = result.log;
  const { endTime } = result;
  const mask = scopeMask(result, scope);
  let evacuated = 0;
  let next = 0;
  // The next share's threshold, in the units of evacuated × 100.
  let wanted = PERCENTS[0] * complied;
  for (let row = 0; row < length && time[row] <= endTime && next < KEYS.length; row++) {
    if (kind[row] !== LogKind.Evacuated) continue;
    if (mask !== null && mask[settlement[row]] !== 1) continue;
    evacuated += people[row];
    // Integer comparison: 0.9 × complied in floating point could overshoot by one person.
    while (next < KEYS.length && evacuated * 100 >= wanted) {
      out[KEYS[next]] = time[row];
      next++;
      wanted = next < KEYS.length ? PERCENTS[next] * complied : Infinity;
    }
  }
  return out;
}

/** Compliant people not trapped: those who evacuated, are on their way, or still wait to leave. */
export function couldLeave(p: Pick<People, 'evacuated' | 'inTransit' | 'waiting'>): number {
  return p.evacuated + p.inTransit + p.waiting;
}

/**
 * For each settlement (indexed as `result.settlements`), the instant its last
 * compliant person who could leave evacuated; null when not all of them did,
 * or nobody could leave. `atEnd`, peopleBySettlement at the end when the caller
 * has it, saves a pass over the log.
 */
export function settlementClearance(result: SimulationResult, atEnd?: readonly People[]): (number | null)[] {
  const { length, time, kind, settlement, people } = result.log;
  const { endTime } = result;
  const complied = (atEnd ?? peopleBySettlement(result, result.endTime)).map(couldLeave);
  const evacuated = new Float64Array(complied.length);
  const out = new Array<number | null>(complied.length).fill(null);
  for (let row = 0; row < length && time[row] <= endTime; row++) {
    const s = settlement[row];
    if (kind[row] !== LogKind.Evacuated || s < 0 || s >= complied.length) continue;
    evacuated[s] += people[row];
    if (out[s] === null && complied[s] > 0 && evacuated[s] >= complied[s]) out[s] = time[row];
  }
  return out;
}

/** For each settlement, the instant it was first told to leave; null when it never was. */
export function settlementOrderTimes(result: SimulationResult): (number | null)[] {
  const out = new Array<number | null>(result.settlements.length).fill(null);
  const { log } = result;
  for (let row = 0; row < log.length; row++) {
    const s = log.settlement[row];
    if (log.kind[row] === LogKind.Told && out[s] === null) out[s] = log.time[row];
  }
  return out;
}
