// Equilibrium routing: the adaptive choice repeated over runs, each run learning how
// far the adaptive estimate of a link was from what the vehicles that chose it then
// went through (a day-to-day learning process towards a dynamic user equilibrium).
//
// Adaptive routing sees the queues as they are when a vehicle chooses, not as they
// will be when it gets there. Each run records, per link and time bin of the choice,
// the mean error of the estimate a vehicle chose by: the time it then spent on the
// link (waiting to enter it and travelling to its stop line) minus the estimate. The
// next run adds the learned error to that link's estimate for choices in that bin.
// The learned error is the method of successive averages over runs: after run k it
// moves 1/k of the way to that run's mean, so it settles as the choices settle.
//
// The relative gap of a run compares experienced routes: vehicles are grouped by
// origin, destination set and departure bin; within a group each route's mean
// travel time is compared with the best route's, and the gap is Σ (travel time −
// best of its group) / Σ travel time over the vehicles that arrived. At a dynamic
// user equilibrium no vehicle could have arrived sooner by another route its
// neighbours took, and the gap is 0.
import type { CompiledNetwork } from '../network/compile.js';
import type { RoutingSpec } from '../scenario/types.js';
import type { EquilibriumReport } from '../result.js';
import { type LearnedErrors, ROUTE_SHIFT, ROUTE_TABLE, type TrafficState, type TravelObserver } from './state.js';

export class Equilibrium implements LearnedErrors {
  private readonly binSeconds: number;
  private readonly linkCount: number;
  readonly bins: number;
  private readonly iterations: number;
  private readonly targetGap: number | null;
  private stoppedBy: EquilibriumReport['stoppedBy'] = 'iterations';
  /** Learned error of the adaptive estimate per (bin, link), seconds; index b * L + l. */
  readonly correction: Float64Array;
  private learned = 0;
  private readonly gaps: number[] = [];
  /** The run (1-based) with the lowest relative gap so far, the later one on a tie: the result a study keeps. */
  best = 0;
  /** Whether to keep the corrections the best run was made with (`keptCorrections`), to make it again. */
  keepBestCorrections = false;
  private bestCorrection: Float64Array | null = null;
  private run: EquilibriumRun | null = null;

  constructor(net: CompiledNetwork, routing: RoutingSpec, horizon: number) {
    this.binSeconds = routing.binSeconds;
    this.bins = Math.floor(horizon / routing.binSeconds) + 1;
    this.iterations = routing.iterations;
    this.targetGap = routing.gap ?? null;
    this.linkCount = net.linkCount;
    this.correction = new Float64Array(this.bins * net.linkCount);
  }

  /** Starts a run on `tr`: returns the observer that corrects and records its choices. */
  start(tr: TrafficState): EquilibriumRun {
    this.run = new EquilibriumRun(this, tr);
    tr.observer = this.run;
    tr.learned = this; // the trees carry the learned errors too (estimates.ts)
    tr.placedVehicles = tr.vehicleCount; // it reads where every vehicle is
    return this.run;
  }

  /** Where the learned errors of the links for a choice at `time` start in `correction`. */
  rowAt(time: number): number {
    return this.binOf(time) * this.linkCount;
  }

  binOf(time: number): number {
    const b = Math.floor(time / this.binSeconds);
    return b < this.bins ? b : this.bins - 1;
  }

  /**
   * Learns from the finished run: its relative gap, then the estimate corrections.
   * Returns whether another run is worth making: not once the gap reached `routing.gap`
   * (the corrections are then left as they were), nor when no correction moved (the
   * runs are deterministic, so the next would repeat this one exactly and learn nothing
   * either), nor after the last iteration. Either way a run made now with the corrections
   * as they are repeats the finished one.
   */
  learn(): boolean {
    const run = this.run as EquilibriumRun;
    const gap = this.relativeGap(run);
    this.gaps.push(gap);
    this.learned++;
    if (this.best === 0 || gap <= this.gaps[this.best - 1]) {
      this.best = this.learned;
      if (this.keepBestCorrections) this.bestCorrection = this.correction.slice();
    }
    if (this.targetGap !== null && gap <= this.targetGap) {
      this.stoppedBy = 'gap';
      return false;
    }
    const step = 1 / this.learned;
    const { errorSum, errorCount } = run;
    let moved = false;
    for (let i = 0; i < this.correction.length; i++) {
      if (errorCount[i] === 0) continue;
      const next = this.correction[i] + step * (errorSum[i] / errorCount[i] - this.correction[i]);
      if (next !== this.correction[i]) {
        this.correction[i] = next;
        moved = true;
      }
    }
    if (moved) return this.learned < this.iterations;
    this.stoppedBy = 'repeat';
    return false;
  }

  /** Puts back the corrections the best run was made with (kept when `keepBestCorrections`): a run made now repeats it. */
  restoreBest(): void {
    if (this.bestCorrection !== null) this.correction.set(this.bestCorrection);
  }

  /**
   * Σ over arrived vehicles of (its travel time − the mean travel time of the best route
   * taken by vehicles of its origin, destination set and departure bin), over Σ travel times.
   */
  private relativeGap(run: EquilibriumRun): number {
    const groups = new Map<string, Map<string, [number, number]>>();
    for (const trip of run.trips) {
      const group = `${trip.origin}:${trip.table}:${this.binOf(trip.departed)}`;
      let routes = groups.get(group);
      if (routes === undefined) {
        routes = new Map();
        groups.set(group, routes);
      }
      const route = routes.get(trip.path) ?? [0, 0];
      route[0] += trip.arrived - trip.departed;
      route[1]++;
      routes.set(trip.path, route);
    }
    let travelled = 0;
    let excess = 0;
    for (const routes of groups.values()) {
      let best: [number, number] = [Infinity, 1];
      for (const route of routes.values()) if (route[0] / route[1] < best[0] / best[1]) best = route;
      const fastest = best[0] / best[1];
      for (const route of routes.values()) {
        travelled += route[0];
        // The best route adds nothing, exactly: sum − n × (sum / n) is not always 0 in floating point.
        if (route !== best) excess += route[0] - route[1] * fastest;
      }
    }
    return travelled > 0 ? excess / travelled : 0;
  }

  report(): EquilibriumReport {
    return { mode: 'equilibrium', iterations: this.learned, relativeGap: [...this.gaps], stoppedBy: this.stoppedBy, kept: this.best };
  }
}

interface Trip {
  table: number;
  origin: number;
  departed: number;
  arrived: number;
  /** The links it took, as two rolling hashes. */
  path: string;
}

const NONE = -1;

/** Relative rounding of a time made of a few sums and differences of clock readings (a few ulps of the clock). */
const CLOCK_ROUNDING = 4 * Number.EPSILON;

/** One run under equilibrium routing: corrects the estimates and records what vehicles experienced. */
export class EquilibriumRun implements TravelObserver {
  private readonly eq: Equilibrium;
  private readonly tr: TrafficState;
  /** Per (bin, link): the sum and count of (experienced − estimated) over the vehicles that chose it. */
  readonly errorSum: Float64Array;
  readonly errorCount: Float64Array;
  readonly trips: Trip[] = [];
  private readonly departedAt: Float64Array;
  private readonly origin: Int32Array;
  /** Per vehicle, how long it waited to enter its current link. */
  private readonly waited: Float64Array;
  /** Per vehicle, two rolling hashes of the links it has taken since it departed. */
  private readonly pathA: Int32Array;
  private readonly pathB: Int32Array;
  /** Per vehicle, its latest choice: the link, the estimate it chose by, and the index of its bin and link. */
  private readonly chosenLink: Int32Array;
  private readonly chosenEstimate: Float64Array;
  private readonly chosenKey: Int32Array;
  /** The same for the link the vehicle is on, once it entered the link it chose. */
  private readonly onEstimate: Float64Array;
  private readonly onKey: Int32Array;

  constructor(eq: Equilibrium, tr: TrafficState) {
    this.eq = eq;
    this.tr = tr;
    const L = tr.linkCount;
    const V = tr.vehicleCount;
    this.errorSum = new Float64Array(eq.bins * L);
    this.errorCount = new Float64Array(eq.bins * L);
    this.departedAt = new Float64Array(V).fill(NaN);
    this.origin = new Int32Array(V);
    this.waited = new Float64Array(V);
    this.pathA = new Int32Array(V);
    this.pathB = new Int32Array(V);
    this.chosenLink = new Int32Array(V).fill(NONE);
    this.chosenEstimate = new Float64Array(V);
    this.chosenKey = new Int32Array(V);
    this.onEstimate = new Float64Array(V);
    this.onKey = new Int32Array(V).fill(NONE);
  }

  /** The learned error of the estimate of `link` for a choice made now. */
  correction(link: number): number {
    return this.eq.correction[this.eq.binOf(this.tr.clock.now) * this.tr.linkCount + link];
  }

  /** Vehicle `v` chose `link` now by the (uncorrected) estimate `estimate`. */
  chose(v: number, link: number, estimate: number): void {
    this.settle(v);
    this.chosenLink[v] = link;
    this.chosenEstimate[v] = estimate;
    this.chosenKey[v] = this.eq.binOf(this.tr.clock.now) * this.tr.linkCount + link;
  }

  /** If `v` now stands on the link it last chose, that choice is the one its time on the link answers. */
  private settle(v: number): void {
    if (this.chosenLink[v] !== NONE && this.chosenLink[v] === this.tr.vLink[v]) this.adopt(v);
  }

  private adopt(v: number): void {
    this.onEstimate[v] = this.chosenEstimate[v];
    this.onKey[v] = this.chosenKey[v];
    this.chosenLink[v] = NONE;
  }

  /**
   * A link's experienced time runs from entering it to reaching its stop line, plus the wait
   * before entering it (a queue for a link belongs to that link, not to the one it spills into).
   */
  traversed(link: number, v: number, enteredAt: number, waitedFrom: number): void {
    const experienced = waitedFrom - enteredAt + this.waited[v];
    this.waited[v] = this.tr.clock.now - waitedFrom;
    this.pathA[v] = (Math.imul(this.pathA[v], 31) + link + 1) | 0;
    this.pathB[v] = Math.imul(this.pathB[v] ^ (link + 1), 1000003);
    // On a last link no choice follows the one that led onto it: adopt that one now.
    if (this.chosenLink[v] === link) this.adopt(v);
    const key = this.onKey[v];
    if (key >= 0 && key % this.tr.linkCount === link) {
      // Clock readings are exact to their last few bits only: `(entered + free-flow) − entered`
      // need not be the free-flow time. An error within that rounding is none; learned, it broke
      // exact ties between routes where nothing queued (tests/traffic/equilibrium-uncongested.test.ts).
      const error = experienced - this.onEstimate[v];
      this.errorSum[key] += Math.abs(error) <= CLOCK_ROUNDING * this.tr.clock.now ? 0 : error;
      this.errorCount[key]++;
    }
    this.onKey[v] = NONE;
  }

  departed(v: number, node: number): void {
    this.departedAt[v] = this.tr.clock.now;
    this.waited[v] = 0;
    this.origin[v] = node;
    this.pathA[v] = 0;
    this.pathB[v] = 0;
  }

  arrived(v: number): void {
    const table = this.tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_TABLE];
    if (Number.isNaN(this.departedAt[v]) || table >= 3) return;
    const path = `${this.pathA[v]}:${this.pathB[v]}`;
    this.trips.push({ table, origin: this.origin[v], departed: this.departedAt[v], arrived: this.tr.clock.now, path });
    this.departedAt[v] = NaN;
  }
}
