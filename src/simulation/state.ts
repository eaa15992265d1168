// The mutable state of one run, as struct-of-arrays with integer ids: links
// (real links, then one origin queue per node and mode), vehicles, settlements,
// destinations and fleets. The event handlers in traffic/, logistics/ and
// hazards/ read and write it; nothing in it is an object per vehicle or event.
import type { Scenario } from '../scenario/types.js';
import type { CompiledNetwork } from '../network/compile.js';
import type { Demand } from '../demand/households.js';
import { Clock } from '../engine/clock.js';
import { NodeHeap } from '../network/node-heap.js';
import type { RouteSearch } from '../network/routing.js';
import type { FleetPlan } from '../logistics/fleets.js';
import type { HazardPlan } from '../hazards/plan.js';
import { LogBuilder } from './log.js';

/** Event kinds, packed into the low bits of an event payload: payload = id << 3 | kind. */
export const EV_HEAD = 0;
export const EV_DEPARTURES = 1;
export const EV_ORDER = 2;
export const EV_NETWORK = 3;
export const EV_CAPTURE = 4;
export const EV_FLEET = 5;
export const EV_SAMPLE = 6;
export const EV_BITS = 3;
export const EV_MASK = 7;

/** Fleet vehicle states. */
export const FV_IDLE = 0;
export const FV_TO_PICKUP = 1;
export const FV_BOARDING = 2;
export const FV_TO_DESTINATION = 3;
export const FV_LOST = 4;

/** Destination-set kinds, per mode: table id = mode * 3 + kind. */
export const SET_ANY = 0;
export const SET_SHELTER = 1;
export const SET_EXIT = 2;
export const DESTINATION_TABLES = 6;

/** Next-hop table states. */
export const TABLE_READY = 0;
export const TABLE_PARTIAL = 1;
export const TABLE_STALE = 2;

const NONE = -1;

/** Observer of link entries and exits (link index, vehicle index, time, entering). */
export type LinkTrace = (link: number, vehicle: number, time: number, entering: boolean) => void;

export class SimState {
  readonly scenario: Scenario;
  readonly net: CompiledNetwork;
  readonly demand: Demand;
  readonly clock: Clock;
  readonly log = new LogBuilder();
  readonly stuckSeconds: number;

  // ---- links: [0, L) real links, [L, L+N) road origin queues, [L+N, L+2N) rail origin queues
  readonly linkCount: number;
  readonly queueCount: number;
  readonly endNode: Int32Array;
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly count: Int32Array;
  readonly storage: Int32Array;
  readonly lastExit: Float64Array;
  /** Seconds between two exits (3600 / capacity under current hazards); 0 for origin queues. */
  readonly headway: Float64Array;
  /** Free-flow time under current hazards; 0 for origin queues. */
  readonly freeTime: Float64Array;
  readonly closed: Uint8Array;
  /** Time of the pending head event, Infinity when none. */
  readonly pendingTime: Float64Array;
  /** Time the current head first found its way blocked; NaN when not blocked. */
  readonly blockedSince: Float64Array;
  /** Waiting-list membership: the list this link waits in (a link index, or NO_ROUTE_LIST), −1 when none. */
  readonly waitingOn: Int32Array;
  readonly waitPrev: Int32Array;
  readonly waitNext: Int32Array;
  /** Per list (links, plus the no-route list at index queueCount): first and last waiting link. */
  readonly waitFirst: Int32Array;
  readonly waitLast: Int32Array;
  readonly noRouteList: number;
  // link statistics
  readonly linkVehicles: Int32Array;
  readonly linkPeak: Int32Array;
  readonly linkDelay: Float64Array;

  // ---- vehicles: [0, F) fleet vehicles, then cars in order of departure. Only
  // the fields a car needs are per vehicle, so the loop touches few cache lines.
  readonly vehicleCount: number;
  /** F: vehicles [0, F) belong to fleets, the rest are cars. */
  readonly fleetVehicles: number;
  nextCar: number;
  /** Next vehicle in the same link FIFO, −1 at the tail. */
  readonly vNext: Int32Array;
  /** Earliest time the vehicle may leave its link (entry + free-flow time). */
  readonly vReady: Float64Array;
  readonly vPeople: Int32Array;
  readonly vSettlement: Int32Array;
  readonly vTable: Int32Array;
  readonly vShadow: Uint8Array;
  readonly vNoRoute: Uint8Array;
  /** 1 once a car's departure is recorded. */
  readonly vDeparted: Uint8Array;
  // fleet-vehicle fields (indexed by vehicle v < F)
  readonly vFleet: Int32Array;
  readonly vMode: Uint8Array;
  /** Link or origin queue the vehicle is on, −1 when parked. */
  readonly vLink: Int32Array;
  readonly vState: Uint8Array;
  readonly vNode: Int32Array;
  readonly vTarget: Int32Array;
  readonly vClaimed: Int32Array;
  readonly vIdleSince: Float64Array;
  readonly vIdleTotal: Float64Array;

  // ---- settlements
  readonly settlementNode: Int32Array;
  readonly captured: Uint8Array;
  readonly capturedAt: Float64Array;
  /** Complied people not yet departed nor trapped (mobilizing, queued, or waiting for a fleet). */
  readonly pending: Int32Array;
  /** People waiting for a fleet, and the part of them already promised a seat. */
  readonly fleetWaiting: Int32Array;
  readonly fleetClaimed: Int32Array;
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
  /** CSR of destinations by node. */
  readonly destStart: Int32Array;
  readonly destAt: Int32Array;

  // ---- routing: next-hop tables (DESTINATION_TABLES destination sets, then a pickup table per settlement and mode)
  readonly tables: (RouteSearch | null)[];
  /** TABLE_READY, TABLE_PARTIAL (searched as far as asked so far) or TABLE_STALE, per table. */
  readonly tableState: Uint8Array;
  readonly roadCost: Float64Array;
  readonly railCost: Float64Array;
  /** Scratch memory of the searches that fill the destination tables (done at once, so shared). */
  readonly routeHeap: NodeHeap;
  readonly routeDist: Float64Array;
  readonly routeSettled: Uint8Array;
  /** Nodes reachable from a node, per `node * 2 + mode`, until the network next changes. */
  readonly reachable = new Map<number, Uint8Array>();

  /** Test and tool hook: called as each vehicle enters (`true`) or leaves (`false`) a link or origin queue. */
  trace: LinkTrace | null = null;

  // ---- counters
  departureCursor = 0;
  onRoad = 0;
  atOrigin = 0;
  linkTraversals = 0;
  stuckPushes = 0;
  rerouted = 0;
  noRouteWaits = 0;
  arrived = 0;
  readonly samples: { time: number[]; vehiclesOnRoad: number[]; vehiclesQueuedAtOrigin: number[] } = {
    time: [],
    vehiclesOnRoad: [],
    vehiclesQueuedAtOrigin: [],
  };

  // ---- fleets
  readonly fleetFirst: Int32Array;
  readonly fleetMode: Uint8Array;
  /** Per fleet, whether it serves settlement s: serves[f][s]. */
  readonly serves: Uint8Array[];
  readonly fleetTrips: Int32Array;
  readonly fleetCarried: Float64Array;
  readonly fleetWaitSum: Float64Array;
  readonly fleetWaitMax: Float64Array;
  readonly fleetBoarded: Float64Array;
  fleetPlan: FleetPlan | null = null;

  // ---- hazards
  readonly nodeCaptured: Uint8Array;
  readonly linkCaptured: Uint8Array;
  /** Scratch: each link's speed and capacity factor under the hazards in force. */
  readonly linkFactor: Float64Array;
  hazardPlan: HazardPlan | null = null;

  constructor(scenario: Scenario, net: CompiledNetwork, demand: Demand, fleetVehicles: number) {
    this.scenario = scenario;
    this.net = net;
    this.demand = demand;
    this.clock = new Clock(4096, net.linkCount);
    this.stuckSeconds = scenario.stuckSeconds;

    const L = net.linkCount;
    const N = net.nodeCount;
    this.linkCount = L;
    this.queueCount = L + 2 * N;
    const Q = this.queueCount;
    this.endNode = new Int32Array(Q);
    this.endNode.set(net.linkTo);
    for (let n = 0; n < N; n++) {
      this.endNode[L + n] = n;
      this.endNode[L + N + n] = n;
    }
    this.head = new Int32Array(Q).fill(NONE);
    this.tail = new Int32Array(Q).fill(NONE);
    this.count = new Int32Array(Q);
    this.storage = new Int32Array(Q).fill(0x7fffffff);
    this.storage.set(net.linkStorage);
    this.lastExit = new Float64Array(Q).fill(-Infinity);
    this.headway = new Float64Array(Q);
    this.freeTime = new Float64Array(Q);
    this.closed = new Uint8Array(Q);
    this.pendingTime = new Float64Array(Q).fill(Infinity);
    this.blockedSince = new Float64Array(Q).fill(NaN);
    this.waitingOn = new Int32Array(Q).fill(NONE);
    this.waitPrev = new Int32Array(Q).fill(NONE);
    this.waitNext = new Int32Array(Q).fill(NONE);
    this.waitFirst = new Int32Array(Q + 1).fill(NONE);
    this.waitLast = new Int32Array(Q + 1).fill(NONE);
    this.noRouteList = Q;
    this.linkVehicles = new Int32Array(L);
    this.linkPeak = new Int32Array(L);
    this.linkDelay = new Float64Array(L);

    const V = fleetVehicles + demand.cars;
    this.vehicleCount = V;
    this.fleetVehicles = fleetVehicles;
    this.nextCar = fleetVehicles;
    this.vNext = new Int32Array(V).fill(NONE);
    this.vReady = new Float64Array(V);
    this.vPeople = new Int32Array(V);
    this.vSettlement = new Int32Array(V).fill(NONE);
    this.vTable = new Int32Array(V);
    this.vShadow = new Uint8Array(V);
    this.vNoRoute = new Uint8Array(V);
    this.vDeparted = new Uint8Array(V);
    this.vFleet = new Int32Array(fleetVehicles).fill(NONE);
    this.vMode = new Uint8Array(fleetVehicles);
    this.vLink = new Int32Array(fleetVehicles).fill(NONE);
    this.vState = new Uint8Array(fleetVehicles);
    this.vNode = new Int32Array(fleetVehicles);
    this.vTarget = new Int32Array(fleetVehicles).fill(NONE);
    this.vClaimed = new Int32Array(fleetVehicles);
    this.vIdleSince = new Float64Array(fleetVehicles);
    this.vIdleTotal = new Float64Array(fleetVehicles);

    const S = scenario.settlements.length;
    this.settlementNode = new Int32Array(S);
    scenario.settlements.forEach((s, i) => (this.settlementNode[i] = net.nodeIndex.get(s.node) as number));
    this.captured = new Uint8Array(S);
    this.capturedAt = new Float64Array(S).fill(NaN);
    this.pending = new Int32Array(S);
    this.fleetWaiting = new Int32Array(S);
    this.fleetClaimed = new Int32Array(S);
    this.transitQueue = Array.from({ length: S }, () => []);
    this.transitCursor = new Int32Array(S);
    this.transitTaken = new Int32Array(S);

    const D = scenario.shelters.length;
    this.destNode = new Int32Array(D);
    this.destCapacity = new Float64Array(D);
    this.destOccupancy = new Float64Array(D);
    this.destOpen = new Uint8Array(D).fill(1);
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
    for (let d = 0; d < D; d++) this.destAt[fill[this.destNode[d]]++] = d;

    this.tables = new Array(DESTINATION_TABLES + 2 * S).fill(null);
    this.tableState = new Uint8Array(DESTINATION_TABLES + 2 * S).fill(TABLE_STALE);
    this.roadCost = new Float64Array(L);
    this.railCost = new Float64Array(L);
    this.routeHeap = new NodeHeap(N);
    this.routeDist = new Float64Array(N);
    this.routeSettled = new Uint8Array(N);

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
    this.fleetTrips = new Int32Array(F);
    this.fleetCarried = new Float64Array(F);
    this.fleetWaitSum = new Float64Array(F);
    this.fleetWaitMax = new Float64Array(F);
    this.fleetBoarded = new Float64Array(F);
    this.nodeCaptured = new Uint8Array(N);
    this.linkCaptured = new Uint8Array(L);
    this.linkFactor = new Float64Array(L);
  }

  /** The origin queue of `node` for `mode` (0 road, 1 rail). */
  originQueue(node: number, mode: number): number {
    return this.linkCount + mode * this.net.nodeCount + node;
  }

  /** Whether `link` is a real link (not an origin queue). */
  isRealLink(link: number): boolean {
    return link < this.linkCount;
  }
}
