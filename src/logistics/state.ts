// The logistics of one run: people (who waits where, for a car or a fleet),
// destinations (shelters with their occupancy, exits) and fleet vehicles. It
// drives vehicles through the traffic model and owns everything about people.
import type { Scenario } from '../scenario/types.js';
import type { CompiledNetwork } from '../network/compile.js';
import type { Demand } from '../demand/households.js';
import type { Clock } from '../engine/clock.js';
import type { Traffic } from '../traffic/head.js';
import type { TrafficState } from '../traffic/state.js';
import { LogBuilder } from './log.js';
import { idOrder, idRanks } from '../scenario/id-order.js';
import type { IdleQueue } from './idle-queue.js';

/** Fleet vehicle states. */
export const FV_IDLE = 0;
export const FV_TO_PICKUP = 1;
export const FV_BOARDING = 2;
export const FV_TO_DESTINATION = 3;
export const FV_LOST = 4;

const NONE = -1;

/** Per-run fleet bookkeeping that is not per vehicle. */
export interface FleetPlan {
  /** Settlements each fleet serves: one bit per settlement, as in `Logistics.unclaimed`. */
  served: Int32Array[];
  /** Parked vehicles of each fleet (idle with nobody to fetch), longest parked first. */
  idle: IdleQueue;
  /** Rail slots: sorted departure instants per fleet (null = no slot rule). */
  slots: (number[] | null)[];
  /** Per fleet, the first slot not yet used or passed. */
  slotNext: number[];
  /** Next headway slot index per fleet. */
  headwayIndex: number[];
}

export class Logistics {
  readonly scenario: Scenario;
  readonly net: CompiledNetwork;
  readonly demand: Demand;
  readonly clock: Clock;
  readonly log: LogBuilder;
  /** Set once the traffic model is wired (it calls back into logistics). */
  traffic!: Traffic;
  tr!: TrafficState;

  // ---- vehicles: [0, F) fleet vehicles, then cars in order of departure
  readonly vehicleCount: number;
  readonly fleetVehicles: number;
  nextCar: number;
  readonly vPeople: Int32Array;
  readonly vSettlement: Int32Array;
  readonly vShadow: Uint8Array;
  /** 1 once a car's departure is recorded. */
  readonly vDeparted: Uint8Array;
  // fleet-vehicle fields (indexed by vehicle v < F)
  readonly vFleet: Int32Array;
  readonly vMode: Uint8Array;
  readonly vState: Uint8Array;
  readonly vNode: Int32Array;
  readonly vTarget: Int32Array;
  readonly vClaimed: Int32Array;
  readonly vIdleSince: Float64Array;
  readonly vIdleTotal: Float64Array;
  /** Fleet events of each vehicle in the clock (`scheduleFleet`). */
  readonly vFleetEvents: Int32Array;
  /** Fleet events in the clock of lost vehicles: they do nothing when they come (the run's end). */
  lostFleetEvents = 0;

  // ---- settlements
  readonly settlementNode: Int32Array;
  readonly captured: Uint8Array;
  readonly capturedAt: Float64Array;
  /** Complied people not yet departed nor trapped (mobilizing, queued, or waiting for a fleet). */
  readonly pending: Int32Array;
  /** People waiting for a fleet, and the part of them already promised a seat. */
  readonly fleetWaiting: Int32Array;
  readonly fleetClaimed: Int32Array;
  /**
   * One bit per settlement (bit `s & 31` of word `s >>> 5`), set while some of its people
   * wait for a fleet with no seat promised and it is not captured (`markUnclaimed`): a free
   * vehicle looks at these settlements only, not at every one its fleet serves.
   */
  readonly unclaimed: Int32Array;
  /** Per settlement, the transit households that became ready, in order (demand indices) and the boarding cursor. */
  readonly transitQueue: number[][];
  readonly transitCursor: Int32Array;
  /** People of the household at the cursor already boarded. */
  readonly transitTaken: Int32Array;

  // ---- destinations
  readonly destNode: Int32Array;
  readonly destCapacity: Float64Array;
  readonly destOccupancy: Float64Array;
  readonly destOpen: Uint8Array;
  /** Instant each destination's node was captured, NaN while it is not. */
  readonly destCapturedAt: Float64Array;
  /** CSR of destinations by node, each node's in order of their ids (the first fills first). */
  readonly destStart: Int32Array;
  readonly destAt: Int32Array;

  departureCursor = 0;
  /** Households from `departureCursor` up to this one are all of captured settlements (`nobodyLeftToDepart`). */
  capturedUpTo = 0;
  arrived = 0;

  // ---- fleets
  readonly fleetFirst: Int32Array;
  /**
   * The fleets in order of their ids: whatever decides between fleets at one instant (which
   * sets off first, which is woken first) goes by it, not by their listing.
   */
  readonly fleetOrder: readonly number[];
  /** Each settlement's place in the order of settlement ids: of two equally urgent pickups, the first. */
  readonly settlementRank: Int32Array;
  readonly fleetMode: Uint8Array;
  /** Per fleet, whether it serves settlement s: serves[f][s]. */
  readonly serves: Uint8Array[];
  readonly fleetTrips: Int32Array;
  readonly fleetCarried: Float64Array;
  readonly fleetWaitSum: Float64Array;
  readonly fleetWaitMax: Float64Array;
  readonly fleetBoarded: Float64Array;
  /** Per fleet, the vehicles lost to a capture, and when the first was lost (NaN while none is). */
  readonly fleetLost: Int32Array;
  readonly fleetFirstLostAt: Float64Array;
  fleetPlan!: FleetPlan;

  constructor(scenario: Scenario, net: CompiledNetwork, demand: Demand, clock: Clock, fleetVehicles: number) {
    this.scenario = scenario;
    this.net = net;
    this.demand = demand;
    this.clock = clock;
    // Most households log a departure and an arrival; each settlement a few rows of its own.
    this.log = new LogBuilder(2 * demand.count + 4 * scenario.settlements.length);
    const N = net.nodeCount;
    const V = fleetVehicles + demand.cars;
    this.vehicleCount = V;
    this.fleetVehicles = fleetVehicles;
    this.nextCar = fleetVehicles;
    this.vPeople = new Int32Array(V);
    this.vSettlement = new Int32Array(V).fill(NONE);
    this.vShadow = new Uint8Array(V);
    this.vDeparted = new Uint8Array(V);
    this.vFleet = new Int32Array(fleetVehicles).fill(NONE);
    this.vMode = new Uint8Array(fleetVehicles);
    this.vState = new Uint8Array(fleetVehicles);
    this.vNode = new Int32Array(fleetVehicles);
    this.vTarget = new Int32Array(fleetVehicles).fill(NONE);
    this.vClaimed = new Int32Array(fleetVehicles);
    this.vIdleSince = new Float64Array(fleetVehicles);
    this.vIdleTotal = new Float64Array(fleetVehicles);
    this.vFleetEvents = new Int32Array(fleetVehicles);

    const S = scenario.settlements.length;
    this.settlementNode = new Int32Array(S);
    scenario.settlements.forEach((s, i) => { this.settlementNode[i] = net.nodeIndex.get(s.node) as number; });
    this.captured = new Uint8Array(S);
    this.capturedAt = new Float64Array(S).fill(NaN);
    this.pending = new Int32Array(S);
    this.fleetWaiting = new Int32Array(S);
    this.fleetClaimed = new Int32Array(S);
    this.unclaimed = new Int32Array((S + 31) >>> 5);
    this.transitQueue = Array.from({ length: S }, () => []);
    this.transitCursor = new Int32Array(S);
    this.transitTaken = new Int32Array(S);

    const D = scenario.shelters.length;
    this.destNode = new Int32Array(D);
    this.destCapacity = new Float64Array(D);
    this.destOccupancy = new Float64Array(D);
    this.destOpen = new Uint8Array(D).fill(1);
    this.destCapturedAt = new Float64Array(D).fill(NaN);
    scenario.shelters.forEach((d, i) => {
      this.destNode[i] = net.nodeIndex.get(d.node) as number;
      this.destCapacity[i] = d.capacity ?? Infinity;
      if (d.capacity === 0) this.destOpen[i] = 0;
    });
    this.destStart = new Int32Array(N + 1);
    for (let d = 0; d < D; d++) this.destStart[this.destNode[d] + 1]++;
    for (let n = 0; n < N; n++) this.destStart[n + 1] += this.destStart[n];
    this.destAt = new Int32Array(D);
    const fill = this.destStart.slice(0, N);
    // Destinations on one node in order of their ids: the one whose id sorts first fills first.
    for (const d of idOrder(scenario.shelters.map((shelter) => shelter.id))) this.destAt[fill[this.destNode[d]]++] = d;

    const F = scenario.fleets.length;
    this.fleetFirst = new Int32Array(F + 1);
    this.fleetMode = new Uint8Array(F);
    this.serves = [];
    scenario.fleets.forEach((fleet, f) => {
      this.fleetFirst[f + 1] = this.fleetFirst[f] + fleet.vehicles;
      this.fleetMode[f] = fleet.mode === 'rail' ? 1 : 0;
      const names = new Set(fleet.serves);
      const serves = new Uint8Array(S);
      scenario.settlements.forEach((s, i) => {
        serves[i] = names.size === 0 || names.has(s.id) || (s.district !== null && names.has(s.district)) ? 1 : 0;
      });
      this.serves.push(serves);
      for (let v = this.fleetFirst[f]; v < this.fleetFirst[f + 1]; v++) {
        this.vFleet[v] = f;
        this.vMode[v] = this.fleetMode[f];
        this.vNode[v] = net.nodeIndex.get(fleet.depot) as number;
        this.vState[v] = FV_IDLE;
        this.vIdleSince[v] = fleet.from;
      }
    });
    this.fleetOrder = idOrder(scenario.fleets.map((fleet) => fleet.id));
    this.settlementRank = idRanks(scenario.settlements.map((settlement) => settlement.id));
    this.fleetTrips = new Int32Array(F);
    this.fleetCarried = new Float64Array(F);
    this.fleetWaitSum = new Float64Array(F);
    this.fleetWaitMax = new Float64Array(F);
    this.fleetBoarded = new Float64Array(F);
    this.fleetLost = new Int32Array(F);
    this.fleetFirstLostAt = new Float64Array(F).fill(NaN);
  }
}
