// Equilibrium routing: an iterative dynamic user equilibrium by the method of
// successive averages (MSA) over time bins. Each run records the time every
// vehicle spent on every link it used (from entering it to entering the next,
// queues included), by the bin it entered in. After the run, for each destination
// table and bin, a shortest-path tree on those experienced times gives the
// all-or-nothing turn at every node; the turn shares move towards it by 1/(k+1).
// In the next run a vehicle choosing at a node follows the shares of its table
// and bin, deterministically: the link most behind its share so far goes next.
//
// The relative gap of a run is (Σ experienced travel times − Σ shortest times) /
// Σ experienced travel times over the vehicles that arrived, where a vehicle's
// shortest time is that of its origin on the tree of its table and departure bin
// ("snapshot" times: each link at the cost of the bin the vehicle departed in).
import type { CompiledNetwork } from '../network/compile.js';
import { MODE_ROAD } from '../network/compile.js';
import { RouteSearch } from '../network/routing.js';
import type { RoutingSpec } from '../scenario/types.js';
import type { TrafficState, TravelObserver } from './state.js';

/** Destination nodes of road table t (0 any, 1 shelters, 2 exits). */
export type TableNodes = (t: number) => number[];

export class Equilibrium {
  private readonly net: CompiledNetwork;
  private readonly binSeconds: number;
  private readonly bins: number;
  private readonly targets: TableNodes;
  private readonly iterations: number;
  /** Turn shares per key t * bins + b: share of each link among the links out of its tail node. */
  private readonly shares = new Map<number, Float64Array>();
  private learned = 0;
  private readonly gaps: number[] = [];
  private run: EquilibriumRun | null = null;

  constructor(net: CompiledNetwork, routing: RoutingSpec, horizon: number, targets: TableNodes) {
    this.net = net;
    this.binSeconds = routing.binSeconds;
    this.bins = Math.floor(horizon / routing.binSeconds) + 1;
    this.targets = targets;
    this.iterations = routing.iterations;
  }

  /** Starts a run on `tr`: returns the chooser that follows the shares learned so far. */
  start(tr: TrafficState): EquilibriumRun {
    this.run = new EquilibriumRun(this, tr);
    tr.observer = this.run;
    return this.run;
  }

  binOf(time: number): number {
    const b = Math.floor(time / this.binSeconds);
    return b < this.bins ? b : this.bins - 1;
  }

  sharesOf(key: number): Float64Array | undefined {
    return this.shares.get(key);
  }

  /** Learns from the finished run: its relative gap, then new shares. */
  learn(): void {
    const run = this.run as EquilibriumRun;
    const L = this.net.linkCount;
    const { linkLength, linkSpeed, linkMode } = this.net;
    // Experienced link times per bin (free-flow where nobody entered in that bin).
    const cost = (b: number) => {
      const c = new Float64Array(L);
      for (let l = 0; l < L; l++) {
        const n = run.costCount[b * L + l];
        c[l] = linkMode[l] !== MODE_ROAD ? Infinity : n > 0 ? run.costSum[b * L + l] / n : linkLength[l] / linkSpeed[l];
      }
      return c;
    };
    const trees = new Map<number, RouteSearch>();
    const tree = (t: number, b: number): RouteSearch => {
      const key = t * this.bins + b;
      let search = trees.get(key);
      if (search === undefined) {
        search = new RouteSearch(this.net);
        search.start(this.targets(t), cost(b));
        search.finish();
        trees.set(key, search);
      }
      return search;
    };
    let travelled = 0;
    let shortest = 0;
    for (const trip of run.trips) {
      const best = tree(trip.table, this.binOf(trip.departed)).dist[trip.origin];
      if (best === Infinity) continue;
      travelled += trip.arrived - trip.departed;
      shortest += best;
    }
    this.gaps.push(travelled > 0 ? (travelled - shortest) / travelled : 0);
    this.learned++;
    // Damped: a full 1/(k+1) step towards the all-or-nothing turns overshoots between bins.
    const step = 1 / (this.learned + 30);
    const keys = new Set([...this.shares.keys(), ...run.used]);
    for (const key of keys) {
      const t = Math.floor(key / this.bins);
      const next = tree(t, key % this.bins).next;
      let shares = this.shares.get(key);
      if (shares === undefined) {
        // Before any learning every vehicle took the hop of its table: start from that.
        shares = new Float64Array(L);
        for (const [link, share] of run.firstHops(key)) shares[link] = share;
        this.shares.set(key, shares);
      }
      for (let l = 0; l < L; l++) shares[l] *= 1 - step;
      for (let node = 0; node < next.length; node++) if (next[node] >= 0) shares[next[node]] += step;
    }
  }

  report(): { mode: 'equilibrium'; iterations: number; relativeGap: number[] } {
    return { mode: 'equilibrium', iterations: this.iterations, relativeGap: [...this.gaps] };
  }
}

interface Trip {
  table: number;
  origin: number;
  departed: number;
  arrived: number;
}

/** One run under equilibrium routing: chooses by the shares and records what vehicles experienced. */
export class EquilibriumRun implements TravelObserver {
  private readonly eq: Equilibrium;
  private readonly tr: TrafficState;
  readonly costSum: Float64Array;
  readonly costCount: Float64Array;
  /** Keys (t * bins + b) decided in this run. */
  readonly used = new Set<number>();
  /** Per key, the links chosen and how often, for keys without shares yet. */
  private readonly assigned = new Map<number, Float64Array>();
  readonly trips: Trip[] = [];
  private readonly departedAt: Float64Array;
  private readonly origin: Int32Array;
  /** Per vehicle, how long it waited to enter its current link. */
  private readonly waited: Float64Array;

  constructor(eq: Equilibrium, tr: TrafficState) {
    this.eq = eq;
    this.tr = tr;
    const L = tr.linkCount;
    const bins = eq.binOf(Infinity) + 1;
    this.costSum = new Float64Array(bins * L);
    this.costCount = new Float64Array(bins * L);
    this.departedAt = new Float64Array(tr.vehicleCount).fill(NaN);
    this.origin = new Int32Array(tr.vehicleCount);
    this.waited = new Float64Array(tr.vehicleCount);
  }

  /** The next link at `node` for table `t` (a road destination table); `hop` is the table's own. */
  choose(t: number, node: number, hop: number): number {
    const tr = this.tr;
    const key = t * (this.eq.binOf(Infinity) + 1) + this.eq.binOf(tr.clock.now);
    this.used.add(key);
    let assigned = this.assigned.get(key);
    if (assigned === undefined) {
      assigned = new Float64Array(tr.linkCount);
      this.assigned.set(key, assigned);
    }
    const shares = this.eq.sharesOf(key);
    let best = hop;
    if (shares !== undefined) {
      const { outStart, outLinks } = tr.net;
      let total = 0;
      for (let k = outStart[node]; k < outStart[node + 1]; k++) total += assigned[outLinks[k]];
      let bestDeficit = -Infinity;
      for (let k = outStart[node]; k < outStart[node + 1]; k++) {
        const link = outLinks[k];
        const share = shares[link];
        if (!(share > 0) || tr.roadCost[link] === Infinity) continue;
        const deficit = share * (total + 1) - assigned[link];
        if (deficit > bestDeficit) {
          bestDeficit = deficit;
          best = link;
        }
      }
    }
    assigned[best]++;
    return best;
  }

  /** For a key first seen in this run: the share of each link chosen under it. */
  firstHops(key: number): [number, number][] {
    const assigned = this.assigned.get(key);
    if (assigned === undefined) return [];
    const { linkFrom } = this.tr.net;
    const perNode = new Map<number, number>();
    assigned.forEach((n, l) => { if (n > 0) perNode.set(linkFrom[l], (perNode.get(linkFrom[l]) ?? 0) + n); });
    const out: [number, number][] = [];
    assigned.forEach((n, l) => { if (n > 0) out.push([l, n / (perNode.get(linkFrom[l]) as number)]); });
    return out;
  }

  /**
   * A link's experienced time runs from entering it to reaching its stop line, plus the wait
   * before entering it (a queue for a link belongs to that link, not to the one it spills into).
   */
  traversed(link: number, v: number, enteredAt: number, waitedFrom: number): void {
    const i = this.eq.binOf(enteredAt - this.waited[v]) * this.tr.linkCount + link;
    this.costSum[i] += waitedFrom - enteredAt + this.waited[v];
    this.costCount[i]++;
    this.waited[v] = this.tr.clock.now - waitedFrom;
  }

  departed(v: number, node: number): void {
    this.departedAt[v] = this.tr.clock.now;
    this.waited[v] = 0;
    this.origin[v] = node;
  }

  arrived(v: number): void {
    const table = this.tr.vTable[v];
    if (Number.isNaN(this.departedAt[v]) || table >= 3) return;
    this.trips.push({ table, origin: this.origin[v], departed: this.departedAt[v], arrived: this.tr.clock.now });
    this.departedAt[v] = NaN;
  }
}
