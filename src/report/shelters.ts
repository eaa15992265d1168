// Destinations in the report: shelters (with a capacity) and exits (without),
// with the people who reached each. Nobody leaves a destination in the model,
// so occupancy at an instant is the arrivals up to it.

import { LogKind, type SimulationResult } from '../result.js';

export interface ShelterRow {
  id: string;
  name: string;
  kind: 'shelter' | 'exit';
  /** People; null for an exit. */
  capacity: number | null;
  /** People who reached it by the end of the run. */
  arrived: number;
  /** Most people there at once. */
  peakOccupancy: number;
  /**
   * Instant its node was captured, or null. It took nobody from then on, and the model
   * moves nobody on from a destination: its `arrived` were all there when it fell (they
   * count as evacuated).
   */
  capturedAt: number | null;
}

/** One row per destination, in `result.destinations` order. */
export function shelterRows(result: SimulationResult): ShelterRow[] {
  const { length, time, people } = result.log;
  const { endTime } = result;
  const arrived = new Float64Array(result.destinations.length);
  const peak = new Float64Array(result.destinations.length);
  for (let row = 0; row < length && time[row] <= endTime; row++) {
    const d = arrivalDestination(result, row);
    if (d < 0) continue;
    arrived[d] += people[row];
    peak[d] = Math.max(peak[d], arrived[d]);
  }
  return result.destinations.map((d, i) => ({
    id: d.id,
    name: d.name,
    kind: d.capacity === null ? 'exit' : 'shelter',
    capacity: d.capacity,
    arrived: arrived[i],
    peakOccupancy: peak[i],
    capturedAt: d.capturedAt ?? null,
  }));
}

/**
 * People at each destination at each instant of `times` (ascending), as
 * `[time][destination]`; shadow evacuees count when their row names a destination.
 */
export function occupancySeries(result: SimulationResult, times: readonly number[]): number[][] {
  const { log } = result;
  const running = new Float64Array(result.destinations.length);
  let row = 0;
  return times.map((t) => {
    for (; row < log.length && log.time[row] <= t; row++) {
      const d = arrivalDestination(result, row);
      if (d >= 0) running[d] += log.people[row];
    }
    return Array.from(running);
  });
}

/** Destination index a row delivers people to, or −1. */
export function arrivalDestination(result: SimulationResult, row: number): number {
  const { log } = result;
  const kind = log.kind[row];
  if (kind !== LogKind.Evacuated && kind !== LogKind.ShadowEvacuated) return -1;
  const d = log.destination[row];
  return d >= 0 && d < result.destinations.length ? d : -1;
}
