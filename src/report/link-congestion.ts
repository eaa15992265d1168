// Congestion over time, per link, from simulate()'s `trace` hook: every
// traversal (entry and exit instants) is kept, and after the run each link gets
// per-bin counts, queues, volume/capacity and delays, and the spans when it
// held a queue. A vehicle is queued on a link from the moment it could have
// left at free-flow speed until it does leave; the simulation core is not read.

import type { CompiledNetwork } from '../network/compile.js';
import type { SimulationResult } from '../result.js';
import type { LinkTrace } from '../simulation/simulate.js';
import { csvTable } from './csv-table.js';

/** A vehicle counts as queued only when it is held longer than this beyond free flow (rounding of instants). */
const HELD_SECONDS = 0.5;

/** Collects traversals of real links while a run goes; read them with `congestion` after it. */
export class LinkRecorder {
  private entered = new Float64Array(256).fill(NaN);
  private link: number[] = [];
  private enter: number[] = [];
  private exit: number[] = [];

  /** Pass as SimulateOptions.trace. */
  readonly trace: LinkTrace = (link, vehicle, time, entering) => {
    if (vehicle >= this.entered.length) {
      const grown = new Float64Array(Math.max(vehicle + 1, this.entered.length * 2)).fill(NaN);
      grown.set(this.entered);
      this.entered = grown;
    }
    if (entering) {
      this.entered[vehicle] = time;
    } else {
      this.link.push(link);
      this.enter.push(this.entered[vehicle]);
      this.exit.push(time);
    }
  };

  /** Per-link congestion of the run, with bins of `binSeconds`, for the links of `net` (origin queues left out). */
  congestion(result: SimulationResult, net: CompiledNetwork, binSeconds: number): LinkCongestion[] {
    const links: LinkCongestion[] = result.links.map((l, i) => ({
      id: l.id,
      capacity: net.linkCapacity[i],
      storage: net.linkStorage[i],
      freeSeconds: net.linkLength[i] / net.linkSpeed[i],
      queueBegan: null,
      queueEnded: null,
      queuedSeconds: 0,
      bins: new Map(),
    }));
    const held: [number, number][][] = links.map(() => []);
    const bin = (l: LinkCongestion, t: number): LinkBin => {
      const b = Math.floor(t / binSeconds);
      let row = l.bins.get(b);
      if (row === undefined) {
        row = { bin: b, entered: 0, exited: 0, queueSeconds: 0, maxQueue: 0, delaySeconds: 0 };
        l.bins.set(b, row);
      }
      return row;
    };
    for (let k = 0; k < this.link.length; k++) {
      const l = links[this.link[k]];
      if (l === undefined || Number.isNaN(this.enter[k])) continue;
      const tIn = this.enter[k];
      const tOut = this.exit[k];
      bin(l, tIn).entered++;
      const out = bin(l, tOut);
      out.exited++;
      const delay = Math.max(0, tOut - tIn - l.freeSeconds);
      out.delaySeconds += delay;
      if (delay > HELD_SECONDS) held[this.link[k]].push([tOut - delay, tOut]);
    }
    links.forEach((l, i) => { queueSpans(l, held[i], binSeconds, bin); });
    return links;
  }
}

export interface LinkBin {
  /** Bin index: the bin covers [bin × binSeconds, (bin + 1) × binSeconds). */
  bin: number;
  entered: number;
  exited: number;
  /** Vehicle-seconds spent queued in the bin (mean queue = queueSeconds / binSeconds). */
  queueSeconds: number;
  /** Most vehicles queued at once during the bin. */
  maxQueue: number;
  /** Delay beyond free flow of the vehicles that left in the bin, summed. */
  delaySeconds: number;
}

export interface LinkCongestion {
  id: string;
  /** Flow capacity, vehicles per hour, and storage, vehicles, as compiled (before hazards). */
  capacity: number;
  storage: number;
  freeSeconds: number;
  /** First instant a vehicle was queued, and the last instant one was; null when none ever was. */
  queueBegan: number | null;
  queueEnded: number | null;
  /** Time with at least one vehicle queued, seconds. */
  queuedSeconds: number;
  /** Bins with any traffic, by index. */
  bins: Map<number, LinkBin>;
}

/** Sweeps the queued intervals of one link: queue spans and per-bin queue figures. */
function queueSpans(l: LinkCongestion, intervals: [number, number][], binSeconds: number, bin: (l: LinkCongestion, t: number) => LinkBin): void {
  if (intervals.length === 0) return;
  // +1 at each start, −1 at each end; ends first at equal instants.
  const events: [number, number][] = intervals.flatMap(([a, b]): [number, number][] => [[a, 1], [b, -1]]);
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let queued = 0;
  let since = events[0][0];
  for (const [t, step] of events) {
    // Spread the time since the last event over the bins it covers.
    for (let from = since; from < t; ) {
      const to = Math.min(t, (Math.floor(from / binSeconds) + 1) * binSeconds);
      if (queued > 0) {
        const row = bin(l, from);
        row.queueSeconds += queued * (to - from);
        row.maxQueue = Math.max(row.maxQueue, queued);
        l.queuedSeconds += to - from;
      }
      from = to;
    }
    queued += step;
    since = t;
    if (queued > 0) {
      const row = bin(l, t);
      row.maxQueue = Math.max(row.maxQueue, queued);
      if (l.queueBegan === null) l.queueBegan = t;
    }
    if (queued === 0 && step < 0) l.queueEnded = t;
  }
}

/** `links-timeseries.csv`: one row per link and bin with traffic, bins in order. */
export function linksTimeseriesCsv(links: readonly LinkCongestion[], binSeconds: number): string {
  const header = ['link', 'bin', 'binStart', 'entered', 'exited', 'meanQueue', 'maxQueue', 'volumeToCapacity', 'meanDelaySeconds'];
  const rows = links.flatMap((l) =>
    [...l.bins.values()]
      .sort((a, b) => a.bin - b.bin)
      .map((b) => [
        l.id,
        b.bin,
        b.bin * binSeconds,
        b.entered,
        b.exited,
        b.queueSeconds / binSeconds,
        b.maxQueue,
        b.exited / (l.capacity * (binSeconds / 3600)),
        b.exited > 0 ? b.delaySeconds / b.exited : 0,
      ]),
  );
  return csvTable(header, rows);
}
