// Congestion over time, per link, from simulate()'s `trace` hook: every
// traversal (entry and exit instants) is kept, and after the run each link gets
// per-bin counts, queues, volume/capacity and delays, and the spans when it
// held a queue. A vehicle is queued on a link from the moment it could have
// left at free-flow speed until it does leave, or until the run ends when it is
// still on the link then; the simulation core is not read.

import type { CompiledNetwork } from '../network/compile.js';
import type { SimulationResult } from '../result.js';
import type { LinkTrace } from '../simulation/simulate.js';
import { csvTable } from './csv-table.js';

/** A vehicle counts as queued only when it is held longer than this beyond free flow (rounding of instants). */
const HELD_SECONDS = 0.5;

/** Link exits kept per chunk of the recorder's columns. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/** Collects traversals of real links while a run goes; read them with `congestion` after it. */
export class LinkRecorder {
  private entered = new Float64Array(256).fill(NaN);
  /** Per vehicle, 1 + the queue it last entered while it is on it; 0 once it left. */
  private on = new Int32Array(256);
  // Link exits in fixed-size chunks of typed columns: a million-person run makes
  // some ten million, and chunks grow without copying what is already kept.
  private count = 0;
  private links: Int32Array[] = [];
  private enters: Float64Array[] = [];
  private exits: Float64Array[] = [];

  /** Pass as SimulateOptions.trace. */
  readonly trace: LinkTrace = (link, vehicle, time, entering, lost) => {
    if (vehicle >= this.entered.length) {
      const grown = new Float64Array(Math.max(vehicle + 1, this.entered.length * 2)).fill(NaN);
      grown.set(this.entered);
      this.entered = grown;
      const on = new Int32Array(grown.length);
      on.set(this.on);
      this.on = on;
    }
    if (entering) {
      this.entered[vehicle] = time;
      this.on[vehicle] = link + 1;
      return;
    }
    this.on[vehicle] = 0;
    // Lost with a captured node: off the link, without a traversal (it never left it).
    if (lost) return;
    const c = this.count >>> CHUNK_BITS;
    if (c === this.links.length) {
      this.links.push(new Int32Array(CHUNK));
      this.enters.push(new Float64Array(CHUNK));
      this.exits.push(new Float64Array(CHUNK));
    }
    const i = this.count & (CHUNK - 1);
    this.links[c][i] = link;
    this.enters[c][i] = this.entered[vehicle];
    this.exits[c][i] = time;
    this.count++;
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
    const byLink = this.traversalsByLink(links.length);
    const still = this.stillOn(links.length);
    const most = byLink.most + still.most;
    const starts = new Float64Array(most);
    const ends = new Float64Array(most);
    links.forEach((l, i) => {
      // Each link's traversals in the order they ended, as they were recorded.
      let held = 0;
      // The last bins used: entries and exits of a link come nearly in time order.
      let inRow: LinkBin | null = null;
      let outRow: LinkBin | null = null;
      for (let j = byLink.first[i]; j < byLink.first[i + 1]; j++) {
        const k = byLink.order[j];
        const tIn = this.enters[k >>> CHUNK_BITS][k & (CHUNK - 1)];
        const tOut = this.exits[k >>> CHUNK_BITS][k & (CHUNK - 1)];
        if (inRow === null || inRow.bin !== Math.floor(tIn / binSeconds)) inRow = bin(l, tIn, binSeconds);
        inRow.entered++;
        if (outRow === null || outRow.bin !== Math.floor(tOut / binSeconds)) outRow = bin(l, tOut, binSeconds);
        outRow.exited++;
        const delay = Math.max(0, tOut - tIn - l.freeSeconds);
        outRow.delaySeconds += delay;
        if (delay > HELD_SECONDS) {
          starts[held] = tOut - delay;
          ends[held] = tOut;
          held++;
        }
      }
      // Vehicles still on the link when the run ended: entered, and queued from their
      // free-flow exit time to the end when held beyond it.
      for (let j = still.first[i]; j < still.first[i + 1]; j++) {
        const tIn = still.entered[j];
        if (inRow === null || inRow.bin !== Math.floor(tIn / binSeconds)) inRow = bin(l, tIn, binSeconds);
        inRow.entered++;
        const from = tIn + l.freeSeconds;
        if (result.endTime - from > HELD_SECONDS) {
          starts[held] = from;
          ends[held] = result.endTime;
          held++;
        }
      }
      queueSpans(l, starts.subarray(0, held).sort(), ends.subarray(0, held).sort(), binSeconds);
    });
    return links;
  }

  /**
   * Entry times of the vehicles on each real link when the run ended (entered, never left),
   * grouped by link: link i's are entered[first[i] … first[i + 1]). Vehicles lost with a
   * captured node are off their link (trace), with no traversal.
   */
  private stillOn(links: number): { entered: Float64Array; first: Int32Array; most: number } {
    const { order, first, most } = groupByLink(this.on.length, links, (v) => {
      const l = this.on[v] - 1;
      return l >= 0 && l < links ? l : -1;
    });
    return { entered: Float64Array.from(order, (v) => this.entered[v]), first, most };
  }

  /** Recorded traversals grouped by real link (a counting sort, stable): link i's are order[first[i] … first[i + 1]). */
  private traversalsByLink(links: number): { order: Int32Array; first: Int32Array; most: number } {
    return groupByLink(this.count, links, (k) => {
      const l = this.links[k >>> CHUNK_BITS][k & (CHUNK - 1)];
      return l < links && !Number.isNaN(this.enters[k >>> CHUNK_BITS][k & (CHUNK - 1)]) ? l : -1;
    });
  }
}

/**
 * Items 0 … count − 1 grouped by their link (`linkOf`, −1 for none: left out), in a stable
 * counting sort: link i's are order[first[i] … first[i + 1]); `most` is the largest group.
 */
function groupByLink(count: number, links: number, linkOf: (k: number) => number): { order: Int32Array; first: Int32Array; most: number } {
  const first = new Int32Array(links + 1);
  for (let k = 0; k < count; k++) {
    const l = linkOf(k);
    if (l >= 0) first[l + 1]++;
  }
  let most = 0;
  for (let i = 0; i < links; i++) {
    most = Math.max(most, first[i + 1]);
    first[i + 1] += first[i];
  }
  const next = first.slice(0, links);
  const order = new Int32Array(first[links]);
  for (let k = 0; k < count; k++) {
    const l = linkOf(k);
    if (l >= 0) order[next[l]++] = k;
  }
  return { order, first, most };
}

/** The bin of link `l` that holds instant `t`, made when first needed. */
function bin(l: LinkCongestion, t: number, binSeconds: number): LinkBin {
  const b = Math.floor(t / binSeconds);
  let row = l.bins.get(b);
  if (row === undefined) {
    row = { bin: b, entered: 0, exited: 0, queueSeconds: 0, maxQueue: 0, delaySeconds: 0 };
    l.bins.set(b, row);
  }
  return row;
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

/** Sweeps the queued intervals of one link, given as sorted starts and sorted ends: queue spans and per-bin queue figures. */
function queueSpans(l: LinkCongestion, starts: Float64Array, ends: Float64Array, binSeconds: number): void {
  if (starts.length === 0) return;
  let queued = 0;
  let since = starts[0];
  // +1 at each start, −1 at each end; ends first at equal instants.
  for (let s = 0, e = 0; e < ends.length; ) {
    const ending = s === starts.length || ends[e] <= starts[s];
    const t = ending ? ends[e++] : starts[s++];
    // Spread the time since the last event over the bins it covers.
    for (let from = since; from < t; ) {
      const to = Math.min(t, (Math.floor(from / binSeconds) + 1) * binSeconds);
      if (queued > 0) {
        const row = bin(l, from, binSeconds);
        row.queueSeconds += queued * (to - from);
        row.maxQueue = Math.max(row.maxQueue, queued);
        l.queuedSeconds += to - from;
      }
      from = to;
    }
    queued += ending ? -1 : 1;
    since = t;
    if (queued > 0) {
      const row = bin(l, t, binSeconds);
      row.maxQueue = Math.max(row.maxQueue, queued);
      if (l.queueBegan === null) l.queueBegan = t;
    }
    if (queued === 0 && ending) l.queueEnded = t;
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
