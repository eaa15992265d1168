// Throughput over time: people departed and evacuated in each report bin, and
// the peak evacuation rate scaled to people per hour. Only people told to
// leave are counted; shadow evacuees are apart.

import { LogKind, type SimulationResult } from '../result.js';
import type { TargetScope } from '../scenario/types.js';
import { binEnds, binIndex } from './bins.js';
import { scopeMask } from './scope.js';
import { KIND_COUNT } from './metrics.js';
import { maxOf } from './extremes.js';

export interface Throughput {
  binSeconds: number;
  /** People evacuated in each bin. */
  evacuated: number[];
  /** People departed in each bin. */
  departed: number[];
  /**
   * Most people evacuated in one bin, scaled to an hour: max bin × 3600 / binSeconds, the
   * last bin over the part of it the run lasted when the horizon cut it short.
   */
  peakPeoplePerHour: number;
}

/** Throughput of the run in bins of `result.samples.binSeconds`, within `scope` (all when absent). */
export function throughput(result: SimulationResult, scope?: TargetScope | null): Throughput {
  const binSeconds = result.samples.binSeconds;
  const [evacuated, departed] = peopleByBins(result, [LogKind.Evacuated, LogKind.Departed], scope);
  return {
    binSeconds,
    evacuated,
    departed,
    peakPeoplePerHour: maxOf(ratesPerHour(evacuated, binSeconds, result.endTime, result.horizon), 0),
  };
}

/**
 * People an hour in each bin of `perBin`. A bin is `binSeconds` long, except a last bin the
 * horizon cut short: its people came in the part of it the run lasted (with bins of 5 h and a
 * 2 h horizon, 2 h, not 5). A run that ended before its horizon because nothing was left to
 * happen had no one more to come in the rest of its last bin: that bin counts whole.
 */
export function ratesPerHour(perBin: readonly number[], binSeconds: number, endTime: number, horizon: number): number[] {
  const last = perBin.length - 1;
  const lasted = endTime - last * binSeconds;
  const lastSeconds = endTime === horizon && lasted > 0 && lasted < binSeconds ? lasted : binSeconds;
  return perBin.map((people, i) => (people * 3600) / (i === last ? lastSeconds : binSeconds));
}

/** People in rows of `kind` per report bin (see bins.ts); rows after `endTime` are left out. */
export function peopleByBin(result: SimulationResult, kind: LogKind, scope?: TargetScope | null): number[] {
  return peopleByBins(result, [kind], scope)[0];
}

/** peopleByBin for each of `kinds` (each named once), in one pass over the log. */
function peopleByBins(result: SimulationResult, kinds: readonly LogKind[], scope?: TargetScope | null): number[][] {
  const { endTime } = result;
  const { length, time, kind, settlement, people } = result.log;
  const binSeconds = result.samples.binSeconds;
  const bins = binEnds(endTime, binSeconds).length;
  const counts = kinds.map(() => new Array<number>(bins).fill(0));
  // Each log kind's counts, or null.
  const of = new Array<number[] | null>(KIND_COUNT).fill(null);
  kinds.forEach((k, i) => {
    of[k] = counts[i];
  });
  const mask = scopeMask(result, scope);
  for (let row = 0; row < length && time[row] <= endTime; row++) {
    const into = of[kind[row]];
    if (into === null) continue;
    if (mask !== null && mask[settlement[row]] !== 1) continue;
    into[binIndex(time[row], binSeconds, bins)] += people[row];
  }
  return counts;
}
