// Next-hop tables of the route choice: for each destination set (any, shelters,
// exits; per mode) and for each pickup, the link to take next from every node,
// by reverse Dijkstra (network/routing.ts). Tables are recomputed lazily after
// the network, the open destinations or (adaptive routing) the travel-time
// estimates change, and after links close only those that routed over them; a
// pickup's table only as far as its vehicles need.
import { AT_DESTINATION, RouteSearch } from '../network/routing.js';
import {
  DESTINATION_TABLES, FIRST_PICKUP_TABLE, REROUTE_HAZARD, SET_ANY, TABLE_PARTIAL, TABLE_READY, TABLE_STALE,
  type TrafficState,
} from './state.js';

/** Target nodes of table `t`, filled into `out` (open destinations of its set, or its pickup). */
export type TableTargets = (t: number, out: number[]) => void;

/** Table id of destination set `kind` for `mode`. */
export function destinationTable(mode: number, kind: number): number {
  return mode * 3 + kind;
}

/** Table id of the pickup at settlement `s` for `mode`. */
export function pickupTable(s: number, mode: number): number {
  return FIRST_PICKUP_TABLE + 2 * s + mode;
}

/** Whether table `t` follows the congestion estimates: road destination tables under adaptive routing. */
export function followsEstimates(tr: TrafficState, t: number): boolean {
  return t < 3 && tr.congestionAware;
}

/**
 * Marks tables for recomputation after the network (`cause` REROUTE_HAZARD) or the
 * open destinations (REROUTE_SHELTER) changed; choices made before are checked again.
 */
export function invalidateTables(tr: TrafficState, cause: number, destinationsOnly: boolean): void {
  const end = destinationsOnly ? FIRST_PICKUP_TABLE : tr.tableState.length;
  tr.tableState.fill(TABLE_STALE, 0, end);
  // The open destinations changed: the destination tables' targets did.
  if (destinationsOnly) tr.targetsChanged.fill(1, 0, end);
  if (!destinationsOnly) tr.reachable.clear();
  tr.epoch++;
  tr.epochCause = cause;
}

/**
 * After a change of the network that only closed `closedLinks` (their costs went to
 * Infinity): logs them for the tables whose searches keep their own arrays, repaired when
 * next asked (repairTable), and marks for recomputation only those of the others (searches
 * on shared scratch arrays, as tests build them) whose search used one of them as some
 * node's next link, final or still tentative. A search that used none of them is, from
 * here on, step for step the search a restart would run: a closed link it relaxed was
 * bettered before its node was settled, and the order of the heap's keys never depended
 * on it. So it is kept, and a paused one goes on over the closed costs. A node whose
 * every link closed (a captured one) is dropped from a kept table instead: a restart
 * would never reach it, and a node routed through it used one of its closed links. A
 * table whose targets changed is marked by whoever changed them (a closed destination, a
 * captured pickup). Choices made before are checked again, as after any change of the
 * network.
 */
export function invalidateTablesThrough(tr: TrafficState, closedLinks: readonly number[]): void {
  const from = tr.net.linkFrom;
  // Tails of closed links now closed on every side (captured): looked up once, not per table.
  const cutOff = cutOffTails(tr, closedLinks);
  for (const l of closedLinks) tr.closedLog.push(l);
  for (let t = 0; t < tr.tableState.length; t++) {
    if (tr.tableState[t] === TABLE_STALE) continue;
    const search = tr.tables[t] as RouteSearch;
    // A search that keeps its own arrays (every table's in a run) is repaired when next asked (tableAt).
    if (search.repairable && !tr.freshSearches) continue;
    for (const l of closedLinks) {
      const node = from[l];
      if (search.next[node] !== l) continue;
      if (cutOff.includes(node)) {
        search.cutOff(node);
        continue;
      }
      tr.tableState[t] = TABLE_STALE;
      break;
    }
  }
  tr.reachable.clear();
  tr.epoch++;
  tr.epochCause = REROUTE_HAZARD;
}

/** The tails of `closedLinks` now closed on every side (captured), each once. */
function cutOffTails(tr: TrafficState, closedLinks: readonly number[]): number[] {
  const from = tr.net.linkFrom;
  return [...new Set(closedLinks.map((l) => from[l]))].filter((node) => cutOffOnEverySide(tr, node));
}

/**
 * Brings repairable table `t` up to date with the links closed since it was last (the
 * closed log from `repairedTo[t]`): its search takes back only the routes over them
 * (RouteSearch.repair), and a pickup's goes on from there when asked. Tables are repaired
 * when asked, not at each change: of a region's thousands of pickup tables, most are not
 * asked again before the next change, and several changes are repaired at once.
 */
function repairTable(tr: TrafficState, t: number): void {
  const closed = tr.closedLog.slice(tr.repairedTo[t]);
  tr.repairedTo[t] = tr.closedLog.length;
  const search = tr.tables[t] as RouteSearch;
  search.repair(closed);
  // A node cut off on every side (captured) is final at once; a target stays one (a capture of it marks the table).
  for (const node of cutOffTails(tr, closed)) if (search.next[node] !== AT_DESTINATION) search.cutOff(node);
  // Destination tables are read whole (distances beyond a node, every node's destination): completed at once.
  if (t < FIRST_PICKUP_TABLE) {
    search.finish();
    tr.builtCost[t]?.set(search.costs);
  }
  tr.tableState[t] = search.done ? TABLE_READY : TABLE_PARTIAL;
}

/**
 * Destination table `t`, complete and with the same targets, brought up to date with the
 * link costs now in force (after a refresh of the estimates or a change of the network):
 * its search is updated from the costs it was built on (RouteSearch.update), which gives
 * the table a fresh search would.
 */
function updateTable(tr: TrafficState, t: number): RouteSearch {
  const search = tr.tables[t] as RouteSearch;
  const built = tr.builtCost[t] as Float64Array;
  search.update(built);
  built.set(search.costs);
  tr.repairedTo[t] = tr.closedLog.length;
  tr.tableState[t] = TABLE_READY;
  return search;
}

/** Whether every link into and out of `node` is closed. */
function cutOffOnEverySide(tr: TrafficState, node: number): boolean {
  const { outStart, outLinks, inStart, inLinks } = tr.net;
  for (let k = outStart[node]; k < outStart[node + 1]; k++) if (!tr.closed[outLinks[k]]) return false;
  for (let k = inStart[node]; k < inStart[node + 1]; k++) if (!tr.closed[inLinks[k]]) return false;
  return true;
}

/** Marks the pickup tables of settlement `s` for recomputation: its pickup is no longer a target (captured). */
export function invalidatePickupTables(tr: TrafficState, s: number): void {
  tr.tableState[pickupTable(s, 0)] = TABLE_STALE;
  tr.tableState[pickupTable(s, 1)] = TABLE_STALE;
}

/** Marks the tables that follow the estimates for recomputation (a periodic refresh; choices stand). */
export function invalidateEstimateTables(tr: TrafficState): void {
  for (let t = 0; t < 3; t++) tr.tableState[t] = TABLE_STALE;
}

function restart(tr: TrafficState, targetsOf: TableTargets, t: number): RouteSearch {
  const targets: number[] = [];
  // Free-flow twins of destination tables lead to the same sets.
  targetsOf(t >= DESTINATION_TABLES && t < FIRST_PICKUP_TABLE ? t - DESTINATION_TABLES : t, targets);
  const mode = t < FIRST_PICKUP_TABLE ? Math.floor((t % DESTINATION_TABLES) / 3) : (t - FIRST_PICKUP_TABLE) & 1;
  let search = tr.tables[t];
  if (search === null) {
    // Every search keeps its own arrays, so after links close it is repaired, not searched
    // afresh (repairTable); the pickups' searches are held within a budget (pickup-searches.ts).
    // The tables vehicles follow to destinations keep each node's destination (a change counts as a reroute).
    const root = t < DESTINATION_TABLES ? new Int32Array(tr.net.nodeCount) : null;
    if (t >= FIRST_PICKUP_TABLE) search = tr.pickupSearches.take(t - FIRST_PICKUP_TABLE, (p) => giveUpSearch(tr, p));
    else search = new RouteSearch(tr.net, undefined, undefined, undefined, undefined, root, true);
    tr.tables[t] = search;
  }
  const cost = followsEstimates(tr, t) ? tr.treeCost : mode === 1 ? tr.railCost : tr.roadCost;
  search.start(targets, cost);
  tr.repairedTo[t] = tr.closedLog.length;
  tr.targetsChanged[t] = 0;
  if (t < FIRST_PICKUP_TABLE) {
    search.finish();
    tr.builtCost[t] ??= new Float64Array(tr.linkCount);
    tr.builtCost[t].set(cost);
  }
  tr.tableState[t] = search.done ? TABLE_READY : TABLE_PARTIAL;
  return search;
}

/** Pickup table `p` gives up its search to another: it is searched afresh when next asked. */
function giveUpSearch(tr: TrafficState, p: number): RouteSearch {
  const t = FIRST_PICKUP_TABLE + p;
  const search = tr.tables[t] as RouteSearch;
  tr.tables[t] = null;
  tr.tableState[t] = TABLE_STALE;
  return search;
}

/** The table `t`, searched at least as far as `node` (recomputed when stale). */
export function tableAt(tr: TrafficState, targetsOf: TableTargets, t: number, node: number): RouteSearch {
  if (t >= FIRST_PICKUP_TABLE && tr.tables[t] !== null) tr.pickupSearches.touch(t - FIRST_PICKUP_TABLE);
  if (tr.repairedTo[t] !== tr.closedLog.length && tr.tableState[t] !== TABLE_STALE && (tr.tables[t] as RouteSearch).repairable && !tr.freshSearches) repairTable(tr, t);
  const state = tr.tableState[t];
  if (state === TABLE_READY) return tr.tables[t] as RouteSearch;
  const search = state !== TABLE_STALE
    ? (tr.tables[t] as RouteSearch)
    : t < FIRST_PICKUP_TABLE && tr.tables[t] !== null && tr.targetsChanged[t] === 0 && tr.builtCost[t] !== null && !tr.freshSearches
      ? updateTable(tr, t)
      : restart(tr, targetsOf, t);
  search.hop(node);
  if (search.done) tr.tableState[t] = TABLE_READY;
  return search;
}

/** The next link at `node` in table `t` (a link, AT_DESTINATION or NO_ROUTE). */
export function nextHop(tr: TrafficState, targetsOf: TableTargets, t: number, node: number): number {
  return tableAt(tr, targetsOf, t, node).next[node];
}

/**
 * Whether `link`, out of `node`, lies on a shortest route of table `t` (a free-flow twin,
 * searched in full): the table's own hop, or any link whose free-flow time and the
 * table's distance beyond it add up to the node's distance, within a billionth (sums
 * of the same times in another order differ in their last bits). Of equally short
 * routes the table keeps one; a vehicle that takes another has made no detour.
 */
export function onFreeFlowRoute(tr: TrafficState, targetsOf: TableTargets, t: number, node: number, link: number): boolean {
  const table = tableAt(tr, targetsOf, t, node);
  if (table.next[node] === link) return true;
  const dist = table.dist;
  return tr.roadCost[link] + dist[tr.net.linkTo[link]] <= dist[node] * (1 + 1e-9);
}

/** The table a vehicle bound for shelters only (or exits only) falls back to when none is reachable. */
export function fallbackTable(t: number): number {
  return t < DESTINATION_TABLES && t % 3 !== SET_ANY ? t - (t % 3) : -1;
}
