// Route and destination choice. A vehicle chooses the link it will take at the
// end of its current link as it enters it (so the queue it will join is known
// ahead: `bound` counts the vehicles committed to each link), and checks the
// choice again at the head when the network or the open destinations changed (not
// counting then the vehicles queued behind it: bound.ts).
//
// - free-flow: the next hop of the shortest free-flow-time route (under the
//   hazards in force) to the nearest destination of the vehicle's set.
// - adaptive: among the links out of the node that lead closer to a destination
//   on the estimated travel times (the tree's own hop included), the one with the
//   least `estimate(link) + D(link's end)`, where estimate(link) counts the
//   vehicles on it and bound for it (see `linkEstimate`) and D comes from trees on
//   smoothed estimates refreshed every `periodSeconds` (estimates.ts).
// - equilibrium: adaptive, with each link estimate corrected by the error it was
//   found to have, per time bin, over earlier runs (equilibrium.ts).
import { AT_DESTINATION, NO_ROUTE, type RouteSearch } from '../network/routing.js';
import {
  DESTINATION_BITS, DESTINATION_MASK, DESTINATION_TABLES, NO_CHOICE, REROUTE_CONGESTION, ROUTE_CHOICE, ROUTE_EPOCH,
  ROUTE_SHIFT, ROUTE_STATUS, ROUTE_TABLE, type TrafficState,
} from './state.js';
import { fallbackTable, followsEstimates, onFreeFlowRoute, tableAt, type TableTargets } from './tables.js';
import { lastEntrySlot, supplyTime } from './links.js';
import { restoreFollowers, unitsBehind, withholdFollowers } from './bound.js';
import type { EquilibriumRun } from './equilibrium.js';

/**
 * Expected seconds from entering `link` to leaving it, for a vehicle that reaches it
 * `lead` seconds from now: the latest of three lower bounds of its exit, less `lead`.
 * - Free-flow: `lead` + L/v.
 * - Discharge: what is left then of the discharge of those ahead: every vehicle on the
 *   link (its turn pocket's too, which leave through the same exit, one headway apart)
 *   and every vehicle bound for it, so its exit is (ahead + `own`) headways from now at the
 *   soonest (`own` 0 for the trees' estimates, which price the link for no vehicle in
 *   particular: estimates.ts). Without the lead, vehicles moving at capacity flow, which
 *   will have left by the time it arrives, count as a queue.
 * - Fill: the link's upstream end takes one vehicle a headway h. `bound` counts those
 *   committed to the link and not yet on it, all taken to enter before this vehicle, as
 *   the discharge bound takes them (the vehicle is not among them: a choice releases its
 *   own commitment first, and a head's followers are withheld), so its own entry comes
 *   no sooner than max(now + lead, lastEntry + (bound + 1)·h), and its exit no sooner
 *   than that + L/v. With a capacity drop d, each of those `bound` entries comes from a
 *   queue and adds h·d/(1 − d): the queue enters at C·(1 − d), as it will. While a road
 *   is still filling its cars have not begun to leave, and the discharge bound alone is
 *   far too low: of 300 cars at a fork before a 10 min, 600 veh/h road, the 120th saw
 *   660 s on it where it needed about 1,194 s.
 */
export function linkEstimate(tr: TrafficState, link: number, lead = 0, own = 1): number {
  const h = tr.headway[link];
  const free = tr.freeTime[link];
  const discharge = (tr.entered[link] - tr.exited[link] + tr.bound[link] + own) * h - lead;
  // Never entered: lastEntry is −Infinity and the bound says nothing (NaN under an
  // infinite headway, which the comparison drops). With a capacity drop each vehicle bound
  // for it is taken from a queue waiting for it and holds the next entry longer (onAdmit).
  const bound = tr.bound[link];
  const held = tr.dischargeHold > 0 ? bound * tr.dischargeHold * h : 0;
  const fill = lastEntrySlot(tr, link) + (bound + 1) * h + held - tr.clock.now - lead + free;
  const queued = fill > discharge ? fill : discharge;
  return queued > free ? queued : free;
}

/** Counts vehicle `v` as rerouted for `cause` (once per vehicle and cause). */
export function markRerouted(tr: TrafficState, v: number, cause: number): void {
  const status = tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_STATUS];
  const had = status >>> DESTINATION_BITS;
  if (had & cause) return;
  if (had === 0) tr.rerouted++;
  tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_STATUS] = status | (cause << DESTINATION_BITS);
  if (cause === 1) tr.reroutedBy.fullShelter++;
  else if (cause === 2) tr.reroutedBy.hazard++;
  else tr.reroutedBy.congestion++;
}

export class RouteChoice {
  readonly tr: TrafficState;
  readonly targetsOf: TableTargets;
  equilibrium: EquilibriumRun | null = null;

  constructor(tr: TrafficState, targetsOf: TableTargets) {
    this.tr = tr;
    this.targetsOf = targetsOf;
  }

  /**
   * The next link of vehicle `v` at `node`: a link index, AT_DESTINATION or NO_ROUTE.
   * `avoid`: a full link the vehicle has waited too long for; another is taken if any leads on.
   * `departing`: the vehicle is still in its town, where its first link is not final until
   * it leaves (a congestion reroute is counted then: `departed`).
   */
  choose(v: number, node: number, avoid = -1, departing = false): number {
    const tr = this.tr;
    let t = tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_TABLE];
    let table = tableAt(tr, this.targetsOf, t, node);
    let next = table.next[node];
    const fallback = next === NO_ROUTE ? fallbackTable(t) : -1;
    if (fallback >= 0) {
      t = fallback;
      tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_TABLE] = t;
      table = tableAt(tr, this.targetsOf, t, node);
      next = table.next[node];
    }
    if (next < 0 || !followsEstimates(tr, t)) return next;
    // Equilibrium routing starts from the adaptive choice where it has learned nothing yet.
    // Seconds until the vehicle reaches `node`: the rest of its free-flow time on its link.
    const lead = tr.vReady[v] > tr.clock.now ? tr.vReady[v] - tr.clock.now : 0;
    const choice = this.adaptive(table.dist, node, next, avoid, lead);
    if (this.equilibrium !== null) this.equilibrium.chose(v, choice, linkEstimate(tr, choice, lead));
    // Off every shortest free-flow route because of the queues: counted as a congestion reroute
    // (once per vehicle, so the free-flow table is looked at only until it is). One of two
    // equally short routes is no detour, whichever the free-flow table keeps.
    if (!departing) this.countDetour(v, t, node, choice);
    return choice;
  }

  /** Counts `v` as a congestion reroute once it takes `link` at `node` off every shortest free-flow route of table `t`. */
  private countDetour(v: number, t: number, node: number, link: number): void {
    const tr = this.tr;
    if (((tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_STATUS] >>> DESTINATION_BITS) & REROUTE_CONGESTION) === 0 && !onFreeFlowRoute(tr, this.targetsOf, t + DESTINATION_TABLES, node, link)) {
      markRerouted(tr, v, REROUTE_CONGESTION);
    }
  }

  /** Vehicle `v` leaves its town at `node` onto `link`, its first link now final: a detour counts now. */
  departed(v: number, node: number, link: number): void {
    const t = this.tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_TABLE];
    if (followsEstimates(this.tr, t)) this.countDetour(v, t, node, link);
  }

  /** The adaptive choice at `node` on the table's distances `dist`, from the table's own hop. */
  private adaptive(dist: Float64Array, node: number, hop: number, avoid: number, lead: number): number {
    const tr = this.tr;
    const { outStart, outLinks, linkTo, linkRank } = tr.net;
    const outTo = tr.outTo;
    const here = dist[node];
    let best = hop === avoid ? -1 : hop;
    const eq = this.equilibrium;
    let bestCost = best < 0 ? Infinity : linkEstimate(tr, hop, lead) + (eq !== null ? eq.correction(hop) : 0) + dist[linkTo[hop]];
    for (let k = outStart[node], end = outStart[node + 1]; k < end; k++) {
      const beyond = dist[outTo[k]];
      // Only links that lead closer on the trees (no loops between two refreshes),
      // unless the way on is blocked: then any link that still leads somewhere (a detour).
      if (!(beyond < (avoid < 0 ? here : Infinity))) continue;
      const link = outLinks[k];
      if (link === hop || link === avoid || tr.roadEstimate[link] === Infinity) continue;
      const cost = linkEstimate(tr, link, lead) + (eq !== null ? eq.correction(link) : 0) + beyond;
      // Ties stay with the tree's hop; between two others, the link whose id sorts first (not the one listed first).
      if (cost < bestCost || (cost === bestCost && best !== hop && linkRank[link] < linkRank[best])) {
        best = link;
        bestCost = cost;
      }
    }
    return best >= 0 ? best : hop;
  }

  /**
   * Records `choice`, made at `node`, as vehicle `v`'s next link, and the destination it
   * leads to. A new destination counts as a reroute: for the change that closed the old
   * one when it is no longer a destination of the vehicle's set (a full shelter, a
   * capture; else the latest change of the network or the open destinations, as when a
   * hazard cut it off), else for `cause` unless that is the queues (then `choose` counts it
   * where it leaves every shortest free-flow route). Returns whether it counted a new destination.
   */
  commit(v: number, choice: number, node: number, cause: number): boolean {
    const tr = this.tr;
    const r = v << ROUTE_SHIFT;
    tr.vRoute[r | ROUTE_CHOICE] = choice;
    tr.vRoute[r | ROUTE_EPOCH] = tr.epoch;
    if (choice >= 0) tr.bound[choice] += tr.unitsOf(v);
    const t = tr.vRoute[r | ROUTE_TABLE];
    const status = tr.vRoute[r | ROUTE_STATUS];
    if (t >= DESTINATION_TABLES) {
      tr.vRoute[r | ROUTE_STATUS] = status & ~DESTINATION_MASK; // bound for a pickup
      return false;
    }
    // Without a route a vehicle keeps its destination: a route found again to another counts.
    if (choice === NO_ROUTE) return false;
    const table = tr.tables[t] as RouteSearch;
    const destination = choice === AT_DESTINATION ? node : (table.root as Int32Array)[tr.net.linkTo[choice]];
    if (destination < 0) return false;
    const was = (status & DESTINATION_MASK) - 1;
    tr.vRoute[r | ROUTE_STATUS] = (status & ~DESTINATION_MASK) | (destination + 1);
    if (was < 0 || destination === was) return false;
    // An old destination that closed counts for the change that closed it (later ones may have come since).
    const closedBy = table.next[was] === AT_DESTINATION ? cause : tr.destinationClosedBy[was];
    const why = closedBy !== 0 ? closedBy : tr.epochCause;
    // Another destination for the queues, the old one still open and the network unchanged,
    // is no detour in itself: the trees an earlier choice read may have pointed elsewhere
    // than the car went. It counts where the car leaves every shortest free-flow route
    // (`choose`), as when both ways end at one destination.
    if (why === REROUTE_CONGESTION) return false;
    markRerouted(tr, v, why);
    return true;
  }

  /** Forgets vehicle `v`'s choice (it entered the link, or will choose again). */
  release(v: number): void {
    const tr = this.tr;
    const choice = tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_CHOICE];
    if (choice >= 0) tr.bound[choice] -= tr.unitsOf(v);
    tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_CHOICE] = NO_CHOICE;
  }

  /** Chooses the next link of `v` as it enters a queue ending at `node` (`departing`: its town's origin queue). */
  onEnter(v: number, node: number, departing = false): void {
    const tr = this.tr;
    // A destination changed since the last choice: by the network's change, if any, else by the queues.
    const cause = tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_EPOCH] === tr.epoch ? REROUTE_CONGESTION : tr.epochCause;
    this.release(v);
    this.commit(v, this.choose(v, node, -1, departing), node, cause);
  }

  /**
   * The choice, made again, of vehicle `v` at the head of the departure pocket of `link`
   * at `node` (its town), as it may enter that link: the `followers` queued behind it, all
   * bound for `link`, are not counted ahead of it (their car units, when a fleet's vehicles
   * may be among them). A car that waited in its town sees the
   * queues as they are when it can go, not as they were when it became ready.
   */
  atDeparture(v: number, node: number, link: number, followers: number): number {
    const tr = this.tr;
    this.release(v);
    const behind = tr.unitVehicles === 0 ? followers : unitsBehind(tr, v);
    tr.bound[link] -= behind;
    const choice = this.choose(v, node, -1, true);
    tr.bound[link] += behind;
    // Another first link before it has left is no reroute: it counts as one if it leaves the free-flow routes (departed).
    this.commit(v, choice, node, REROUTE_CONGESTION);
    return choice;
  }

  /**
   * The choice of head vehicle `v` at `node`: the one made on entry while the
   * network and destinations are unchanged; else (or when `reconsider`) chosen again.
   */
  atHead(v: number, node: number, cause: number, reconsider: boolean, departing = false): number {
    const tr = this.tr;
    const old = tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_CHOICE];
    if (!reconsider && old !== NO_CHOICE && tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_EPOCH] === tr.epoch && (old < 0 || !tr.closed[old])) return old;
    // A head that waited too long for a full link looks for a detour around it.
    const avoid = reconsider && old >= 0 && supplyTime(tr, old) === Infinity ? old : -1;
    this.release(v);
    // Under the free-flow mode the counts play no part: no walk down the queue.
    const counts = tr.congestionAware;
    if (counts) withholdFollowers(tr, v);
    const choice = this.choose(v, node, avoid, departing);
    if (counts) restoreFollowers(tr, v);
    // Another link than the one chosen before is a new route. Losing every route, or finding
    // again the one lost, is a wait for want of a route (noRouteWaits), not a reroute; a
    // new destination counts in commit.
    const lost = old === NO_ROUTE ? tr.vLost[v] : -1;
    const before = lost >= 0 && tr.net.linkFrom[lost] === node ? lost : old;
    if (choice === NO_ROUTE && old >= 0) tr.vLost[v] = old;
    // A new route to a new destination counts once, for the destination's cause (commit).
    // Another first link taken for the queues while the car is still in its town is no
    // reroute: it counts once the car leaves on it, if that is off the free-flow routes
    // (`departed`), as when it changes its first link at its pocket's head (`atDeparture`).
    const forQueuesInTown = departing && cause === REROUTE_CONGESTION;
    if (!this.commit(v, choice, node, cause) && !forQueuesInTown && before >= 0 && choice >= 0 && choice !== before) markRerouted(tr, v, cause);
    return choice;
  }
}
