// Buses and trains for people without cars. A free vehicle is sent to the pickup
// where the most people have waited longest (largest waiting people not yet
// promised a seat × the longest wait there), boards up to its seats, drives to
// the nearest shelter with room (any destination when none has room), unloads,
// and is sent again while anyone waits. Rail fleets leave only in timetable or
// headway slots. See docs/model.md for the rule and its alternatives.
import { LogKind } from '../result.js';
import { EV_FLEET, payload } from '../engine/kinds.js';
import { REROUTE_HAZARD, ROUTE_SHIFT, ROUTE_TABLE, SET_SHELTER } from '../traffic/state.js';
import { markRerouted } from '../traffic/choice.js';
import { destinationTable, pickupTable } from '../traffic/tables.js';
import {
  FV_BOARDING, FV_IDLE, FV_LOST, FV_TO_DESTINATION, FV_TO_PICKUP, type FleetPlan, type Logistics,
} from './state.js';
import { reachableFrom } from './reach.js';
import { unload } from './destinations.js';
import { IdleQueue } from './idle-queue.js';

export function planFleets(sim: Logistics): FleetPlan {
  const fleets = sim.scenario.fleets;
  return {
    served: fleets.map((_, f) => {
      const bits = new Int32Array(sim.unclaimed.length);
      sim.serves[f].forEach((yes, s) => { if (yes) bits[s >>> 5] |= 1 << (s & 31); });
      return bits;
    }),
    idle: new IdleQueue(fleets.length, sim.fleetVehicles),
    slots: fleets.map((fleet) => (fleet.timetable.length > 0 ? [...fleet.timetable].sort((a, b) => a - b) : null)),
    slotNext: fleets.map(() => 0),
    headwayIndex: fleets.map(() => 0),
  };
}

/** Asks for a fleet event of vehicle `v` at `time`: first at its instant, like a departure (it may set off then). */
export function scheduleFleet(sim: Logistics, time: number, v: number): void {
  sim.vFleetEvents[v]++;
  sim.clock.scheduleFirst(time, payload(v, EV_FLEET));
}

/** Handles a fleet event of vehicle `v`: boarding finished, or the vehicle is free to be sent. */
export function onFleetEvent(sim: Logistics, plan: FleetPlan, v: number): void {
  const state = sim.vState[v];
  sim.vFleetEvents[v]--;
  if (state === FV_LOST) sim.lostFleetEvents--;
  if (state === FV_BOARDING) {
    const mode = sim.vMode[v];
    sim.vState[v] = FV_TO_DESTINATION;
    sim.tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_TABLE] = destinationTable(mode, SET_SHELTER);
    sim.traffic.enter(v, sim.tr.originQueue(sim.vNode[v], mode));
  } else if (state === FV_IDLE) {
    dispatch(sim, plan, v);
  }
}

/** The earliest rail slot at or after now for fleet `f`, consumed when `take`; Infinity when none is left. */
function nextSlot(sim: Logistics, plan: FleetPlan, f: number, take: boolean): number {
  const fleet = sim.scenario.fleets[f];
  const now = sim.clock.now;
  const slots = plan.slots[f];
  if (slots !== null) {
    let k = plan.slotNext[f];
    while (k < slots.length && slots[k] < now) k++;
    plan.slotNext[f] = k;
    if (k === slots.length) return Infinity;
    const slot = slots[k];
    if (take && slot === now) plan.slotNext[f] = k + 1;
    return slot;
  }
  if (fleet.headway !== null && fleet.headway > 0) {
    const k = Math.max(plan.headwayIndex[f], Math.ceil((now - fleet.from) / fleet.headway - 1e-9));
    const slot = fleet.from + k * fleet.headway;
    if (take && slot === now) plan.headwayIndex[f] = k + 1;
    return slot;
  }
  return now;
}

/** Sends idle vehicle `v` to the best pickup, or leaves it idle when nobody waits within reach. */
export function dispatch(sim: Logistics, plan: FleetPlan, v: number): void {
  const now = sim.clock.now;
  const f = sim.vFleet[v];
  const mode = sim.vMode[v];
  const node = sim.vNode[v];
  let best = -1;
  let bestScore = -1;
  let reach: Uint8Array | null = null;
  const served = plan.served[f];
  // The settlements the fleet serves where someone waits with no seat promised; of two
  // equally urgent, the one whose id sorts first.
  for (let word = 0; word < served.length; word++) {
    for (let bits = served[word] & sim.unclaimed[word]; bits !== 0; bits &= bits - 1) {
      const s = (word << 5) | (31 - Math.clz32(bits & -bits));
      reach ??= reachableFrom(sim.tr, node, mode);
      if (!reach[sim.settlementNode[s]]) continue;
      const unclaimed = sim.fleetWaiting[s] - sim.fleetClaimed[s];
      const oldest = sim.demand.ready[sim.transitQueue[s][sim.transitCursor[s]]];
      const score = unclaimed * (now - oldest + 1);
      if (score > bestScore || (score === bestScore && sim.settlementRank[s] < sim.settlementRank[best])) {
        bestScore = score;
        best = s;
      }
    }
  }
  if (best < 0) {
    plan.idle.push(f, v);
    return;
  }
  const slot = nextSlot(sim, plan, f, true);
  if (slot === Infinity) return;
  if (slot > now) {
    scheduleFleet(sim, slot, v);
    return;
  }
  const seats = sim.scenario.fleets[f].seats;
  const claim = Math.min(seats, sim.fleetWaiting[best] - sim.fleetClaimed[best]);
  sim.fleetClaimed[best] += claim;
  markUnclaimed(sim, best);
  // People left without a seat (more than one vehicle holds) wake the next parked vehicle.
  wakeFleets(sim, plan, best);
  sim.vClaimed[v] = claim;
  sim.vTarget[v] = best;
  sim.vState[v] = FV_TO_PICKUP;
  sim.tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_TABLE] = pickupTable(best, mode);
  sim.vIdleTotal[v] += now - sim.vIdleSince[v];
  if (node === sim.settlementNode[best]) board(sim, plan, v);
  else sim.traffic.enter(v, sim.tr.originQueue(node, mode));
}

/** Brings settlement `s`'s bit in `sim.unclaimed` up to date after its waiting people, promised seats or capture changed. */
export function markUnclaimed(sim: Logistics, s: number): void {
  const bit = 1 << (s & 31);
  if (!sim.captured[s] && sim.fleetWaiting[s] > sim.fleetClaimed[s]) sim.unclaimed[s >>> 5] |= bit;
  else sim.unclaimed[s >>> 5] &= ~bit;
}

/**
 * Wakes, in each fleet serving `s`, the longest parked vehicle that can reach it, when some
 * of its waiting people have no seat promised. A vehicle parked where `s` is out of reach
 * stays parked: waking it instead would leave the others parked and the people waiting.
 */
export function wakeFleets(sim: Logistics, plan: FleetPlan, s: number): void {
  if (sim.fleetWaiting[s] - sim.fleetClaimed[s] <= 0) return;
  const node = sim.settlementNode[s];
  for (const f of sim.fleetOrder) {
    if (!sim.serves[f][s]) continue;
    for (let v = plan.idle.first(f); v >= 0; v = plan.idle.after(v)) {
      if (!reachableFrom(sim.tr, sim.vNode[v], sim.vMode[v])[node]) continue;
      plan.idle.remove(f, v);
      scheduleFleet(sim, sim.clock.now, v);
      break;
    }
  }
}

/**
 * Wakes every parked vehicle of every fleet (after the network changed: a reopened road
 * or an ended slowdown may bring waiting people within reach again).
 */
export function wakeParkedFleets(sim: Logistics, plan: FleetPlan): void {
  for (const f of sim.fleetOrder) {
    for (let v = plan.idle.shift(f); v >= 0; v = plan.idle.shift(f)) scheduleFleet(sim, sim.clock.now, v);
  }
}

/** Boards waiting people (first ready, first boarded) onto `v` at its pickup. */
function board(sim: Logistics, plan: FleetPlan, v: number): void {
  const now = sim.clock.now;
  const f = sim.vFleet[v];
  const s = sim.vTarget[v];
  const fleet = sim.scenario.fleets[f];
  sim.fleetClaimed[s] -= sim.vClaimed[v];
  sim.vClaimed[v] = 0;
  markUnclaimed(sim, s);
  const queue = sim.transitQueue[s];
  const people = sim.demand.people;
  const ready = sim.demand.ready;
  let boarded = 0;
  while (boarded < fleet.seats && sim.transitCursor[s] < queue.length) {
    const h = queue[sim.transitCursor[s]];
    const take = Math.min(people[h] - sim.transitTaken[s], fleet.seats - boarded);
    const wait = now - ready[h];
    boarded += take;
    sim.fleetWaitSum[f] += take * wait;
    if (wait > sim.fleetWaitMax[f]) sim.fleetWaitMax[f] = wait;
    sim.transitTaken[s] += take;
    if (sim.transitTaken[s] === people[h]) {
      sim.transitCursor[s]++;
      sim.transitTaken[s] = 0;
    }
  }
  if (boarded === 0) {
    becomeIdle(sim, v);
    dispatch(sim, plan, v);
    return;
  }
  sim.fleetWaiting[s] -= boarded;
  markUnclaimed(sim, s);
  sim.pending[s] -= boarded;
  sim.fleetBoarded[f] += boarded;
  sim.log.add(now, LogKind.Departed, s, boarded, -1, f);
  sim.vPeople[v] = boarded;
  sim.vSettlement[v] = s;
  sim.vState[v] = FV_BOARDING;
  scheduleFleet(sim, now + boarded * fleet.boardingSecondsPerPerson, v);
}

function becomeIdle(sim: Logistics, v: number): void {
  sim.vState[v] = FV_IDLE;
  sim.vIdleSince[v] = sim.clock.now;
  sim.vTarget[v] = -1;
}

/** Fleet vehicle `v`, head of `link`, has reached the node its table leads to; returns true when it left the link. */
export function fleetAtDestination(sim: Logistics, v: number, link: number, node: number): boolean {
  const plan = sim.fleetPlan;
  if (sim.vState[v] === FV_TO_PICKUP) {
    sim.traffic.leave(link);
    sim.vNode[v] = node;
    board(sim, plan, v);
    return true;
  }
  if (unload(sim, v, node) > 0) return false;
  sim.traffic.leave(link);
  sim.fleetTrips[sim.vFleet[v]]++;
  sim.vNode[v] = node;
  becomeIdle(sim, v);
  dispatch(sim, plan, v);
  return true;
}

/** A fleet vehicle bound for a pickup it can no longer reach leaves the road at `node` and is sent elsewhere. */
export function fleetWithoutRoute(sim: Logistics, v: number, link: number, node: number): boolean {
  if (sim.vState[v] !== FV_TO_PICKUP) return false;
  const plan = sim.fleetPlan;
  // Its pickup captured: a new destination for a hazard, as for a car whose shelter was captured.
  if (sim.captured[sim.vTarget[v]]) markRerouted(sim.tr, v, REROUTE_HAZARD);
  sim.traffic.leave(link);
  sim.fleetClaimed[sim.vTarget[v]] -= sim.vClaimed[v];
  markUnclaimed(sim, sim.vTarget[v]);
  sim.vClaimed[v] = 0;
  sim.vNode[v] = node;
  becomeIdle(sim, v);
  dispatch(sim, plan, v);
  return true;
}

/** Fleet vehicle `v` is lost with its node or link; its passengers are trapped. */
export function loseFleetVehicle(sim: Logistics, plan: FleetPlan, v: number): void {
  const now = sim.clock.now;
  const f = sim.vFleet[v];
  if (sim.vPeople[v] > 0) sim.log.add(now, LogKind.TrappedInTransit, sim.vSettlement[v], sim.vPeople[v], -1, f);
  sim.vPeople[v] = 0;
  if (sim.vState[v] === FV_TO_PICKUP) {
    sim.fleetClaimed[sim.vTarget[v]] -= sim.vClaimed[v];
    markUnclaimed(sim, sim.vTarget[v]);
  }
  sim.vClaimed[v] = 0;
  if (sim.vState[v] !== FV_IDLE) sim.vIdleSince[v] = now;
  if (sim.vState[v] !== FV_LOST) {
    // Its events still to come (a boarding, a wake-up) can do nothing now.
    sim.lostFleetEvents += sim.vFleetEvents[v];
    if (sim.fleetLost[f]++ === 0) sim.fleetFirstLostAt[f] = now;
  }
  sim.vState[v] = FV_LOST;
  plan.idle.remove(f, v);
}
