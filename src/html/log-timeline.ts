// The movement log read once for everything the charts and the map show at their
// instants: people by state in the whole scenario and in each target scope, each
// settlement's states, people who had left, people waiting for a fleet, shelter
// occupancy, and departures and arrivals per flow bin. Each figure is summed row
// by row in log order, as the one-figure functions (peopleSeries, settlementStates,
// waitingForFleet, occupancySeries) sum it, so the numbers are the same; a re-run in
// the explorer reads the log once instead of about ten times.

import { LogKind, type SimulationResult } from '../result.js';
import type { TargetScope } from '../scenario/types.js';
import { binIndex } from '../report/bins.js';
import { KIND_COUNT, type People, peopleFromTotals } from '../report/metrics.js';
import { scopeMask } from '../report/scope.js';
import { arrivalDestination } from '../report/shelters.js';
import { type Counts, countRows } from './counts.js';

/** What a settlement's people were doing at each instant the map can show. */
export interface SettlementStates {
  /** Complied and not yet departed nor trapped: preparing, queued or waiting for a fleet. */
  waiting: Counts;
  /** Departed, whatever became of them after. */
  left: Counts;
  evacuated: Counts;
  trapped: Counts;
}

/** SettlementStates as logTimeline writes them: whole people, so 4 bytes a count (half the page's data). */
type Written = { [K in keyof SettlementStates]: Int32Array };

export interface LogTimeline {
  /** The instants read, ascending. */
  times: readonly number[];
  /** The whole scenario's people at each instant. */
  people: People[];
  /** Per scope asked for, its people at each instant. */
  scoped: People[][];
  /** People who had departed, at each instant. */
  left: number[];
  /** People ready at a pickup point and not yet boarded, at each instant (see waitingForFleet). */
  waitingForFleet: number[];
  /** People at each destination, `[instant][destination]`. */
  occupancy: number[][];
  /** Each settlement's states at each instant, indexed as `result.settlements`; all of them views into one buffer. */
  settlements: Written[];
  /** People departed and evacuated in each flow bin (rows up to the end of the run). */
  departedByBin: number[];
  evacuatedByBin: number[];
}

/**
 * Reads the log of `result` at `times` (ascending), for `scopes`, with departures and
 * arrivals counted in `flowBins` bins of `flowBin` seconds (none by default).
 */
export function logTimeline(
  result: SimulationResult,
  times: readonly number[],
  scopes: readonly TargetScope[] = [],
  flowBin = 1,
  flowBins = 0,
): LogTimeline {
  const { log, endTime } = result;
  const n = result.settlements.length;
  const masks = scopes.map((scope) => scopeMask(result, scope));
  const totals = new Float64Array(KIND_COUNT);
  const scopeTotals = scopes.map(() => new Float64Array(KIND_COUNT));
  const sums = Array.from({ length: n }, () => new Float64Array(KIND_COUNT));
  const waiting = new Float64Array(n);
  const running = new Float64Array(result.destinations.length);
  const departedByBin = new Array<number>(flowBins).fill(0);
  const evacuatedByBin = new Array<number>(flowBins).fill(0);
  const rows = countRows((size) => new Int32Array(size), 4 * n, times.length);
  const settlements = Array.from({ length: n }, (_, i): Written => ({
    waiting: rows[4 * i], left: rows[4 * i + 1], evacuated: rows[4 * i + 2], trapped: rows[4 * i + 3],
  }));
  const out: LogTimeline = {
    times,
    people: [],
    scoped: scopes.map(() => []),
    left: [],
    waitingForFleet: [],
    occupancy: [],
    settlements,
    departedByBin,
    evacuatedByBin,
  };
  const { time: timeOf, kind: kindOf, people: peopleOf, settlement: settlementOf, fleet: fleetOf } = log;
  const last = times.length === 0 ? -Infinity : times[times.length - 1];
  // Past the last instant only the flow bins still count, up to the end of the run.
  const stop = flowBins > 0 ? Math.max(last, endTime) : last;
  let fleetWaiting = 0;
  let next = 0;
  for (let row = 0; row <= log.length; row++) {
    const time = row < log.length ? timeOf[row] : Infinity;
    // Every instant before this row's time is complete: write it out.
    while (next < times.length && time > times[next]) {
      out.people.push(peopleFromTotals(totals));
      for (let k = 0; k < scopeTotals.length; k++) out.scoped[k].push(peopleFromTotals(scopeTotals[k]));
      out.left.push(totals[LogKind.Departed]);
      out.waitingForFleet.push(fleetWaiting);
      out.occupancy.push(Array.from(running));
      for (let i = 0; i < n; i++) writeStates(settlements[i], next, sums[i]);
      next++;
    }
    if (time > stop) break;
    const kind = kindOf[row];
    const people = peopleOf[row];
    if (flowBins > 0 && time <= endTime) {
      if (kind === LogKind.Departed) departedByBin[binIndex(time, flowBin, flowBins)] += people;
      else if (kind === LogKind.Evacuated) evacuatedByBin[binIndex(time, flowBin, flowBins)] += people;
    }
    if (time > last) continue;
    const s = settlementOf[row];
    totals[kind] += people;
    for (let k = 0; k < masks.length; k++) {
      const mask = masks[k];
      if (mask === null || mask[s] === 1) scopeTotals[k][kind] += people;
    }
    if (s >= 0 && s < n) {
      sums[s][kind] += people;
      let change = 0;
      if (kind === LogKind.ReadyForFleet) change = people;
      else if (kind === LogKind.Departed && fleetOf[row] >= 0) change = -people;
      else if (kind === LogKind.TrappedWaiting) change = -waiting[s];
      waiting[s] += change;
      fleetWaiting += change;
    }
    const d = arrivalDestination(result, row);
    if (d >= 0) running[d] += people;
  }
  return out;
}

/** States of every settlement (indexed as `result.settlements`) at each of `times` (ascending). */
export function settlementStates(result: SimulationResult, times: readonly number[]): Written[] {
  return logTimeline(result, times).settlements;
}

/** Writes a settlement's states at instant `k`, from its per-kind sums of people. */
function writeStates(states: Written, k: number, sum: Float64Array): void {
  const trappedWaiting = sum[LogKind.TrappedWaiting];
  states.waiting[k] = sum[LogKind.Told] - sum[LogKind.Stayed] - sum[LogKind.Departed] - trappedWaiting;
  states.left[k] = sum[LogKind.Departed];
  states.evacuated[k] = sum[LogKind.Evacuated];
  states.trapped[k] = trappedWaiting + sum[LogKind.TrappedInTransit] + sum[LogKind.TrappedStayed];
}
