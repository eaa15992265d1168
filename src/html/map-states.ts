// What each settlement's people were doing at each instant the map can show:
// waiting (complied, not yet gone), left, evacuated and trapped, counted exactly
// from the movement log in one pass, as the charts count the whole scenario.

import { LogKind, type SimulationResult } from '../result.js';

const KINDS = Object.keys(LogKind).length;

export interface SettlementStates {
  /** Complied and not yet departed nor trapped: preparing, queued or waiting for a fleet. */
  waiting: number[];
  /** Departed, whatever became of them after. */
  left: number[];
  evacuated: number[];
  trapped: number[];
}

/** States of every settlement (indexed as `result.settlements`) at each of `times` (ascending). */
export function settlementStates(result: SimulationResult, times: readonly number[]): SettlementStates[] {
  const { log } = result;
  const n = result.settlements.length;
  const sums = Array.from({ length: n }, () => new Float64Array(KINDS));
  const out: SettlementStates[] = Array.from({ length: n }, () => ({ waiting: [], left: [], evacuated: [], trapped: [] }));
  let row = 0;
  for (const t of times) {
    for (; row < log.length && log.time[row] <= t; row++) {
      const s = sums[log.settlement[row]];
      if (s !== undefined) s[log.kind[row]] += log.people[row];
    }
    for (let i = 0; i < n; i++) {
      const s = sums[i];
      const trappedWaiting = s[LogKind.TrappedWaiting];
      out[i].waiting.push(s[LogKind.Told] - s[LogKind.Stayed] - s[LogKind.Departed] - trappedWaiting);
      out[i].left.push(s[LogKind.Departed]);
      out[i].evacuated.push(s[LogKind.Evacuated]);
      out[i].trapped.push(trappedWaiting + s[LogKind.TrappedInTransit] + s[LogKind.TrappedStayed]);
    }
  }
  return out;
}
