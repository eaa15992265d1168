// The FIFO of vehicles on each link (and origin queue) and the lists of links
// waiting for room downstream. Both are intrusive linked lists on typed arrays:
// a vehicle is on one link at a time, a link waits on one list at a time, so one
// next-pointer per vehicle and two per link hold them all, with no allocation.
import { EV_HEAD, EV_BITS, type SimState } from '../simulation/state.js';

/** Asks for a head event of `link` at `time`, unless an earlier one is already pending. */
export function scheduleHead(sim: SimState, link: number, time: number): void {
  if (time < sim.pendingTime[link]) {
    sim.pendingTime[link] = time;
    sim.clock.schedule(time, (link << EV_BITS) | EV_HEAD);
  }
}

/**
 * scheduleHead for the check of a blocked head at `time` (blocked since + stuckSeconds).
 * A link's checks come in non-decreasing time, so they go to the link's lane of the
 * clock: the many repeated checks of a long block stay out of the event heap.
 */
export function scheduleStuckCheck(sim: SimState, link: number, time: number): void {
  if (time < sim.pendingTime[link]) {
    sim.pendingTime[link] = time;
    sim.clock.scheduleInLane(link, time, (link << EV_BITS) | EV_HEAD);
  }
}

/** Appends vehicle `v` to `link` now; it may leave after the link's free-flow time. */
export function enterLink(sim: SimState, v: number, link: number): void {
  const now = sim.clock.now;
  if (v < sim.fleetVehicles) sim.vLink[v] = link;
  sim.vNext[v] = -1;
  const tail = sim.tail[link];
  if (tail >= 0) sim.vNext[tail] = v;
  else sim.head[link] = v;
  sim.tail[link] = v;
  const count = ++sim.count[link];
  if (link < sim.linkCount) {
    sim.onRoad++;
    if (count > sim.linkPeak[link]) sim.linkPeak[link] = count;
  } else {
    sim.atOrigin++;
  }
  const ready = now + sim.freeTime[link];
  sim.vReady[v] = ready;
  if (sim.trace !== null) sim.trace(link, v, now, true);
  // A vehicle entering an empty link is its head: it asks to leave when it may.
  if (tail < 0) scheduleHead(sim, link, Math.max(ready, sim.lastExit[link] + sim.headway[link]));
}

/**
 * Removes the head vehicle of `link` now and returns it: records the exit for the
 * flow-capacity headway and the link statistics, schedules the next head, and wakes
 * the links waiting for room on this one.
 */
export function popHead(sim: SimState, link: number): number {
  const now = sim.clock.now;
  const v = sim.head[link];
  const next = sim.vNext[v];
  sim.head[link] = next;
  if (next < 0) sim.tail[link] = -1;
  sim.vNext[v] = -1;
  if (v < sim.fleetVehicles) sim.vLink[v] = -1;
  sim.count[link]--;
  sim.lastExit[link] = now;
  if (link < sim.linkCount) {
    sim.onRoad--;
    sim.linkTraversals++;
    sim.linkVehicles[link]++;
    sim.linkDelay[link] += now - sim.vReady[v];
  } else {
    sim.atOrigin--;
  }
  if (sim.trace !== null) sim.trace(link, v, now, false);
  sim.blockedSince[link] = NaN;
  leaveWaitList(sim, link);
  if (next >= 0) scheduleHead(sim, link, Math.max(sim.vReady[next], now + sim.headway[link]));
  wakeWaiters(sim, link);
  return v;
}

/** Puts `link` at the end of waiting list `list` (a downstream link, or the no-route list). */
export function joinWaitList(sim: SimState, link: number, list: number): void {
  if (sim.waitingOn[link] === list) return;
  leaveWaitList(sim, link);
  sim.waitingOn[link] = list;
  const last = sim.waitLast[list];
  sim.waitPrev[link] = last;
  sim.waitNext[link] = -1;
  if (last >= 0) sim.waitNext[last] = link;
  else sim.waitFirst[list] = link;
  sim.waitLast[list] = link;
}

/** Takes `link` out of the waiting list it is in, if any. */
export function leaveWaitList(sim: SimState, link: number): void {
  const list = sim.waitingOn[link];
  if (list < 0) return;
  const prev = sim.waitPrev[link];
  const next = sim.waitNext[link];
  if (prev >= 0) sim.waitNext[prev] = next;
  else sim.waitFirst[list] = next;
  if (next >= 0) sim.waitPrev[next] = prev;
  else sim.waitLast[list] = prev;
  sim.waitingOn[link] = -1;
  sim.waitPrev[link] = -1;
  sim.waitNext[link] = -1;
}

/**
 * Wakes every link waiting on `list`, in the order they began to wait: each gets a
 * head event now, and events at equal times run in insertion order, so the one
 * that waited longest takes the freed room first and the others wait again in order.
 */
export function wakeWaiters(sim: SimState, list: number): void {
  let w = sim.waitFirst[list];
  if (w < 0) return;
  const now = sim.clock.now;
  while (w >= 0) {
    const next = sim.waitNext[w];
    sim.waitingOn[w] = -1;
    sim.waitPrev[w] = -1;
    sim.waitNext[w] = -1;
    scheduleHead(sim, w, now);
    w = next;
  }
  sim.waitFirst[list] = -1;
  sim.waitLast[list] = -1;
}
