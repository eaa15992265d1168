// Where a vehicle moves from link to link and where capacity is enforced.
//
// A link is a FIFO with a triangular fundamental diagram (free speed v, capacity
// C, jam density kj, backward wave speed w), simulated at its two ends like the
// event-based link transmission model:
// - downstream (sending): a vehicle may leave once its free-flow time has passed
//   and one headway 3600/C after the previous vehicle was allowed to leave (not
//   before that one left: `exitSlot`);
// - upstream (receiving): a vehicle may enter one headway after the previous
//   entry, and the k-th entrant only once the (k − storage)-th has left and the
//   space it freed has travelled back: exit time + length / w. So the link never
//   holds more than its storage, origins load at most at capacity, and a queue's
//   back starts moving a wave-time after its front.
// Both ends count in car units: a vehicle of u units (a fleet's `pce`) takes u
// headways at each end and u spaces of storage, and its exit frees u spaces at once.
// A link's waiting list holds the approaches (links or origin queues) whose head
// waits to enter it; the node model (`Traffic.onAdmit`, head.ts) picks among them.
import { EV_ADMIT, EV_HEAD, payload } from '../engine/kinds.js';
import { NO_CHOICE, ROUTE_CHOICE, ROUTE_SHIFT, type TrafficState } from './state.js';

/** Asks for a head event of `queue` at `time`, unless an earlier one is already pending. */
export function scheduleHead(tr: TrafficState, queue: number, time: number): void {
  if (time < tr.pendingTime[queue]) {
    tr.pendingTime[queue] = time;
    tr.clockEvents++;
    tr.clock.schedule(time, payload(queue, EV_HEAD));
  }
}

/**
 * Earliest time link `l` can take one more vehicle of `units` car units at its upstream end
 * (Infinity while full). A vehicle longer than the whole link needs it empty.
 * Newell's condition for the (e+1)-th entry: N_down(t − length/w) ≥ e + 1 − jam, with the
 * exit curve N_down rising to each exit over the headway before it (linear between exits
 * one headway apart), so a link at capacity flow is never held back by rounding its jam
 * storage down to whole vehicles, and an exit after a long wait (a blockage lifted) frees
 * no space before it happens: the back of the queue moves a wave-time after its front.
 */
export function supplyTime(tr: TrafficState, l: number, units = 1): number {
  if (tr.closed[l]) return Infinity;
  const e = tr.entered[l];
  const storage = tr.storage[l];
  const need = units < storage ? units : storage;
  if (e - tr.exited[l] + need > storage) return Infinity;
  const byFlow = lastEntrySlot(tr, l) + tr.headway[l];
  const needed = e + need - tr.jam[l]; // exits needed, fractional
  if (needed <= 0) return byFlow;
  const j = Math.ceil(needed) - 1; // the exit that completes them
  // Exit j has happened, so the link has its slice of the pool.
  const pool = tr.exitPool;
  const start = tr.exitStart[l];
  const mask = tr.exitMask[l];
  const last = pool[start + (j & mask)];
  // The curve rises to exit j over the headway before it, or from exit j − 1 if that is later.
  const rise = last - tr.headway[l];
  const previous = j > 0 ? pool[start + ((j - 1) & mask)] : rise;
  const before = previous > rise ? previous : rise;
  const byWave = before + (needed - j) * (last - before) + tr.waveTime[l];
  return byWave > byFlow ? byWave : byFlow;
}

/**
 * The last entry headway link `l`'s last entrant took: its entry, or for a vehicle of u car
 * units the (u − 1) headways after it (at the headway it entered under), and with a capacity
 * drop the extra it holds after one taken from a queue (entryHold). The next entry may come
 * one headway later.
 */
export function lastEntrySlot(tr: TrafficState, l: number): number {
  return tr.entryHolds ? tr.lastEntry[l] + tr.entryHold[l] : tr.lastEntry[l];
}

/**
 * When link (or origin queue) `l` may next let a vehicle out by its own exit headway: one
 * headway after the instant its last vehicle was allowed to leave, and not before that one
 * left. A vehicle held at the stop line by its next link (a merge's slot taken by another
 * road, a full link) so delays the one behind it by no more than it was held beyond a
 * headway: a slot lost at a merge is made up, one at most, and a merge whose approaches'
 * demand fits the merged road passes it all. Timed from the last exit instead, each lost
 * slot was lost for good: 300, 900 and 2,400 veh/h roads fed 300 / 900 / 1,000 veh/h into
 * a 2,400 veh/h road passed 2,053 veh/h, not 2,200. Over any interval of T seconds a link
 * lets out at most T / headway + 2 vehicles (one more than strict headways would allow).
 */
export function exitSlot(tr: TrafficState, l: number): number {
  const slot = tr.lastAllowed[l] + tr.headway[l];
  const last = tr.lastExit[l];
  return slot > last ? slot : last;
}

/**
 * When approach `w` (a link, turn pocket or origin queue waiting on a link) may send its
 * head: at its link's exit slot (at once for an origin queue); Infinity
 * while no head stands at its stop line.
 */
export function gateTime(tr: TrafficState, w: number): number {
  const head = tr.head[w];
  const now = tr.clock.now;
  if (head < 0 || tr.vReady[head] > now) return Infinity;
  const from = tr.linkOf(w);
  return from >= 0 ? exitSlot(tr, from) : now;
}

/**
 * Asks for an admission event of link `l` when it can next take a vehicle and one of the
 * approaches waiting on it can send one. Waiting approaches get no head events of their
 * own: the admission comes when the first of them may go.
 */
export function scheduleAdmit(tr: TrafficState, l: number): void {
  let w = tr.waitFirst[l];
  if (w < 0) return;
  // One already comes at this instant: nothing sooner can be asked for.
  if (tr.admitTime[l] <= tr.clock.now) return;
  let time = supplyTime(tr, l);
  if (time === Infinity) return; // the next exit asks again
  let gate = Infinity;
  for (; w >= 0 && gate > time; w = tr.waitNext[w]) {
    const g = gateTime(tr, w);
    if (g < gate) gate = g;
  }
  if (gate === Infinity) return; // no head at a stop line: each asks when it gets there
  if (gate > time) time = gate;
  const at = time > tr.clock.now ? time : tr.clock.now;
  if (at < tr.admitTime[l]) admitAt(tr, l, at);
}

/** Schedules the admission event of link `l` at `at`, in place of any pending one. */
export function admitAt(tr: TrafficState, l: number, at: number): void {
  tr.admitTime[l] = at;
  tr.clockEvents++;
  // Last at its instant: after every head that becomes ready then has joined the waiting list.
  tr.clock.scheduleLast(at, payload(l, EV_ADMIT));
}

/**
 * After the headway of link `l` changed (a capacity measure began or ended): a head waiting
 * out the old headway at the link's exit, in its lane or in its turn pocket, leaves when
 * the new one allows: one new headway after the last exit, or now. Its head event was asked
 * for from the old headway; a shorter one lets it go sooner (a longer one is seen when that
 * event comes). Waiting heads are woken apart, and admissions asked again.
 */
export function headwayChanged(tr: TrafficState, l: number): void {
  // No slot carries over a change: the next comes a new headway after the last exit, or now
  // if that has passed (timed from the last slot, a car held by the old headway would count
  // as held beyond its own and the one behind it would follow it at once).
  // A vehicle of several car units that left holds the exit to the last of its slots, given
  // before the change (only it sets lastAllowed after now): they stand, as its exit does.
  const now = tr.clock.now;
  if (tr.lastAllowed[l] <= now) {
    const restart = now - tr.headway[l];
    tr.lastAllowed[l] = tr.lastExit[l] > restart ? tr.lastExit[l] : restart;
  }
  askAgain(tr, l, l);
  const [first, end] = tr.pocketsOf(l);
  for (let pocket = first; pocket < end; pocket++) askAgain(tr, pocket, l);
}

/**
 * Link `l`'s free-flow time becomes `free` now (a slowdown or a speed factor began or ended).
 * Every vehicle still driving on it covers the rest of its way at the new speed: what it
 * had left to drive, (ready − now) at the old speed, takes that × new / old. Kept at the
 * speed it entered with, a car that entered during a slowdown of factor 0.001 drove 5 km
 * for 300,000 s, days after the slowdown ended. Vehicles at the stop line (ready by now, in
 * the lane or the turn pocket) are not moving; the order of the others is kept.
 */
export function paceChanged(tr: TrafficState, l: number, free: number): void {
  const old = tr.freeTime[l];
  tr.freeTime[l] = free;
  const head = tr.head[l];
  if (head < 0 || !(old > 0)) return;
  const now = tr.clock.now;
  const ratio = free / old;
  for (let v = head; v >= 0; v = tr.vNext[v]) {
    if (tr.vReady[v] > now) tr.vReady[v] = now + (tr.vReady[v] - now) * ratio;
  }
  // Sooner: ask for the head event now; later: the pending one comes first and asks again (onHead).
  if (tr.waitingOn[l] < 0 && tr.pendingTime[l] !== Infinity) scheduleHead(tr, l, nextReady(tr, l, head));
}

/** When `head`, at the front of link `l`, may leave: its free-flow time and the link's exit slot. */
function nextReady(tr: TrafficState, l: number, head: number): number {
  const byHeadway = exitSlot(tr, l);
  const ready = tr.vReady[head] > byHeadway ? tr.vReady[head] : byHeadway;
  return ready > tr.clock.now ? ready : tr.clock.now;
}

/** Asks again for the pending head event of `queue`, which leaves through the exit of link `l`. */
function askAgain(tr: TrafficState, queue: number, l: number): void {
  const head = tr.head[queue];
  if (head < 0 || tr.waitingOn[queue] >= 0 || tr.pendingTime[queue] === Infinity) return;
  scheduleHead(tr, queue, nextReady(tr, l, head));
}

/** Appends vehicle `v` to `queue` now; it may leave after the queue's free-flow time. */
export function enterQueue(tr: TrafficState, v: number, queue: number): void {
  const now = tr.clock.now;
  if (v < tr.placedVehicles) tr.vLink[v] = queue;
  tr.vNext[v] = -1;
  const tail = tr.tail[queue];
  if (tail >= 0) tr.vNext[tail] = v;
  else tr.head[queue] = v;
  tr.tail[queue] = v;
  tr.count[queue]++;
  if (queue < tr.linkCount) {
    tr.onRoad++;
    const units = v < tr.unitVehicles ? tr.vUnits[v] : 1;
    tr.lastEntry[queue] = now;
    // A vehicle of u car units takes u entry headways: the next entry counts from the last of them.
    if (tr.entryHolds) tr.entryHold[queue] = units === 1 ? 0 : (units - 1) * tr.headway[queue];
    // On the link, in car units: its lane and its turn pocket (entered and not yet out), from fields the wave reads anyway.
    const entered = tr.entered[queue] + units;
    tr.entered[queue] = entered;
    const onLink = entered - tr.exited[queue];
    if (onLink > tr.linkPeak[queue]) tr.linkPeak[queue] = onLink;
  } else {
    tr.atOrigin++;
    if (queue >= tr.firstDeparturePocket) tr.departurePocketed[tr.endNode[queue]]++;
  }
  const ready = now + tr.freeTime[queue];
  tr.vReady[v] = ready;
  if (tr.observer !== null) tr.vEnter[v] = now;
  if (tr.trace !== null) tr.trace(tr.tracedAs(queue), v, now, true);
  // Joining a queue whose head waits for want of a route (the list's head is read first: it is almost always empty).
  if (tr.waitFirst[tr.noRouteList] >= 0 && tr.waitingOn[queue] === tr.noRouteList) markNoRoute(tr, v);
  // A vehicle entering an empty queue is its head: it asks to leave when it may.
  if (tail < 0) scheduleHead(tr, queue, Math.max(ready, exitSlot(tr, queue)));
}

/**
 * Unlinks and returns the head vehicle of `queue`, and schedules the next head unless told
 * not to: at its exit slot after an exit, one headway from now after a lane change.
 */
function unlinkHead(tr: TrafficState, queue: number, scheduleNext: boolean, exited: boolean): number {
  const v = tr.head[queue];
  const next = tr.vNext[v];
  tr.head[queue] = next;
  if (next < 0) tr.tail[queue] = -1;
  tr.vNext[v] = -1;
  tr.count[queue]--;
  if (queue >= tr.firstDeparturePocket) tr.departurePocketed[tr.endNode[queue]]--;
  tr.blockedSince[queue] = NaN;
  leaveWaitList(tr, queue);
  if (next >= 0 && scheduleNext) scheduleHead(tr, queue, exited ? nextHeadTime(tr, queue) : afterLaneChange(tr, queue));
  return v;
}

/**
 * A turn pocket of link `l` is empty now: a lane head waiting for its next link beside it
 * (every pocket held another turn when it came) looks again now, steps into it and lets the
 * vehicles behind it pass. Otherwise it held them until its next link took it or its next
 * look, `stuckSeconds` later.
 */
function pocketEmptied(tr: TrafficState, l: number): void {
  const on = tr.waitingOn[l];
  if (tr.head[l] >= 0 && on >= 0 && on < tr.linkCount) scheduleHead(tr, l, tr.clock.now);
}

/** When the new head of `queue` may leave, its predecessor having left now: free-flow time and the exit slot. */
export function nextHeadTime(tr: TrafficState, queue: number): number {
  return Math.max(tr.vReady[tr.head[queue]], tr.clock.now, exitSlot(tr, tr.exitOf(queue)));
}

/** When the new head of `queue` may leave, its predecessor having stepped aside into a pocket now: one headway later. */
export function afterLaneChange(tr: TrafficState, queue: number): number {
  return Math.max(tr.vReady[tr.head[queue]], tr.clock.now + tr.headway[tr.exitOf(queue)]);
}

/**
 * Removes the head vehicle of `queue` (a link, its turn pocket or an origin queue)
 * now and returns it: records the link exit for the headway, the wave and the
 * statistics, schedules the next head (unless `scheduleNext` is false: the caller
 * parks it), and lets the approaches waiting on the link know that it may take one more.
 */
export function popHead(tr: TrafficState, queue: number, scheduleNext = true): number {
  const now = tr.clock.now;
  const link = tr.linkOf(queue);
  // Read before unlinkHead clears it, and only for an observer (equilibrium routing).
  const waitedFrom = tr.observer === null ? NaN : queue === link ? tr.blockedSince[queue] : tr.vStop[tr.head[queue]];
  if (link >= 0) {
    // Set before the next head is scheduled from them: the slot this vehicle was given (the
    // last of its slots, for a vehicle of several car units), and its exit.
    const head = tr.head[queue];
    const allowed = Math.max(exitSlot(tr, link), tr.vReady[head]);
    const units = head < tr.unitVehicles ? tr.vUnits[head] : 1;
    tr.lastAllowed[link] = (allowed < now ? allowed : now) + (units === 1 ? 0 : (units - 1) * tr.headway[link]);
    tr.lastExit[link] = now;
  }
  const v = unlinkHead(tr, queue, scheduleNext, true);
  // Only a turn pocket's own head leaving empties it (stepping aside unlinks a lane's head).
  if (link >= 0 && queue !== link && tr.head[queue] < 0) pocketEmptied(tr, link);
  if (v < tr.placedVehicles) tr.vLink[v] = -1;
  if (link >= 0) {
    if (v < tr.unitVehicles && tr.vUnits[v] > 1) recordUnits(tr, link, now, tr.vUnits[v]);
    else recordExit(tr, link, now);
    tr.onRoad--;
    tr.linkTraversals++;
    tr.linkDelay[link] += now - tr.vReady[v];
    if (tr.gridlocks.length > 0) tr.gridlocked[link] = 0; // only a recorded gridlock marks links
    if (tr.trace !== null) tr.trace(link, v, now, false);
    if (tr.observer !== null) tr.observer.traversed(link, v, tr.vEnter[v], Number.isNaN(waitedFrom) ? now : waitedFrom);
    scheduleAdmit(tr, link);
  } else {
    tr.atOrigin--;
    if (tr.trace !== null) tr.trace(tr.tracedAs(queue), v, now, false);
  }
  return v;
}

/**
 * Moves the head of `queue`, whose turn is blocked, into `pocket`: one of its link's turn
 * pockets, where it still counts on the link (storage, wave) until it leaves the pocket,
 * or, from an origin queue (or another departure pocket), the departure pocket of the
 * link it now waits for.
 */
export function stepAside(tr: TrafficState, queue: number, pocket: number, scheduleNext = true): number {
  // Changing lanes spends none of the link's exit headway (unlinkHead leaves lastExit alone):
  // the pocket's vehicles spend it as they leave. The car behind moves up to the stop line
  // and looks one headway later (afterLaneChange), as behind a car that left.
  const v = unlinkHead(tr, queue, scheduleNext, false);
  const tail = tr.tail[pocket];
  if (tail >= 0) tr.vNext[tail] = v;
  else tr.head[pocket] = v;
  tr.tail[pocket] = v;
  tr.count[pocket]++;
  if (pocket >= tr.firstDeparturePocket) tr.departurePocketed[tr.endNode[pocket]]++;
  if (v < tr.placedVehicles) tr.vLink[v] = pocket;
  tr.vStop[v] = tr.clock.now;
  return pocket;
}

/** Keeps the time of the link's next exit (see TrafficState.exitPool). */
function recordExit(tr: TrafficState, link: number, time: number): void {
  const k = tr.exited[link]++;
  const mask = tr.exitMask[link];
  if (k > mask && mask + 1 < tr.ringSize[link]) growExits(tr, link);
  tr.exitPool[tr.exitStart[link] + (k & tr.exitMask[link])] = time;
}

/** A vehicle of `units` car units left `link` at `time`: that many exits, all at once. */
function recordUnits(tr: TrafficState, link: number, time: number, units: number): void {
  for (let k = 0; k < units; k++) recordExit(tr, link, time);
  tr.linkExtraUnits[link] += units - 1;
}

/** Gives link `l` a slice twice as long (8 at first) at the end of the exit pool, keeping its exits. */
function growExits(tr: TrafficState, l: number): void {
  const old = tr.exitMask[l] + 1;
  const size = old === 0 ? 8 : 2 * old;
  if (tr.exitPoolUsed + size > tr.exitPool.length) {
    const pool = new Float64Array(Math.max(2 * tr.exitPool.length, tr.exitPoolUsed + size));
    pool.set(tr.exitPool.subarray(0, tr.exitPoolUsed));
    tr.exitPool = pool;
  }
  const start = tr.exitPoolUsed;
  // Before the slice is full it is not yet a ring: exit k is at k.
  if (old > 0) tr.exitPool.copyWithin(start, tr.exitStart[l], tr.exitStart[l] + old);
  tr.exitPoolUsed += size;
  tr.exitStart[l] = start;
  tr.exitMask[l] = size - 1;
}

/** Counts vehicle `v` as waiting for want of a route (once per vehicle). */
export function markNoRoute(tr: TrafficState, v: number): void {
  if (tr.vNoRoute[v]) return;
  tr.vNoRoute[v] = 1;
  tr.noRouteWaits++;
}

/** Puts `queue` at the end of waiting list `list` (a link, or the no-route list). */
export function joinWaitList(tr: TrafficState, queue: number, list: number): void {
  if (tr.waitingOn[queue] === list) return;
  leaveWaitList(tr, queue);
  tr.waitingOn[queue] = list;
  const last = tr.waitLast[list];
  tr.waitPrev[queue] = last;
  tr.waitNext[queue] = -1;
  if (last >= 0) tr.waitNext[last] = queue;
  else tr.waitFirst[list] = queue;
  tr.waitLast[list] = queue;
  if (list < tr.linkCount) {
    // Its head's tag: one of its own headways (an origin queue: the link's) after its last
    // tag on this link, or after the link's virtual time if that is later: an approach that
    // sent less than its share while others queued claims no turns for the time it was away.
    const from = tr.linkOf(queue);
    const after = tr.tagLink[queue] === list && tr.lastTag[queue] > tr.virtualTime[list] ? tr.lastTag[queue] : tr.virtualTime[list];
    // A head of several car units spends as many headways of its approach's share: shares
    // are of the link's flow in car units, not turns (a bus per turn took u / (u + 1)).
    const units = tr.unitsOf(tr.head[queue]);
    const h = tr.headway[from >= 0 ? from : list];
    tr.tag[queue] = after + (units === 1 ? h : units * h);
  } else {
    // Every vehicle in the queue waits for want of a route, not only its head.
    for (let v = tr.head[queue]; v >= 0; v = tr.vNext[v]) markNoRoute(tr, v);
  }
}

/** Takes `queue` out of the waiting list it is in, if any. */
export function leaveWaitList(tr: TrafficState, queue: number): void {
  const list = tr.waitingOn[queue];
  if (list < 0) return;
  const prev = tr.waitPrev[queue];
  const next = tr.waitNext[queue];
  if (prev >= 0) tr.waitNext[prev] = next;
  else tr.waitFirst[list] = next;
  if (next >= 0) tr.waitPrev[next] = prev;
  else tr.waitLast[list] = prev;
  tr.waitingOn[queue] = -1;
  tr.waitPrev[queue] = -1;
  tr.waitNext[queue] = -1;
}

/** Gives every queue waiting on `list` a head event now, so each decides again (after a network change). */
export function wakeWaiters(tr: TrafficState, list: number): void {
  const now = tr.clock.now;
  for (let w = tr.waitFirst[list]; w >= 0; ) {
    const next = tr.waitNext[w];
    leaveWaitList(tr, w);
    scheduleHead(tr, w, now);
    w = next;
  }
}

/**
 * Gives every waiting head a head event now, so each decides again: after the network or
 * the open destinations changed (a waiting head has no head event of its own pending).
 */
export function wakeAllWaiting(tr: TrafficState): void {
  const now = tr.clock.now;
  // In the order of the queues' ranks: their head events share this instant, and the listing must not order them.
  for (const q of tr.queuesByRank) {
    if (tr.waitingOn[q] >= 0 && tr.head[q] >= 0) scheduleHead(tr, q, now);
  }
}

/** Removes every vehicle from `queue` (lost with a captured node), calling `lost` for each, and wakes its waiters. */
export function clearQueue(tr: TrafficState, queue: number, lost: (v: number) => void): void {
  const link = tr.linkOf(queue);
  const real = link >= 0;
  let lostVehicles = 0;
  let lostUnits = 0;
  for (let v = tr.head[queue]; v >= 0; ) {
    const next = tr.vNext[v];
    // Its link for a turn pocket's vehicles, as when they leave it (popHead).
    if (tr.trace !== null) tr.trace(tr.tracedAs(queue), v, tr.clock.now, false, true);
    tr.vNext[v] = -1;
    tr.vLink[v] = -1;
    const choice = tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_CHOICE];
    if (choice >= 0) tr.bound[choice] -= tr.unitsOf(v);
    tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_CHOICE] = NO_CHOICE;
    if (real) tr.onRoad--;
    else tr.atOrigin--;
    lostVehicles++;
    lostUnits += tr.unitsOf(v);
    lost(v);
    v = next;
  }
  if (queue >= tr.firstDeparturePocket) tr.departurePocketed[tr.endNode[queue]] -= tr.count[queue];
  tr.head[queue] = -1;
  tr.tail[queue] = -1;
  tr.count[queue] = 0;
  tr.blockedSince[queue] = NaN;
  if (real) {
    // The lost vehicles leave the link as far as its wave is concerned, without passing it.
    tr.exited[link] += lostUnits;
    tr.linkLost[link] += lostVehicles;
    tr.linkExtraUnits[link] += lostUnits - lostVehicles;
  }
  leaveWaitList(tr, queue);
  wakeWaiters(tr, queue);
}
