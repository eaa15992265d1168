// People by state at an instant, read exactly from the movement log: a row
// counts once its time is ≤ t. The states partition the people told, so
// told = stayed + waiting + inTransit + evacuated + trapped at every instant;
// shadow evacuees were never told and are counted apart.

import { InputError } from '../errors.js';
import { LogKind, type SimulationResult } from '../result.js';
import type { TargetScope } from '../scenario/types.js';
import { checkScope, scopeMask } from './scope.js';
import { requireResult } from './result-check.js';

/** People counts by state; the keys of the summary's `people`. */
export interface People {
  /** Σ Told. */
  told: number;
  /** told − Σ Stayed: everyone who chose to leave, whatever became of them. */
  complied: number;
  /** Σ Stayed − Σ TrappedStayed: those who chose to stay and were not captured. */
  stayed: number;
  /** Compliant people not yet departed nor trapped. */
  waiting: number;
  /** Departed, not yet evacuated nor trapped on the road. */
  inTransit: number;
  evacuated: number;
  /** Captured while waiting, on the road, or at home having stayed. */
  trapped: number;
  /** Σ ShadowDeparted: people not told who left anyway. */
  shadow: number;
}

/** The keys of People, in summary order. */
export const PEOPLE_KEYS = [
  'told',
  'complied',
  'stayed',
  'waiting',
  'inTransit',
  'evacuated',
  'trapped',
  'shadow',
] as const satisfies readonly (keyof People)[];

/** Number of log kinds: the length of a per-kind sums array. */
export const KIND_COUNT = Object.keys(LogKind).length;

/**
 * People by state at instant `t` (seconds from the start; Infinity for the end) among the
 * settlements in `scope` (all when absent). Throws InputError when `t` is not a number,
 * or `scope` names a region, district or settlement the run does not have, as clearance
 * does: either would otherwise count nobody and read as zeros.
 */
export function peopleAt(result: SimulationResult, t: number, scope?: TargetScope | null): People {
  requireResult(result, 'peopleAt()');
  if (typeof t !== 'number' || Number.isNaN(t)) {
    const shown = typeof t === 'string' ? JSON.stringify(t) : String(t);
    throw new InputError(`peopleAt() takes an instant in seconds from the start, a number, got ${shown}`);
  }
  checkScope(result, scope);
  return peopleSeries(result, [t], scope)[0];
}

/** peopleAt for many instants in one pass over the log; `times` may come in any order. */
export function peopleSeries(
  result: SimulationResult,
  times: readonly number[],
  scope?: TargetScope | null,
): People[] {
  const { length, time, kind, settlement, people } = result.log;
  const mask = scopeMask(result, scope);
  const order = times.map((_, i) => i).sort((a, b) => times[a] - times[b]);
  const totals = new Float64Array(KIND_COUNT);
  const out = new Array<People>(times.length);
  let row = 0;
  for (const i of order) {
    const t = times[i];
    for (; row < length && time[row] <= t; row++) {
      if (mask === null || mask[settlement[row]] === 1) totals[kind[row]] += people[row];
    }
    out[i] = peopleFromTotals(totals);
  }
  return out;
}

/** People by state at instant `t` for each settlement, indexed as `result.settlements`. */
export function peopleBySettlement(result: SimulationResult, t: number): People[] {
  const { log } = result;
  const totals = result.settlements.map(() => new Float64Array(KIND_COUNT));
  for (let row = 0; row < log.length && log.time[row] <= t; row++) {
    const sums = totals[log.settlement[row]];
    if (sums !== undefined) sums[log.kind[row]] += log.people[row];
  }
  return totals.map(peopleFromTotals);
}

/** Turns per-kind sums of people (indexed by LogKind) into states. */
export function peopleFromTotals(sum: Float64Array): People {
  const told = sum[LogKind.Told];
  const departed = sum[LogKind.Departed];
  const evacuated = sum[LogKind.Evacuated];
  const trappedWaiting = sum[LogKind.TrappedWaiting];
  const trappedInTransit = sum[LogKind.TrappedInTransit];
  const trappedStayed = sum[LogKind.TrappedStayed];
  // Complied counts everyone who chose to leave; a captured stayer never did.
  const complied = told - sum[LogKind.Stayed];
  return {
    told,
    complied,
    stayed: sum[LogKind.Stayed] - trappedStayed,
    waiting: complied - departed - trappedWaiting,
    inTransit: departed - evacuated - trappedInTransit,
    evacuated,
    trapped: trappedWaiting + trappedInTransit + trappedStayed,
    shadow: sum[LogKind.ShadowDeparted],
  };
}
