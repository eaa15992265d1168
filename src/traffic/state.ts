// The traffic model's state: links and origin queues with their vehicle FIFOs,
// the kinematic-wave bookkeeping of each link's two ends, the lists of approaches
// waiting to enter a link (the node model), and the route-choice state. It is
// struct-of-arrays with integer ids; nothing in it is an object per vehicle.
//
// Queues: [0, L) are real links, [L, L+N) the road origin queue of each node,
// [L+N, L+2N) the rail origin queue of each node, then the turn pockets of the links,
// link by link: where, on a road of two lanes or more, vehicles waiting for a blocked
// turn stand aside so the vehicles behind them bound elsewhere can pass. A road of n
// lanes has n − 1 pockets, each holding the vehicles of one turn at a time (no more
// than its end node has other turns, and at least one). Last, one departure pocket per
// link: where the vehicles of its tail node's origin queue that wait to enter it stand,
// so a car waiting for a jammed first link does not hold those bound for another.
import type { CompiledNetwork } from '../network/compile.js';
import type { Clock } from '../engine/clock.js';
import type { RoutingSpec } from '../scenario/types.js';
import { MAX_STORAGE } from '../network/classes.js';
import type { RouteSearch } from '../network/routing.js';
import { PICKUP_SEARCH_BYTES, PickupSearches, searchBytes } from './pickup-searches.js';

/** Destination-set kinds, per mode: table id = mode * 3 + kind. */
export const SET_ANY = 0;
export const SET_SHELTER = 1;
export const SET_EXIT = 2;
/** Tables [0, 6) lead to destination sets on current costs; [6, 12) the same sets on free-flow costs. */
export const DESTINATION_TABLES = 6;
export const FREE_FLOW_TABLES = 6;
export const FIRST_PICKUP_TABLE = DESTINATION_TABLES + FREE_FLOW_TABLES;

/** Next-hop table states. */
export const TABLE_READY = 0;
export const TABLE_PARTIAL = 1;
export const TABLE_STALE = 2;

/** Causes of a changed route, as bits of a vehicle's `vRoute` record (ROUTE_STATUS, above the destination). */
export const REROUTE_SHELTER = 1;
export const REROUTE_HAZARD = 2;
export const REROUTE_CONGESTION = 4;

/** Places in a vehicle's `vRoute` record: the next link chosen for the end of the current link (or AT_DESTINATION, NO_ROUTE, NO_CHOICE). */
export const ROUTE_CHOICE = 0;
/** The network epoch the choice was made in. */
export const ROUTE_EPOCH = 1;
/** The route table the vehicle follows. */
export const ROUTE_TABLE = 2;
/**
 * Two things in one number: in its low DESTINATION_BITS bits, 1 + the node its route leads
 * to under the destination table it follows (0 before its first choice and on the way to a
 * pickup; a change of it is a change of destination); above them, the bits REROUTE_*: why
 * the vehicle's route changed.
 */
export const ROUTE_STATUS = 3;
export const DESTINATION_BITS = 28;
export const DESTINATION_MASK = (1 << DESTINATION_BITS) - 1;
/** A vehicle's record starts at `v << ROUTE_SHIFT`: four numbers, 16 bytes. */
export const ROUTE_SHIFT = 2;

/** The choice of a vehicle that has not chosen yet. */
export const NO_CHOICE = -3;

const NONE = -1;

/**
 * Most exit-time slots (8 bytes each) given to every link's whole ring at the start:
 * 128 MB, about ten times what a 1M-person street grid needs (2.8 M slots).
 */
export const PRESIZED_POOL_SLOTS = 1 << 24;

/** Slots of a link's whole exit ring: the power of two at or above `ringSize`, at least 8. */
export function ringSlots(ringSize: number): number {
  let size = 8;
  while (size < ringSize) size *= 2;
  return size;
}

/**
 * Observer of link entries and exits (link index, vehicle index, time, entering); `lost`
 * (with entering false) when the vehicle left without passing: lost with a captured node.
 */
export type LinkTrace = (link: number, vehicle: number, time: number, entering: boolean, lost?: boolean) => void;

/** Observer of the travel of vehicles (equilibrium routing learns from it). */
export interface TravelObserver {
  /**
   * Vehicle `v` left `link` now, having entered it at `enteredAt` and waited for
   * its next link (at the head or in the turn pocket) since `waitedFrom`.
   */
  traversed(link: number, v: number, enteredAt: number, waitedFrom: number): void;
  /** Vehicle `v` left the origin queue of `node` now. */
  departed(v: number, node: number): void;
  /** Vehicle `v` left the network at a destination now. */
  arrived(v: number): void;
}

/**
 * Under equilibrium routing, the error of each link's estimate learned over earlier runs,
 * per time bin of the choice (equilibrium.ts): link l's for a choice at `time` is
 * `correction[rowAt(time) + l]`.
 */
export interface LearnedErrors {
  readonly correction: Float64Array;
  rowAt(time: number): number;
}

/** A gridlock: a cycle of full links whose heads each wait for the next. */
export interface Gridlock {
  time: number;
  links: number[];
}

export class TrafficState {
  readonly net: CompiledNetwork;
  readonly clock: Clock;
  readonly routing: RoutingSpec;
  /** Routes follow the queues (adaptive and equilibrium routing), not free-flow times alone. */
  readonly congestionAware: boolean;
  readonly linkCount: number;
  readonly queueCount: number;
  /**
   * Index of the first turn pocket: the pockets of link l are the queues from
   * `firstPocket + pocketStart[l]` up to `firstPocket + pocketStart[l + 1]`.
   */
  readonly firstPocket: number;
  readonly pocketStart: Int32Array;
  /** The link of each turn pocket, by `q − firstPocket`; −1 for departure pockets. */
  readonly pocketLink: Int32Array;
  /** Index of the first departure pocket: link l's is `firstDeparturePocket + l`. */
  readonly firstDeparturePocket: number;
  /** Per node, vehicles in the departure pockets of the links out of it. */
  readonly departurePocketed: Int32Array;
  /** Per link, 1 when it has a turn pocket (a road of two lanes or more). */
  readonly hasPocket: Uint8Array;

  // ---- per queue (links and origin queues)
  readonly endNode: Int32Array;
  readonly head: Int32Array;
  readonly tail: Int32Array;
  readonly count: Int32Array;
  /** Vehicles the queue holds at jam density; origin queues are unbounded. */
  readonly storage: Int32Array;
  /**
   * Time of a link's last exit, from its lane or its turn pocket (popHead): the exit
   * headway counts from it. Not kept for pockets and origin queues, whose vehicles keep
   * their link's headway or none.
   */
  readonly lastExit: Float64Array;
  /**
   * The instant a link's last exiting vehicle was allowed to leave by the link's own exit
   * headway (its slot, or its arrival at the stop line if later); with lastExit it gives the
   * next slot (`exitSlot` in links.ts).
   */
  readonly lastAllowed: Float64Array;
  /** Seconds between two vehicles at either end (3600 / capacity under current hazards); 0 for origin queues. */
  readonly headway: Float64Array;
  /** Free-flow time under current hazards; 0 for origin queues. */
  readonly freeTime: Float64Array;
  readonly closed: Uint8Array;
  /** Time of the pending head event, Infinity when none. */
  readonly pendingTime: Float64Array;
  /** Time the current head began to wait for the next link; NaN when not waiting. */
  readonly blockedSince: Float64Array;

  // ---- the upstream end of real links (kinematic wave)
  readonly lastEntry: Float64Array;
  /**
   * Seconds of entry headway the last entrant of each link takes beyond one: (u − 1)
   * headways for a vehicle of u car units, 0 for a car, and with a capacity drop u · d/(1 − d)
   * more when it came from a queue waiting for the link; kept only in a run with either (entryHolds).
   */
  readonly entryHold: Float64Array;
  readonly entered: Int32Array;
  readonly exited: Int32Array;
  /** Seconds a freed space takes to travel from the downstream to the upstream end: length / wave speed. */
  readonly waveTime: Float64Array;
  /** Vehicles at jam density, not rounded: the wave condition interpolates between exits. */
  readonly jam: Float64Array;
  /**
   * Exit times of all links in one pool: link l's exit k is at
   * `exitPool[exitStart[l] + (k & exitMask[l])]`, a ring of the power of two at or
   * above `ringSize`. When every link's whole ring fits in `PRESIZED_POOL_SLOTS`, each
   * link has it from the start. Otherwise (large networks, mostly idle) a link's slice
   * starts at 8 slots on its first exit and doubles as vehicles pass (memory follows
   * traffic, not road length), moving to the end of the pool as it grows; exitStart
   * is −1 before the first exit.
   */
  exitPool: Float64Array;
  exitPoolUsed = 0;
  readonly exitStart: Int32Array;
  readonly exitMask: Int32Array;
  /** Most exit times a link needs: its largest storage + 2. */
  readonly ringSize: Int32Array;

  // ---- waiting lists: per list (a link, or the no-route list at index queueCount) the approaches waiting on it
  readonly waitingOn: Int32Array;
  readonly waitPrev: Int32Array;
  readonly waitNext: Int32Array;
  readonly waitFirst: Int32Array;
  readonly waitLast: Int32Array;
  readonly noRouteList: number;
  /**
   * Node model (self-clocked fair queueing): the tag of each approach's head in the waiting
   * list it is in, the approach's last tag, and the link that tag was taken on. An approach
   * joining a link's list takes the later of its last tag there and the link's
   * `virtualTime`, plus its own headway; the lowest tag that may go goes.
   */
  readonly tag: Float64Array;
  readonly lastTag: Float64Array;
  readonly tagLink: Int32Array;
  /** Per link, the highest tag of an approach it has admitted (the node model's virtual time). */
  readonly virtualTime: Float64Array;
  /**
   * Which of two approaches with equal tags goes first (the lower): links, then road and
   * rail origin queues, then turn pockets, then departure pockets, each kind in the order of its link or node ids,
   * not of their listing, so listing the roads or nodes in another order changes nothing.
   */
  readonly tieRank: Int32Array;
  /**
   * Links in the order of their ids, and every queue in the order of `tieRank`: where the
   * model visits many at one instant (waking waiting heads, clearing a captured node's
   * queues), the events it schedules for that instant come in this order, not the listing's.
   */
  readonly linksByRank: Int32Array;
  readonly queuesByRank: Int32Array;
  /** Time of the pending admission event of each link, Infinity when none. */
  readonly admitTime: Float64Array;
  /** 1 while a link is part of a reported gridlock. */
  readonly gridlocked: Uint8Array;

  // ---- link statistics (the vehicles that passed a link are its exits less those lost on it: `linkVehicles`)
  /** Vehicles lost on each link with a captured node: the wave counts them as exits, not as traversals. */
  readonly linkLost: Int32Array;
  readonly linkPeak: Int32Array;
  /**
   * Car units beyond one of the vehicles that left each link (passed or lost): the wave
   * counts exits in car units, so the vehicles that left are its exits less these.
   */
  readonly linkExtraUnits: Int32Array;
  readonly linkDelay: Float64Array;

  // ---- vehicles (movement and routing)
  readonly vehicleCount: number;
  /** Next vehicle in the same FIFO, −1 at the tail. */
  readonly vNext: Int32Array;
  /** Earliest time the vehicle may leave its link (entry + free-flow time). */
  readonly vReady: Float64Array;
  /** Time the vehicle entered its current queue (kept only for an observer). */
  readonly vEnter: Float64Array;
  /** Time the vehicle stepped into its link's turn pocket (for an observer and a gridlock's time). */
  readonly vStop: Float64Array;
  /** Queue the vehicle is on, −1 when off the network: kept for vehicles below `placedVehicles`. */
  readonly vLink: Int32Array;
  /**
   * Vehicles whose queue `vLink` keeps: the fleet's (the lowest ids), whose parking a
   * capture reads, or every vehicle for an observer. A car's move writes one line less.
   */
  placedVehicles = 0;
  /**
   * Each vehicle's route-choice record: four numbers side by side at `(v << ROUTE_SHIFT) | ROUTE_*`,
   * which a choice reads and writes together: one cache line instead of four, and four
   * vehicles to a line. (A shift, not `v * 4 + k`: V8 checks a multiplication for overflow
   * at every access.)
   */
  readonly vRoute: Int32Array;
  readonly vNoRoute: Uint8Array;
  /**
   * The link a vehicle had chosen before it lost every route at that link's tail node
   * (−1 when none); written only then, and read only at that node (a later loss elsewhere
   * names another node), so it needs no reset as the vehicle moves on.
   */
  readonly vLost: Int32Array;
  /**
   * Car units of the vehicles below `unitVehicles` (the fleet's, when a fleet has a `pce`
   * above 1): the road space and exit and entry headways each takes, in cars. Every other
   * vehicle is one car, and a run whose fleets are all one car reads none of it.
   */
  vUnits: Uint8Array = new Uint8Array(0);
  unitVehicles = 0;
  /**
   * Capacity drop d (`traffic.capacityDrop`) as the extra entry headways a link holds after
   * taking a car unit from a queue waiting for it: d / (1 − d), so a queue discharges at
   * C · (1 − d). 0 without.
   */
  dischargeHold = 0;
  /** Whether entries hold the link beyond one headway (entryHold): vehicles of several car units, or a capacity drop. */
  entryHolds = false;

  // ---- route choice
  readonly tables: (RouteSearch | null)[];
  /** Holds the pickup tables' searches within a memory budget (pickup-searches.ts). */
  readonly pickupSearches: PickupSearches;
  readonly tableState: Uint8Array;
  /**
   * Every link closed by a change that only closed links (invalidateTablesThrough), in
   * order: a repairable table (a pickup's) takes back the routes over those closed since
   * `repairedTo[t]` when it is next asked (tables.ts), not at every change.
   */
  readonly closedLog: number[] = [];
  readonly repairedTo: Int32Array;
  /**
   * The link costs each destination table was last brought up to date on: after a refresh
   * of the estimates or a change of the network its search is updated from them
   * (RouteSearch.update), not searched afresh, unless its targets changed (`targetsChanged`).
   */
  readonly builtCost: (Float64Array | null)[];
  /** Route tables are searched afresh after every change, never repaired or updated (a check; slower). */
  readonly freshSearches: boolean;
  /** Per table, 1 once its targets changed (a destination closed): it is searched afresh. */
  readonly targetsChanged: Uint8Array;
  /** Free-flow travel time under the hazards in force (Infinity for closed links and other modes). */
  readonly roadCost: Float64Array;
  readonly railCost: Float64Array;
  /** Smoothed congestion-aware travel time estimates of road links (adaptive routing). */
  readonly roadEstimate: Float64Array;
  /**
   * What the trees that follow the estimates cost each road link: `roadEstimate`, and under
   * equilibrium routing the learned error of the current time bin added (estimates.ts).
   */
  readonly treeCost: Float64Array;
  /** The learned errors under equilibrium routing; null otherwise. */
  learned: LearnedErrors | null = null;
  /** Car units of the vehicles that chose each link for their next link and have not entered it yet. */
  readonly bound: Int32Array;
  /** Per node, the shortest free-flow time of an open road into it (estimates.ts; rewritten at each refresh). */
  readonly nodeLead: Float64Array;
  /** Bumped by every change of the network or the open destinations: choices made before are checked again. */
  epoch = 0;
  /** REROUTE_SHELTER or REROUTE_HAZARD: the cause of the latest epoch. */
  epochCause = REROUTE_HAZARD;
  /**
   * Per node, why a destination on it last closed (REROUTE_SHELTER: it filled;
   * REROUTE_HAZARD: captured), 0 while none has: a vehicle that finds its destination
   * gone counts for that cause, whatever changed since.
   */
  readonly destinationClosedBy: Uint8Array;
  /** The end node of each link out of a node, in the order of `net.outLinks`. */
  readonly outTo: Int32Array;
  /** Nodes reachable from a node, per `node * 2 + mode`, until the network next changes. */
  readonly reachable = new Map<number, Uint8Array>();

  trace: LinkTrace | null = null;
  observer: TravelObserver | null = null;

  // ---- counters
  onRoad = 0;
  atOrigin = 0;
  linkTraversals = 0;
  noRouteWaits = 0;
  readonly reroutedBy = { fullShelter: 0, hazard: 0, congestion: 0 };
  rerouted = 0;
  readonly gridlocks: Gridlock[] = [];
  /**
   * Head, admission and check events of the traffic model in the clock, superseded ones
   * included (the clock cannot take an event back): the run's end tells the other events
   * from these, which may no longer do anything (simulate.ts, `Traffic.idle`).
   */
  clockEvents = 0;

  /**
   * `storageFactor`: the most any measure multiplies a link's storage by (1 when none does).
   * `presizedSlots`: the most exit-time slots given to every link's whole ring at the start.
   * `pickupSearchBytes`: the most memory the pickups' route searches hold (pickup-searches.ts).
   * `freshSearches`: search route tables afresh after every change instead of repairing or
   * updating them (a check that those give the same results; slower).
   */
  constructor(
    net: CompiledNetwork,
    clock: Clock,
    routing: RoutingSpec,
    vehicleCount: number,
    pickupTables: number,
    storageFactor = 1,
    presizedSlots = PRESIZED_POOL_SLOTS,
    pickupSearchBytes = PICKUP_SEARCH_BYTES,
    freshSearches = false,
  ) {
    this.freshSearches = freshSearches;
    this.net = net;
    this.clock = clock;
    this.routing = routing;
    this.congestionAware = routing.mode !== 'free-flow';
    const L = net.linkCount;
    const N = net.nodeCount;
    this.linkCount = L;
    this.firstPocket = L + 2 * N;
    this.pocketStart = new Int32Array(L + 1);
    this.hasPocket = new Uint8Array(L);
    for (let l = 0; l < L; l++) {
      const pockets = turnPockets(net, l);
      this.pocketStart[l + 1] = this.pocketStart[l] + pockets;
      this.hasPocket[l] = pockets > 0 ? 1 : 0;
    }
    const P = this.pocketStart[L];
    this.pocketLink = new Int32Array(P + L).fill(NONE);
    for (let l = 0; l < L; l++) this.pocketLink.fill(l, this.pocketStart[l], this.pocketStart[l + 1]);
    this.firstDeparturePocket = this.firstPocket + P;
    this.departurePocketed = new Int32Array(N);
    this.queueCount = L + 2 * N + P + L;
    const Q = this.queueCount;
    this.endNode = new Int32Array(Q);
    this.endNode.set(net.linkTo);
    for (let p = 0; p < P; p++) this.endNode[this.firstPocket + p] = net.linkTo[this.pocketLink[p]];
    // A departure pocket's vehicles are still at their origin: the link's tail.
    for (let l = 0; l < L; l++) this.endNode[this.firstDeparturePocket + l] = net.linkFrom[l];
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
    this.lastAllowed = new Float64Array(Q).fill(-Infinity);
    this.headway = new Float64Array(Q);
    this.freeTime = new Float64Array(Q);
    this.closed = new Uint8Array(Q);
    this.pendingTime = new Float64Array(Q).fill(Infinity);
    this.blockedSince = new Float64Array(Q).fill(NaN);

    this.lastEntry = new Float64Array(L).fill(-Infinity);
    this.entryHold = new Float64Array(L);
    this.entered = new Int32Array(L);
    this.exited = new Int32Array(L);
    this.waveTime = new Float64Array(L);
    for (let l = 0; l < L; l++) this.waveTime[l] = net.linkLength[l] / net.linkWaveSpeed[l];
    this.jam = Float64Array.from(net.linkJam);
    this.ringSize = new Int32Array(L);
    for (let l = 0; l < L; l++) this.ringSize[l] = Math.min(Math.ceil(net.linkJam[l] * storageFactor), MAX_STORAGE) + 2;
    this.exitStart = new Int32Array(L).fill(NONE);
    this.exitMask = new Int32Array(L).fill(-1);
    let wholeRings = 0;
    for (let l = 0; l < L; l++) wholeRings += ringSlots(this.ringSize[l]);
    if (wholeRings <= presizedSlots) {
      // No slice ever grows: no copies, no slices left behind, and a link's exits stay put.
      this.exitPool = new Float64Array(Math.max(1, wholeRings));
      for (let l = 0; l < L; l++) {
        const size = ringSlots(this.ringSize[l]);
        this.exitStart[l] = this.exitPoolUsed;
        this.exitMask[l] = size - 1;
        this.exitPoolUsed += size;
      }
    } else {
      this.exitPool = new Float64Array(Math.max(1024, 8 * L));
    }

    this.waitingOn = new Int32Array(Q).fill(NONE);
    this.waitPrev = new Int32Array(Q).fill(NONE);
    this.waitNext = new Int32Array(Q).fill(NONE);
    this.waitFirst = new Int32Array(Q + 1).fill(NONE);
    this.waitLast = new Int32Array(Q + 1).fill(NONE);
    this.noRouteList = Q;
    this.tag = new Float64Array(Q);
    this.lastTag = new Float64Array(Q);
    this.tagLink = new Int32Array(Q).fill(NONE);
    this.virtualTime = new Float64Array(L);
    this.tieRank = new Int32Array(Q);
    const linkRank = net.linkRank;
    const nodeRank = net.nodeRank;
    for (let l = 0; l < L; l++) this.tieRank[l] = linkRank[l];
    // Pockets after the origin queues, in the order of their links' ids, then their own.
    let pocketRank = L + 2 * N;
    this.linksByRank = byRank(linkRank);
    for (const l of this.linksByRank) {
      for (let p = this.pocketStart[l]; p < this.pocketStart[l + 1]; p++) this.tieRank[this.firstPocket + p] = pocketRank++;
    }
    // Departure pockets last, in the order of their links' ids.
    for (let l = 0; l < L; l++) this.tieRank[this.firstDeparturePocket + l] = pocketRank + linkRank[l];
    for (let n = 0; n < N; n++) {
      this.tieRank[L + n] = L + nodeRank[n];
      this.tieRank[L + N + n] = L + N + nodeRank[n];
    }
    this.queuesByRank = byRank(this.tieRank);
    this.admitTime = new Float64Array(L).fill(Infinity);
    this.gridlocked = new Uint8Array(L);

    this.linkLost = new Int32Array(L);
    this.linkPeak = new Int32Array(L);
    this.linkExtraUnits = new Int32Array(L);
    this.linkDelay = new Float64Array(L);

    const V = vehicleCount;
    this.vehicleCount = V;
    this.vNext = new Int32Array(V).fill(NONE);
    this.vReady = new Float64Array(V);
    this.vEnter = new Float64Array(V);
    this.vStop = new Float64Array(V);
    this.vLink = new Int32Array(V).fill(NONE);
    this.placedVehicles = V;
    this.vRoute = new Int32Array(V << ROUTE_SHIFT);
    for (let v = 0; v < V; v++) this.vRoute[(v << ROUTE_SHIFT) | ROUTE_CHOICE] = NO_CHOICE;
    this.vLost = new Int32Array(V).fill(NONE);
    this.vNoRoute = new Uint8Array(V);

    const T = FIRST_PICKUP_TABLE + pickupTables;
    this.tables = new Array(T).fill(null);
    this.pickupSearches = new PickupSearches(net, pickupTables, Math.floor(pickupSearchBytes / searchBytes(N)));
    this.tableState = new Uint8Array(T).fill(TABLE_STALE);
    this.repairedTo = new Int32Array(T);
    this.builtCost = new Array(FIRST_PICKUP_TABLE).fill(null);
    this.targetsChanged = new Uint8Array(T);
    this.roadCost = new Float64Array(L);
    this.railCost = new Float64Array(L);
    this.roadEstimate = new Float64Array(L);
    this.treeCost = new Float64Array(L);
    this.bound = new Int32Array(L);
    this.nodeLead = new Float64Array(N);
    this.destinationClosedBy = new Uint8Array(net.nodeCount);
    this.outTo = net.outLinks.map((l) => net.linkTo[l]);
  }

  /** Vehicles that passed link `l` (left it at its end). */
  linkVehicles(l: number): number {
    return this.exited[l] - this.linkExtraUnits[l] - this.linkLost[l];
  }

  /** Car units of vehicle `v`: the road space and headways it takes (1 for a car, and for −1, no vehicle). */
  unitsOf(v: number): number {
    return v >= 0 && v < this.unitVehicles ? this.vUnits[v] : 1;
  }

  /** Gives vehicles [0, units.length) their car units (fleet vehicles; each at least 1). */
  setUnits(units: Uint8Array): void {
    this.vUnits = units;
    this.unitVehicles = units.some((u) => u > 1) ? units.length : 0;
    this.entryHolds = this.holdsEntries();
  }

  /** Sets the capacity drop `drop` (0 ≤ drop < 1) of links fed from a queue. */
  setCapacityDrop(drop: number): void {
    this.dischargeHold = drop / (1 - drop);
    this.entryHolds = this.holdsEntries();
  }

  /** Whether an entry may hold its link beyond one headway: kept in a field, as the hot loop reads it at every entry. */
  private holdsEntries(): boolean {
    return this.unitVehicles > 0 || this.dischargeHold > 0;
  }

  /** The link whose vehicles are on queue `q` (itself, or the link of a turn pocket); −1 for origin queues and departure pockets. */
  linkOf(q: number): number {
    return q < this.linkCount ? q : q >= this.firstPocket ? this.pocketLink[q - this.firstPocket] : -1;
  }

  /**
   * The queue whose exit headway `q`'s vehicles keep: a turn pocket's vehicles leave through
   * its link's exit, one link headway apart; any other queue is its own.
   */
  exitOf(q: number): number {
    const link = q >= this.firstPocket ? this.pocketLink[q - this.firstPocket] : q;
    return link >= 0 ? link : q;
  }

  /** Whether queue `q` is a node's origin queue (road or rail; not a departure pocket). */
  isOriginQueue(q: number): boolean {
    return q >= this.linkCount && q < this.firstPocket;
  }

  /**
   * The queue a trace names for `q`'s vehicles: a turn pocket's link, a departure pocket's
   * origin queue (observers see one queue per origin node and mode), else `q` itself.
   */
  tracedAs(q: number): number {
    if (q < this.firstPocket) return q;
    const link = this.pocketLink[q - this.firstPocket];
    if (link >= 0) return link;
    const l = q - this.firstDeparturePocket;
    return this.originQueue(this.net.linkFrom[l], this.net.linkMode[l]);
  }

  /** The departure pocket of link `l`: vehicles of its tail node's origin queue waiting to enter it. */
  departurePocket(l: number): number {
    return this.firstDeparturePocket + l;
  }

  /** The first turn pocket of link `l`, and the end of its pockets (equal when it has none). */
  pocketsOf(l: number): [first: number, end: number] {
    return [this.firstPocket + this.pocketStart[l], this.firstPocket + this.pocketStart[l + 1]];
  }

  /** The origin queue of `node` for `mode` (0 road, 1 rail). */
  originQueue(node: number, mode: number): number {
    return this.linkCount + mode * this.net.nodeCount + node;
  }
}

/**
 * Turn pockets of link `l`: a road of n ≥ 2 lanes has n − 1, each for one blocked turn at
 * a time, but no more than the other roads out of its end node (one turn waits in the lane)
 * and at least one.
 */
function turnPockets(net: CompiledNetwork, l: number): number {
  if (net.linkLanes[l] < 2 || net.linkMode[l] !== 0) return 0;
  const node = net.linkTo[l];
  let turns = 0;
  for (let k = net.outStart[node]; k < net.outStart[node + 1]; k++) if (net.linkMode[net.outLinks[k]] === 0) turns++;
  return Math.max(1, Math.min(net.linkLanes[l] - 1, turns - 1));
}

/** The indices of a permutation `rank` in the order of their ranks. */
function byRank(rank: Int32Array): Int32Array {
  const order = new Int32Array(rank.length);
  for (let l = 0; l < rank.length; l++) order[rank[l]] = l;
  return order;
}
