// Throughput over time: people departed and evacuated in each report bin, and
// the peak evacuation rate scaled to people per hour. Only people told to
// leave are counted; shadow evacuees are apart.

import { LogKind, type SimulationResult } from '../result.js';
import type { TargetScope } from '../scenario/types.js';
import { binEnds, binIndex } from './bins.js';
import { scopeMask } from './scope.js';
import { maxOf } from './extremes.js';

export interface Throughput {
  binSeconds: number;
  /** People evacuated in each bin. */
  evacuated: number[];
  /** People departed in each bin. */
  departed: number[];
  /** Most people evacuated in one bin, scaled to an hour: max bin × 3600 / binSeconds. */
  peakPeoplePerHour: number;
}

/** Throughput of the run in bins of `result.samples.binSeconds`, within `scope` (all when absent). */
export function throughput(result: SimulationResult, scope?: TargetScope | null): Throughput {
  const binSeconds = result.samples.binSeconds;
  const evacuated = peopleByBin(result, LogKind.Evacuated, scope);
  return {
    binSeconds,
    evacuated,
    departed: peopleByBin(result, LogKind.Departed, scope),
    peakPeoplePerHour: (maxOf(evacuated, 0) * 3600) / binSeconds,
  };
}

/** People in rows of `kind` per report bin (see bins.ts); rows after `endTime` are left out. */
export function peopleByBin(result: SimulationResult, kind: LogKind, scope?: TargetScope | null): number[] {
  const { log, endTime } = result;
  const binSeconds = result.samples.binSeconds;
  const counts = binEnds(endTime, binSeconds).map(() => 0);
  const mask = scopeMask(result, scope);
  for (let row = 0; row < log.length && log.time[row] <= endTime; row++) {
    if (log.kind[row] !== kind) continue;
    if (mask !== null && mask[log.settlement[row]] !== 1) continue;
    counts[binIndex(log.time[row], binSeconds, counts.length)] += log.people[row];
  }
  return counts;
}
