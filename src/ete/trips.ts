// Vehicle trips recorded through simulate()'s `trace` hook, for the
// leave-the-zone end point: when did the people of an Evacuated log row first
// reach a node outside their zone? The trace names vehicles, the log names
// people; a row is matched to the vehicle that reached its destination's node
// at the row's instant, on a trip that passed the row's settlement.

import { LogKind, type SimulationResult } from '../result.js';
import type { LinkTrace } from '../simulation/simulate.js';
import { grown } from '../engine/grown.js';

/** Collects link entries and exits as they happen; read them with `visits` after the run. */
export class TripRecorder {
  private link = new Int32Array(1024);
  private vehicle = new Int32Array(1024);
  private time = new Float64Array(1024);
  private entering = new Uint8Array(1024);
  private length = 0;

  /** Pass as SimulateOptions.trace. */
  readonly trace: LinkTrace = (link, vehicle, time, entering, lost) => {
    // A vehicle lost with a captured node reaches nothing.
    if (lost) return;
    if (this.length === this.link.length) this.grow();
    const i = this.length++;
    this.link[i] = link;
    this.vehicle[i] = vehicle;
    this.time[i] = time;
    this.entering[i] = entering ? 1 : 0;
  };

  /** The node visits of every vehicle, built once the run has ended. */
  visits(result: SimulationResult, nodeIndex: ReadonlyMap<string, number>): Visits {
    const links = result.links.length;
    const from = Int32Array.from(result.links, (l) => nodeIndex.get(l.from) ?? -1);
    const to = Int32Array.from(result.links, (l) => nodeIndex.get(l.to) ?? -1);
    // Only arrivals at destination nodes can end a trip: index no others.
    const destination = new Uint8Array(nodeIndex.size);
    for (const d of result.destinations) destination[nodeIndex.get(d.node) ?? 0] = 1;
    let vehicles = 0;
    for (let i = 0; i < this.length; i++) vehicles = Math.max(vehicles, this.vehicle[i] + 1);
    // Counting sort by vehicle keeps each vehicle's visits in time order.
    const start = new Int32Array(vehicles + 1);
    for (let i = 0; i < this.length; i++) if (this.link[i] < links) start[this.vehicle[i] + 1]++;
    for (let v = 0; v < vehicles; v++) start[v + 1] += start[v];
    const fill = start.slice(0, vehicles);
    const node = new Int32Array(start[vehicles]);
    const time = new Float64Array(start[vehicles]);
    const arrivals = new Map<number, number[]>();
    for (let i = 0; i < this.length; i++) {
      const l = this.link[i];
      if (l >= links) continue;
      const at = fill[this.vehicle[i]]++;
      node[at] = this.entering[i] ? from[l] : to[l];
      time[at] = this.time[i];
      if (!this.entering[i] && destination[node[at]] === 1) {
        const list = arrivals.get(time[at]);
        if (list === undefined) arrivals.set(time[at], [at]);
        else list.push(at);
      }
    }
    return { node, time, start, arrivals };
  }

  private grow(): void {
    const size = this.link.length * 2;
    this.link = grown(this.link, size);
    this.vehicle = grown(this.vehicle, size);
    this.time = grown(this.time, size);
    this.entering = grown(this.entering, size);
  }
}

/** Node visits in vehicle order (CSR by `start`), and the exits at destination nodes indexed by instant. */
export interface Visits {
  node: Int32Array;
  time: Float64Array;
  start: Int32Array;
  arrivals: Map<number, number[]>;
}

/** Per log row, the visits of the trip that carried its people: first and last index into Visits; −1 when none. */
export interface Trips {
  start: Int32Array;
  end: Int32Array;
}

/**
 * Matches each Evacuated row of the log to the trip that brought its people:
 * the vehicle that reached the row's destination node at the row's instant,
 * from its last visit to the row's settlement node. Rows with no such trip
 * (people who reached a destination at their own node) get −1.
 */
export function matchTrips(result: SimulationResult, visits: Visits, settlementNode: readonly number[], destinationNode: readonly number[]): Trips {
  const { log } = result;
  const start = new Int32Array(log.length).fill(-1);
  const end = new Int32Array(log.length).fill(-1);
  for (let row = 0; row < log.length; row++) {
    if (log.kind[row] !== LogKind.Evacuated) continue;
    const home = settlementNode[log.settlement[row]];
    const where = destinationNode[log.destination[row]];
    for (const at of visits.arrivals.get(log.time[row]) ?? []) {
      if (visits.node[at] !== where) continue;
      const tripStart = lastVisitTo(visits, at, home);
      if (tripStart < 0) continue;
      start[row] = tripStart;
      end[row] = at;
      break;
    }
  }
  return { start, end };
}

/**
 * For each row of the log (NaN for rows that are not Evacuated or whose
 * settlement is not in `members`), the instant its people first reached a node
 * with `area` 0, or the row's own instant when they reached safety without
 * leaving the area (a destination inside it, or one at their own node).
 */
export function areaExitTimes(result: SimulationResult, visits: Visits, trips: Trips, members: readonly number[], area: Uint8Array): Float64Array {
  const { log } = result;
  const inZone = new Uint8Array(result.settlements.length);
  for (const s of members) inZone[s] = 1;
  const out = new Float64Array(log.length).fill(NaN);
  for (let row = 0; row < log.length; row++) {
    if (log.kind[row] !== LogKind.Evacuated || inZone[log.settlement[row]] !== 1) continue;
    out[row] = log.time[row];
    for (let k = trips.start[row], end = trips.end[row]; k >= 0 && k <= end; k++) {
      if (area[visits.node[k]] === 0) {
        out[row] = visits.time[k];
        break;
      }
    }
  }
  return out;
}

/** The last visit to `node` of the vehicle whose visit `at` is, at or before `at`; −1 when none. */
function lastVisitTo(visits: Visits, at: number, node: number): number {
  // Binary search for the vehicle whose visits hold `at`.
  let lo = 0;
  let hi = visits.start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (visits.start[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  const first = visits.start[lo];
  for (let k = at; k >= first; k--) if (visits.node[k] === node) return k;
  return -1;
}
