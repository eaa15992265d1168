// The two decisions of the traffic model, as event handlers:
// - onHead: may the head vehicle of a queue leave now? It may once its free-flow
//   time has passed and at its link's exit slot (links.ts); it then arrives (its
//   node is its destination), enters its next link when that link can take it and
//   nobody else waits for it, or joins the link's waiting list.
// - onAdmit (the node model): a link that can take one more vehicle picks one of
//   the approaches waiting on it, each in proportion to its capacity (self-clocked
//   fair queueing, ties to the id that sorts first: no event-order or listing-order ties), and
//   moves that approach's head in. Within an approach, order is FIFO: a head whose
//   turn is blocked holds every vehicle behind it (a single-lane diverge).
//   Approaches in a waiting list take no events of their own: the admission comes
//   when the first of them may go, and the car behind an admitted head, bound for
//   the same link, waits on parked (see `park`).
import { AT_DESTINATION, NO_ROUTE } from '../network/routing.js';
import {
  admitAt, afterLaneChange, enterQueue, exitSlot, gateTime, joinWaitList, nextHeadTime, popHead, scheduleAdmit, scheduleHead, stepAside,
  supplyTime,
} from './links.js';
import { REROUTE_CONGESTION, ROUTE_CHOICE, ROUTE_EPOCH, ROUTE_SHIFT, type TrafficState } from './state.js';
import type { RouteChoice } from './choice.js';
import { detectGridlock } from './gridlock.js';
import { WaitingChecks } from './checks.js';


/** What happens to vehicles beyond the roads: arrivals, pickups, departures (logistics). */
export interface TrafficHooks {
  /** Head vehicle `v` of `queue` is at a node of its destination set; returns true when it left the queue. */
  atDestination(v: number, queue: number, node: number): boolean;
  /** Head vehicle `v` has no route on from `node`; returns true when it left the queue. */
  withoutRoute(v: number, queue: number, node: number): boolean;
  /** Vehicle `v` left its origin queue: its people are on their way. */
  departed(v: number): void;
}

export class Traffic {
  readonly state: TrafficState;
  readonly choice: RouteChoice;
  readonly hooks: TrafficHooks;
  /**
   * Seconds a head waits for its next link before it is checked: for a gridlock (a cycle
   * of full links, looked for only then, so long spillback chains are not walked at every
   * wait) and, under adaptive and equilibrium routing, to choose again.
   */
  private readonly reconsiderSeconds: number;
  private readonly chooseAgain: boolean;
  private readonly checks = new WaitingChecks();
  private readonly dueChecks: number[] = [];
  /** Where `idle` last found a queue or admission still busy. */
  private busyAt = 0;

  constructor(state: TrafficState, choice: RouteChoice, hooks: TrafficHooks, reconsiderSeconds: number) {
    this.state = state;
    this.choice = choice;
    this.hooks = hooks;
    this.reconsiderSeconds = reconsiderSeconds;
    this.chooseAgain = state.congestionAware;
  }

  /** Vehicle `v` enters `queue` now and chooses where it will go at its end. */
  enter(v: number, queue: number): void {
    const tr = this.state;
    if (tr.isOriginQueue(queue) && tr.head[queue] < 0) {
      // Into an empty origin queue: it chooses its first link at once, and joins the vehicles
      // already waiting for that link in its departure pocket, if any, without a head event.
      this.choice.onEnter(v, tr.endNode[queue], true);
      const first = tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_CHOICE];
      enterQueue(tr, v, first >= 0 && tr.head[tr.departurePocket(first)] >= 0 ? tr.departurePocket(first) : queue);
      return;
    }
    enterQueue(tr, v, queue);
    this.choice.onEnter(v, tr.endNode[queue], tr.isOriginQueue(queue));
  }

  /** Takes the head vehicle of `queue` off the network at its end node and returns it. */
  leave(queue: number): number {
    const tr = this.state;
    const v = popHead(tr, queue);
    this.choice.release(v);
    if (tr.linkOf(queue) < 0) this.hooks.departed(v);
    else if (tr.observer !== null) tr.observer.arrived(v);
    return v;
  }

  onHead(queue: number): void {
    const tr = this.state;
    const now = tr.clock.now;
    if (tr.pendingTime[queue] !== now) return; // superseded by an earlier event
    tr.pendingTime[queue] = Infinity;
    const v = tr.head[queue];
    if (v < 0) return;
    // A turn pocket's vehicles leave through the link's own exit: its slots, whichever way.
    const gate = tr.exitOf(queue);
    const ready = Math.max(tr.vReady[v], exitSlot(tr, gate));
    if (ready > now) {
      scheduleHead(tr, queue, ready);
      return;
    }
    const node = tr.endNode[queue];
    const waited = tr.blockedSince[queue];
    const checked = now >= waited + this.reconsiderSeconds;
    if (checked) tr.blockedSince[queue] = now;
    // A head that waited for want of a route chooses again because the network changed, not the queues.
    const reconsider = checked && this.chooseAgain && tr.waitingOn[queue] !== tr.noRouteList;
    const departing = queue >= tr.linkCount && tr.linkOf(queue) < 0;
    let next = this.choice.atHead(v, node, reconsider ? REROUTE_CONGESTION : tr.epochCause, reconsider, departing);
    if (queue >= tr.firstDeparturePocket && this.chooseAgain && next === queue - tr.firstDeparturePocket) {
      next = this.choice.atDeparture(v, node, next, tr.count[queue] - 1);
    }
    while (next === AT_DESTINATION) {
      if (this.hooks.atDestination(v, queue, node)) return;
      next = this.choice.atHead(v, node, tr.epochCause, true, departing);
    }
    if (next === NO_ROUTE) {
      if (this.hooks.withoutRoute(v, queue, node)) return;
      if (Number.isNaN(tr.blockedSince[queue])) tr.blockedSince[queue] = now;
      joinWaitList(tr, queue, tr.noRouteList);
      return;
    }
    if (queue >= tr.firstDeparturePocket && queue - tr.firstDeparturePocket !== next) {
      // It chose another first link while waiting: it joins that link's departure pocket.
      this.depart(queue, next);
      return;
    }
    // Moving on or stepping aside takes the queue out of any waiting list (unlinkHead).
    const free = tr.waitFirst[next] < 0 && supplyTime(tr, next, tr.unitsOf(v)) <= now;
    if (tr.isOriginQueue(queue)) {
      // Alone at this instant, and nobody in its first link's departure pocket: it goes; else
      // it waits there, behind the vehicles already waiting for that link (rivals: below).
      if (free && tr.head[tr.departurePocket(next)] < 0 && !this.rivalNow(queue, node)) this.moveOn(queue, next);
      else this.depart(queue, next);
      return;
    }
    if (free && !this.pocketGoesFirst(queue)) {
      // Alone at this instant: it goes. Otherwise a head of another approach at the node may
      // want the link at the same instant, and the node model decides at the end of the
      // instant (onAdmit), not the order in which the two heads' events happen to run.
      if (!this.rivalNow(queue, node)) this.moveOn(queue, next);
      else this.wait(queue, next, checked);
      return;
    }
    const pocket = queue < tr.linkCount && tr.hasPocket[queue] ? this.pocketFor(queue, next) : -1;
    if (pocket >= 0) {
      // Another lane: the head waits in a turn pocket and the vehicles behind it go on.
      stepAside(tr, queue, pocket);
      this.wait(pocket, next, checked);
      return;
    }
    this.wait(queue, next, checked);
  }

  /**
   * The head of `queue` (an origin queue, or a departure pocket it no longer waits in) steps
   * into the departure pocket of `next`, its first link, so the vehicles behind it bound
   * for other links are not held: one queue per first link, as a town's own streets would
   * give. From an origin queue, the vehicles behind it that chose their first link in this
   * state of the network go to theirs at the same time, without an event each.
   */
  private depart(queue: number, next: number): void {
    const tr = this.state;
    if (queue >= tr.firstPocket) {
      const v = tr.head[queue];
      stepAside(tr, queue, tr.departurePocket(next));
      this.settle(v, next);
      return;
    }
    const now = tr.clock.now;
    for (let v = tr.head[queue]; ; ) {
      const follower = tr.vNext[v];
      stepAside(tr, queue, tr.departurePocket(next), false);
      this.settle(v, next);
      if (follower < 0) return;
      const r = follower << ROUTE_SHIFT;
      next = tr.vRoute[r | ROUTE_CHOICE];
      // One that must choose again (the network changed) or is not ready yet gets its own head event.
      if (next < 0 || tr.vRoute[r | ROUTE_EPOCH] !== tr.epoch || tr.closed[next] || tr.vReady[follower] > now) {
        scheduleHead(tr, queue, afterLaneChange(tr, queue));
        return;
      }
      v = follower;
    }
  }

  /** Vehicle `v` has just stepped into the departure pocket of `next`: as its head, it goes or waits. */
  private settle(v: number, next: number): void {
    const tr = this.state;
    const pocket = tr.departurePocket(next);
    if (tr.head[pocket] !== v) return; // the pocket's head waits for the same link already
    const now = tr.clock.now;
    if (tr.waitFirst[next] < 0 && supplyTime(tr, next) <= now) scheduleHead(tr, pocket, now);
    else this.wait(pocket, next, false);
  }

  /**
   * The turn pocket of `link` a head bound for `next` steps into: the one whose vehicles
   * wait for `next` already, else the first empty one; −1 when every pocket holds vehicles
   * of another turn (the head then waits in the lane and holds the vehicles behind it).
   */
  private pocketFor(link: number, next: number): number {
    const tr = this.state;
    // Index arithmetic, not pocketsOf: this runs at every blocked head of a multi-lane road.
    const end = tr.firstPocket + tr.pocketStart[link + 1];
    let empty = -1;
    for (let pocket = tr.firstPocket + tr.pocketStart[link]; pocket < end; pocket++) {
      const head = tr.head[pocket];
      if (head < 0) {
        if (empty < 0) empty = pocket;
      } else if (tr.vRoute[(head << ROUTE_SHIFT) | ROUTE_CHOICE] === next) {
        return pocket;
      }
    }
    return empty;
  }

  /**
   * Whether the turn pocket of link `queue` may send its head through the link's exit at
   * this instant: the link its head waits for admits at this instant. The lane's head then
   * waits for its own link's admission, which comes after (scheduled later, also last at
   * the instant), so the exit goes to the pocket whenever its turn can be taken; without
   * this, a lane whose heads arrive one exit headway apart would hold the exit for ever.
   */
  private pocketGoesFirst(queue: number): boolean {
    const tr = this.state;
    if (queue >= tr.linkCount || !tr.hasPocket[queue]) return false;
    const end = tr.firstPocket + tr.pocketStart[queue + 1];
    for (let pocket = tr.firstPocket + tr.pocketStart[queue]; pocket < end; pocket++) {
      const waitsOn = tr.waitingOn[pocket];
      if (waitsOn >= 0 && waitsOn < tr.linkCount && tr.admitTime[waitsOn] === tr.clock.now) return true;
    }
    return false;
  }

  /**
   * Whether another approach at `node` (an incoming link, its turn pocket, an origin queue or
   * a departure pocket) has a head event still to come at this instant: its head may want the same link.
   */
  private rivalNow(queue: number, node: number): boolean {
    const tr = this.state;
    const { inStart, inLinks, nodeCount } = tr.net;
    const now = tr.clock.now;
    const pending = tr.pendingTime;
    for (let i = inStart[node]; i < inStart[node + 1]; i++) {
      const l = inLinks[i];
      if (l !== queue && pending[l] === now) return true;
      if (!tr.hasPocket[l]) continue;
      for (let pocket = tr.firstPocket + tr.pocketStart[l], end = tr.firstPocket + tr.pocketStart[l + 1]; pocket < end; pocket++) {
        if (pocket !== queue && pending[pocket] === now) return true;
      }
    }
    if (tr.departurePocketed[node] > 0) {
      const { outStart, outLinks } = tr.net;
      for (let k = outStart[node]; k < outStart[node + 1]; k++) {
        const pocket = tr.firstDeparturePocket + outLinks[k];
        if (pocket !== queue && pending[pocket] === now) return true;
      }
    }
    const road = tr.linkCount + node;
    return (road !== queue && pending[road] === now) || (road + nodeCount !== queue && pending[road + nodeCount] === now);
  }

  /** The head of `queue` waits to enter `next`. */
  private wait(queue: number, next: number, checked: boolean): void {
    const tr = this.state;
    const now = tr.clock.now;
    if (Number.isNaN(tr.blockedSince[queue])) tr.blockedSince[queue] = now;
    joinWaitList(tr, queue, next);
    scheduleAdmit(tr, next);
    // Full for its head: a bus waits on a link with room left for a car but not for it.
    if (checked && supplyTime(tr, next, tr.unitsOf(tr.head[queue])) === Infinity) detectGridlock(tr, queue);
    // A long wait makes the head look for another way (checks.ts).
    const check = Math.max(now, tr.blockedSince[queue] + this.reconsiderSeconds);
    if (check !== Infinity) this.checks.ask(tr, queue, check);
  }

  /** The waiting checks due now: each head looks again. */
  onChecks(): void {
    const due = this.dueChecks;
    due.length = 0;
    this.checks.due(this.state, due);
    for (const queue of due) this.onHead(queue);
  }

  /**
   * Whether none of this model's events still in the clock (`clockEvents`) can move a
   * vehicle: each head event, in the clock or among the checks, is of an empty queue or
   * superseded (an earlier one was asked for, or its head was parked), and each admission
   * is of a link nobody waits for or superseded. Such an event changes nothing when it
   * comes but its own bookkeeping, so nothing left after it can either.
   */
  idle(): boolean {
    const tr = this.state;
    const { pendingTime, head, admitTime, waitFirst, queueCount } = tr;
    // Queues, then links' admissions, from where the last look found one still busy: a head
    // waiting on for bins (its checks come again and again) is found at once, not after
    // a walk over the network at every bin.
    const n = queueCount + tr.linkCount;
    for (let k = 0, i = this.busyAt; k < n; k++, i = i + 1 === n ? 0 : i + 1) {
      const l = i - queueCount;
      if (l < 0 ? pendingTime[i] !== Infinity && head[i] >= 0 : admitTime[l] !== Infinity && waitFirst[l] >= 0) {
        this.busyAt = i;
        return false;
      }
    }
    return true;
  }

  onAdmit(link: number): void {
    const tr = this.state;
    const now = tr.clock.now;
    // Scheduled to come last at its instant (scheduleAdmit), so every approach whose head is ready at it competes.
    if (tr.admitTime[link] !== now) return; // superseded
    tr.admitTime[link] = Infinity;
    if (tr.waitFirst[link] < 0) return;
    if (supplyTime(tr, link) > now) {
      scheduleAdmit(tr, link);
      return;
    }
    let chosen = this.pickApproach(link);
    if (chosen >= 0 && tr.head[chosen] < tr.unitVehicles) {
      chosen = this.longHeadTurn(link, chosen);
      if (chosen < 0) return;
    }
    if (chosen >= tr.firstDeparturePocket && this.chooseAgain && !this.stillChooses(chosen, link)) {
      // It left for another link: another approach may go at this instant. Nothing went, so
      // neither the pocket's tags nor the link's virtual time move: the pocket's next car
      // keeps the turn its predecessor gave up.
      scheduleAdmit(tr, link);
      return;
    }
    if (chosen >= 0) {
      this.served(chosen, link);
      const v = tr.head[chosen];
      const rest = tr.vNext[v];
      // The approach's next vehicle also waits for this link: it stays in the competition
      // (with the next tag) without a head event of its own, unless it must choose
      // again or could step aside into its link's turn pocket (onHead decides that).
      const stays = rest >= 0 && tr.vRoute[(rest << ROUTE_SHIFT) | ROUTE_CHOICE] === link && tr.vReady[rest] <= now;
      const parked = stays && tr.vRoute[(rest << ROUTE_SHIFT) | ROUTE_EPOCH] === tr.epoch && !(chosen < tr.linkCount && tr.hasPocket[chosen]);
      this.moveOn(chosen, link, !parked);
      // Taken from a queue waiting for it: with a capacity drop, the link holds its next entry longer.
      if (tr.dischargeHold > 0) tr.entryHold[link] += tr.dischargeHold * tr.unitsOf(v) * tr.headway[link];
      if (stays) joinWaitList(tr, chosen, link);
      if (parked) this.park(chosen);
    }
    // Every approach within its own headway is admitted when the first of them may go (scheduleAdmit).
    scheduleAdmit(tr, link);
  }

  /**
   * The approach that goes onto `link` when the one picked, `chosen`, has a head of several
   * car units: `chosen` itself when the link has room for it now. Otherwise the link keeps
   * the turn for it (holdFor) and nobody goes (−1), or, the link stopped, the approach whose
   * head fits that the node model puts first goes; with none, the link admits again when
   * the next approach may send its head.
   */
  private longHeadTurn(link: number, chosen: number): number {
    const tr = this.state;
    const room = supplyTime(tr, link, tr.vUnits[tr.head[chosen]]);
    if (room <= tr.clock.now) return chosen;
    if (this.holdFor(link, room)) return -1;
    const fitting = this.pickApproach(link, true);
    if (fitting < 0) this.admitAtNextGate(link);
    return fitting;
  }

  /**
   * The approach picked for `link` sends a vehicle of several car units, for which the link
   * has room only at `room` (later than now): the link keeps the turn for it and admits
   * again then (or at its next exit, while full), so cars of other approaches cannot take
   * the space as it frees and starve it. Not once the link has let nobody out for
   * `reconsiderSeconds` beyond its headway: its vehicles may wait on the very cars held
   * behind the bus (a ring), and the room would never come; vehicles that fit go then
   * (returns false).
   */
  private holdFor(link: number, room: number): boolean {
    const tr = this.state;
    // Beyond a headway: a link slower than one vehicle per `reconsiderSeconds` still moves.
    if (!(tr.clock.now - tr.lastExit[link] < this.reconsiderSeconds + tr.headway[link])) return false;
    if (room !== Infinity) admitAt(tr, link, room);
    return true;
  }

  /**
   * No head that fits `link` may go now, and the head that keeps the turn does not fit
   * (holdFor): the link admits again when the next approach may send its head (gateTime),
   * not now. Other changes ask for it sooner: an exit, an approach joining, a waiting check.
   */
  private admitAtNextGate(link: number): void {
    const tr = this.state;
    const now = tr.clock.now;
    let at = Infinity;
    for (let w = tr.waitFirst[link]; w >= 0; w = tr.waitNext[w]) {
      const gate = gateTime(tr, w);
      if (gate > now && gate < at) at = gate;
    }
    if (at !== Infinity) admitAt(tr, link, at);
  }

  /**
   * Whether the head of departure pocket `pocket`, admitted to `link`, still chooses it when
   * it chooses again as it can go; if not, it moves to the pocket of the link it chose now
   * (or, without one, decides at a head event of its own).
   */
  private stillChooses(pocket: number, link: number): boolean {
    const tr = this.state;
    const fresh = this.choice.atDeparture(tr.head[pocket], tr.endNode[pocket], link, tr.count[pocket] - 1);
    if (fresh === link) return true;
    if (fresh >= 0) this.depart(pocket, fresh);
    else scheduleHead(tr, pocket, tr.clock.now);
    return false;
  }

  /**
   * The new head of `queue` waits on at its stop line for the link its predecessor just
   * entered: it begins to wait when its own headway is spent (as a head event then would
   * have found), and is looked at again after `reconsiderSeconds` like any waiting head.
   */
  private park(queue: number): void {
    const tr = this.state;
    const now = tr.clock.now;
    tr.blockedSince[queue] = nextHeadTime(tr, queue);
    // Its predecessor's pending check is moot. The new one is asked from now, which keeps
    // the checks in time order (checks.ts); a head still waiting then asks again for the rest.
    tr.pendingTime[queue] = Infinity;
    const check = now + this.reconsiderSeconds;
    if (check !== Infinity) this.checks.ask(tr, queue, check);
  }

  /**
   * Self-clocked fair queueing over the approaches waiting on `link`, weighted by their
   * capacity: the lowest tag among the approaches that may send their head now goes (its
   * link let a vehicle out at least a headway ago), and the link's virtual time moves up to
   * it once the head goes (`served`). An approach that waits out its own headway keeps its tag, so a narrow road is not
   * starved by a wide one; each queued approach's tags advance by its own headway alone, so
   * queued approaches share what the others leave in proportion to their capacities.
   */
  private pickApproach(link: number, fits = false): number {
    const tr = this.state;
    const now = tr.clock.now;
    const tag = tr.tag;
    let best = -1;
    let bestTag = Infinity;
    for (let w = tr.waitFirst[link]; w >= 0; w = tr.waitNext[w]) {
      if (gateTime(tr, w) > now) continue;
      // `fits`: only approaches whose head the link has room for now.
      if (fits && supplyTime(tr, link, tr.unitsOf(tr.head[w])) > now) continue;
      const t = tag[w];
      if (t < bestTag || (t === bestTag && tr.tieRank[w] < tr.tieRank[best])) {
        best = w;
        bestTag = t;
      }
    }
    return best;
  }

  /** Approach `w`'s head, picked by `pickApproach`, goes onto `link`: its tag is spent, and the link's virtual time moves up to it. */
  private served(w: number, link: number): void {
    const tr = this.state;
    const t = tr.tag[w];
    tr.lastTag[w] = t;
    tr.tagLink[w] = link;
    if (t > tr.virtualTime[link]) tr.virtualTime[link] = t;
  }

  /**
   * Moves the head vehicle of `queue` onto `next`; leaving an origin queue is a departure.
   * `scheduleNext` false: the next head is parked, not given a head event.
   */
  private moveOn(queue: number, next: number, scheduleNext = true): void {
    const tr = this.state;
    const v = popHead(tr, queue, scheduleNext);
    if (tr.linkOf(queue) < 0) {
      if (this.chooseAgain) this.choice.departed(v, tr.endNode[queue], next);
      this.hooks.departed(v);
      if (tr.observer !== null) tr.observer.departed(v, tr.endNode[queue]);
    }
    this.enter(v, next);
  }
}
