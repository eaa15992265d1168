// SimulationResult: what one run produces, as plain data. The simulation records
// a compact movement log (one row per group of people changing state) plus
// per-link, per-fleet and sampled gauges; report/ derives every figure from it,
// so a metric at any instant and for any scope is exact, not a bin average.

import type { FacilityKind } from './scenario/types.js';

/** Kinds of movement-log rows. */
export const LogKind = {
  /** An order reached the settlement: `people` were told to leave. */
  Told: 0,
  /** Of those told, `people` will not leave. */
  Stayed: 1,
  /** `people` of a transit-dependent household are ready and wait at the pickup. */
  ReadyForFleet: 2,
  /** `people` entered the network in a vehicle (`fleet` −1 for a car). */
  Departed: 3,
  /** `people` reached destination `destination`. */
  Evacuated: 4,
  /** `people` not yet departed were captured. */
  TrappedWaiting: 5,
  /** `people` in a vehicle on a captured link or node were captured. */
  TrappedInTransit: 6,
  /** `people` not told who left anyway (shadow evacuees); they are counted apart. */
  ShadowDeparted: 7,
  /** Shadow evacuees reached a destination. */
  ShadowEvacuated: 8,
  /** `people` who had stayed were captured with their settlement (they leave `stayed` for `trapped`). */
  TrappedStayed: 9,
} as const;
export type LogKind = (typeof LogKind)[keyof typeof LogKind];

/** Struct-of-arrays movement log; rows are in non-decreasing time order. */
export interface MovementLog {
  length: number;
  time: Float64Array;
  kind: Uint8Array;
  /** Settlement index (into SimulationResult.settlements). */
  settlement: Int32Array;
  people: Int32Array;
  /** Destination index (into SimulationResult.destinations) for Evacuated rows, else −1. */
  destination: Int32Array;
  /** Fleet index for fleet passengers, −1 for cars and non-movement rows. */
  fleet: Int32Array;
}

export interface SettlementInfo {
  id: string;
  name: string;
  node: string;
  district: string | null;
  region: string | null;
  population: number;
  /** The kind of special facility it is; absent for a settlement that is none. */
  facility?: FacilityKind;
  /** Instant the settlement was captured, or null. */
  capturedAt: number | null;
}

export interface DestinationInfo {
  id: string;
  name: string;
  node: string;
  /** null for an exit. */
  capacity: number | null;
  /** Instant its node was captured (it took nobody from then on; those there stay there), or null. */
  capturedAt: number | null;
}

export interface LinkStats {
  id: string;
  from: string;
  to: string;
  mode: 'road' | 'rail';
  /** Vehicles that left the link. */
  vehicles: number;
  /** Most vehicles on the link at once. */
  peakQueue: number;
  /** Sum over vehicles of time spent beyond free-flow time, seconds. */
  totalDelaySeconds: number;
  /** Vehicles lost on the link with a captured node (not among `vehicles`). */
  lost: number;
}

export interface FleetStats {
  id: string;
  vehicles: number;
  seats: number;
  trips: number;
  carried: number;
  /**
   * Mean wait at the pickup of the people the fleet serves: those it picked up, from ready to
   * boarding, and those still waiting at a pickup it serves when the run ends, to the end.
   * 0 when there are none.
   */
  meanWaitSeconds: number;
  /** Longest wait of the same people; never below the mean. */
  maxWaitSeconds: number;
  /** Share of vehicle-time (from the fleet's start to the end of the run) spent driving or boarding. */
  utilisation: number;
  /** Vehicles lost to a capture: parked or boarding at a captured node, or on a road touching it, with their passengers. 0 when none. */
  lost: number;
  /** When the first of them was lost; null when none was. */
  firstLostAt: number | null;
}

/** Gauges sampled at the end of every report bin. */
export interface Samples {
  binSeconds: number;
  /** End time of each bin. */
  time: number[];
  /** Vehicles on links (cars and fleet vehicles). */
  vehiclesOnRoad: number[];
  /** Vehicles ready to leave but held in their origin's departure queue. */
  vehiclesQueuedAtOrigin: number[];
}

/** What equilibrium routing did: the runs it made, the relative gap of each, and why it stopped. */
export interface EquilibriumReport {
  mode: 'equilibrium';
  /** Runs made: `routing.iterations`, or fewer when it stopped early. */
  iterations: number;
  /** The relative gap on experienced routes of each run, in order. */
  relativeGap: number[];
  /**
   * `iterations`: every run was made; `gap`: a run's gap reached `routing.gap`; `repeat`:
   * the last run taught nothing new (no learned correction moved), so every further run
   * would repeat it exactly.
   */
  stoppedBy: 'iterations' | 'gap' | 'repeat';
  /**
   * The run (1-based) whose result this is: the one with the lowest relative gap, the later
   * one on a tie. The runs need not settle (the learned choices can swing), so the last run
   * made is not always the one nearest to equilibrium.
   */
  kept: number;
}

export interface SimulationResult {
  scenario: string;
  seed: number;
  start: string | null;
  horizon: number;
  /** Time the run ended: the horizon, or earlier when nothing could happen any more. */
  endTime: number;
  settlements: SettlementInfo[];
  destinations: DestinationInfo[];
  log: MovementLog;
  links: LinkStats[];
  fleets: FleetStats[];
  samples: Samples;
  vehicles: {
    cars: number;
    fleet: number;
    arrived: number;
    /** Vehicles whose route or destination changed, any cause. */
    rerouted: number;
    /** Vehicles rerouted per cause (a vehicle may count under several). */
    reroutedBy: { fullShelter: number; hazard: number; congestion: number };
    /** Vehicles that waited for want of a route (closed roads, no open destination). */
    noRouteWaits: number;
    /** Gridlocks detected (cycles of full links); see `gridlocks`. */
    gridlocks: number;
  };
  /** Each gridlock: when it closed and the links of its cycle. */
  gridlocks: { time: number; links: string[] }[];
  /** Equilibrium routing: the relative gap after each iteration; null for other modes. */
  routing: EquilibriumReport | null;
  engine: { events: number; linkTraversals: number };
}
