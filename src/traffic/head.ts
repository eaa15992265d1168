// The queue model's one decision (DESIGN.md §2): may the head vehicle of a link
// leave now? It may once its free-flow time has passed and one headway (3600/C)
// after the previous exit; it then moves on if the next link has room, arrives if
// its node is a destination, or waits at the head (spillback) until room frees
// or it has been stuck for `stuckSeconds`, when it is pushed through and counted.
import { LogKind } from '../result.js';
import { AT_DESTINATION, NO_ROUTE } from '../network/routing.js';
import type { SimState } from '../simulation/state.js';
import { nextLink } from '../logistics/routes.js';
import { unload } from '../logistics/destinations.js';
import { fleetAtDestination, fleetWithoutRoute } from '../logistics/fleets.js';
import { enterLink, joinWaitList, popHead, scheduleHead, scheduleStuckCheck } from './queue.js';

/** Handles a head event of `link` (a real link or an origin queue). */
export function onHead(sim: SimState, link: number): void {
  const now = sim.clock.now;
  if (sim.pendingTime[link] !== now) return; // superseded by an earlier event
  sim.pendingTime[link] = Infinity;
  const v = sim.head[link];
  if (v < 0) return;
  const ready = Math.max(sim.vReady[v], sim.lastExit[link] + sim.headway[link]);
  if (ready > now) {
    scheduleHead(sim, link, ready);
    return;
  }
  const node = sim.endNode[link];
  let next = nextLink(sim, v, node);
  while (next === AT_DESTINATION) {
    if (v < sim.fleetVehicles) {
      if (fleetAtDestination(sim, v, link, node)) return;
    } else {
      if (link >= sim.linkCount) recordDeparture(sim, v);
      if (unload(sim, v, node) === 0) {
        leaveNetwork(sim, link);
        return;
      }
    }
    next = nextLink(sim, v, node);
  }
  if (next === NO_ROUTE) {
    if (v < sim.fleetVehicles && fleetWithoutRoute(sim, v, link, node)) return;
    if (!sim.vNoRoute[v]) {
      sim.vNoRoute[v] = 1;
      sim.noRouteWaits++;
    }
    if (Number.isNaN(sim.blockedSince[link])) sim.blockedSince[link] = now;
    joinWaitList(sim, link, sim.noRouteList);
    return;
  }
  if (sim.count[next] < sim.storage[next]) {
    moveOn(sim, link, next);
    return;
  }
  if (Number.isNaN(sim.blockedSince[link])) sim.blockedSince[link] = now;
  // Origin queues are never pushed: a departure waits until its first link has room.
  // Compared as the sum the stuck check was scheduled at, so rounding cannot re-schedule it forever.
  const pushAt = sim.blockedSince[link] + sim.stuckSeconds;
  if (link < sim.linkCount && now >= pushAt) {
    sim.stuckPushes++;
    moveOn(sim, link, next);
    return;
  }
  joinWaitList(sim, link, next);
  if (link < sim.linkCount) scheduleStuckCheck(sim, link, pushAt);
}

/** Moves the head vehicle of `link` onto `next`; leaving an origin queue is a departure. */
function moveOn(sim: SimState, link: number, next: number): void {
  const v = popHead(sim, link);
  if (link >= sim.linkCount) recordDeparture(sim, v);
  enterLink(sim, v, next);
}

/** Takes the head vehicle of `link` off the network at its end node and returns it. */
export function leaveNetwork(sim: SimState, link: number): number {
  const v = popHead(sim, link);
  if (link >= sim.linkCount) recordDeparture(sim, v);
  if (v >= sim.fleetVehicles) sim.arrived++;
  return v;
}

/**
 * A car's people are waiting while in its origin queue and in transit from the
 * moment it leaves it (onto its first link, or straight into a destination there).
 */
function recordDeparture(sim: SimState, v: number): void {
  if (v < sim.fleetVehicles || sim.vShadow[v] || sim.vDeparted[v]) return;
  sim.vDeparted[v] = 1;
  const s = sim.vSettlement[v];
  sim.pending[s] -= sim.vPeople[v];
  sim.log.add(sim.clock.now, LogKind.Departed, s, sim.vPeople[v]);
}
