// The link observer behind simulateWithTraffic: it is called at every link and
// origin-queue entry and exit of a run (about 420,000 times in Kursk), so it only
// counts, and writes the counts of each instant into one growing typed array;
// the per-road series are read out of it once, after the run.

import type { CompiledNetwork } from '../network/compile.js';
import type { Scenario } from '../scenario/types.js';
import type { LinkTrace } from '../simulation/simulate.js';
import { countRows } from './counts.js';

export interface TrafficSeries {
  /** 0 and every report-bin end, as in ReportSeries.times. */
  times: number[];
  /** Per scenario road (both directions), at each instant; all series are views into one buffer. */
  roads: { id: string; onRoad: Int32Array; fleetOnRoad: Int32Array; passed: Int32Array }[];
  /** Nodes whose origin queue ever held a vehicle: vehicles waiting to enter the network there. */
  origins: { node: string; queued: Int32Array }[];
}

/** Counts vehicles on roads and in origin queues at 0 and every report-bin end of a run. */
export class TrafficRecorder {
  private readonly links: number;
  private readonly nodes: number;
  private readonly roads: number;
  private readonly linkRoad: Int32Array;
  private readonly nodeIds: readonly string[];
  /** Vehicles [0, F) are the fleets' (SimState's numbering); the rest are cars. */
  private readonly fleetVehicles: number;
  private readonly bin: number;
  /** Vehicles on each link, then in each node's two origin queues. */
  private readonly onLink: Int32Array;
  private readonly fleetOnLink: Int32Array;
  /** Vehicles that left each road since the last instant recorded. */
  private readonly passed: Int32Array;
  /** One row per instant recorded: on road, fleet on road and passed per road, then queued per node. */
  private rows: Int32Array;
  private readonly stride: number;
  private taken = 0;
  /** The instant of the next row, taken · bin: a row is written once an event comes after it. */
  private nextAt = 0;

  constructor(net: CompiledNetwork, scenario: Scenario) {
    this.links = net.linkCount;
    this.nodes = net.nodeCount;
    this.roads = scenario.network.roads.length;
    this.linkRoad = net.linkRoad;
    this.nodeIds = net.nodeIds;
    this.fleetVehicles = scenario.fleets.reduce((sum, f) => sum + f.vehicles, 0);
    this.bin = scenario.reportBinSeconds;
    this.onLink = new Int32Array(this.links + 2 * this.nodes);
    this.fleetOnLink = new Int32Array(this.links);
    this.passed = new Int32Array(this.roads);
    this.stride = 3 * this.roads + this.nodes;
    this.rows = new Int32Array(this.stride * 64);
  }

  /** The observer to hand to simulate(). */
  readonly trace: LinkTrace = (link, vehicle, time, entering, lost) => {
    // The state at instant k·bin holds every event up to and including it.
    if (time > this.nextAt) this.catchUp(time);
    this.onLink[link] += entering ? 1 : -1;
    if (link >= this.links) return;
    if (vehicle < this.fleetVehicles) this.fleetOnLink[link] += entering ? 1 : -1;
    // A vehicle lost with a captured node leaves the road without passing it.
    if (!entering && !lost) this.passed[this.linkRoad[link]]++;
  };

  /** The series at each of `times` (0 and every bin end, after the run), for roads named `roadIds`. */
  series(times: readonly number[], roadIds: readonly string[]): TrafficSeries {
    // Instants past the last event (and the run's end) see the final state.
    while (this.taken < times.length) this.snapshot();
    const { rows, stride, roads } = this;
    const held = (n: number) => {
      for (let k = 0; k < times.length; k++) if (rows[k * stride + 3 * roads + n] > 0) return true;
      return false;
    };
    const queuedAt = Array.from({ length: this.nodes }, (_, n) => n).filter(held);
    // Each row of the table, one column per road series and origin queue, becomes a column of this.
    const offsets = [...Array.from({ length: 3 * roads }, (_, j) => j), ...queuedAt.map((n) => 3 * roads + n)];
    const series = countRows((size) => new Int32Array(size), offsets.length, times.length);
    offsets.forEach((offset, j) => {
      const into = series[j];
      for (let k = 0; k < times.length; k++) into[k] = rows[k * stride + offset];
    });
    return {
      times: [...times],
      roads: roadIds.map((id, i) => ({ id, onRoad: series[i], fleetOnRoad: series[roads + i], passed: series[2 * roads + i] })),
      origins: queuedAt.map((n, j) => ({ node: this.nodeIds[n], queued: series[3 * roads + j] })),
    };
  }

  private catchUp(time: number): void {
    while (this.taken * this.bin < time) this.snapshot();
  }

  /** Writes the row of the next instant and starts counting its passes afresh. */
  private snapshot(): void {
    const { links, nodes, roads, onLink, linkRoad } = this;
    if ((this.taken + 1) * this.stride > this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const rows = this.rows;
    const base = this.taken * this.stride;
    for (let l = 0; l < links; l++) {
      rows[base + linkRoad[l]] += onLink[l];
      rows[base + roads + linkRoad[l]] += this.fleetOnLink[l];
    }
    rows.set(this.passed, base + 2 * roads);
    this.passed.fill(0);
    for (let n = 0; n < nodes; n++) rows[base + 3 * roads + n] = onLink[links + n] + onLink[links + nodes + n];
    this.taken++;
    this.nextAt = this.taken * this.bin;
  }
}
