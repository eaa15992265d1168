// Applies the hazards in force now to the links: closed links take no new
// vehicles, slowed links have speed and capacity × factor (the speed also for the
// vehicles already on them), background traffic takes its flow from what is left. Routes are recomputed
// and every waiting head is woken, so vehicles reroute at their next node.
import { MODE_RAIL, MODE_ROAD } from '../network/compile.js';
import { carriedCapacity, triangleInForce } from '../network/carried.js';
import type { TrafficState } from '../traffic/state.js';
import { REROUTE_HAZARD } from '../traffic/state.js';
import { invalidateTables, invalidateTablesThrough } from '../traffic/tables.js';
import { refreshEstimates } from '../traffic/estimates.js';
import { headwayChanged, paceChanged, scheduleAdmit, wakeAllWaiting } from '../traffic/links.js';
import { leftByBackground, linkFactorsAt, type HazardPlan } from './plan.js';

/** The hazards of a run and what they have done to the network so far. */
export class Hazards {
  readonly plan: HazardPlan;
  readonly nodeCaptured: Uint8Array;
  readonly linkCaptured: Uint8Array;
  /** Scratch: each link's speed and capacity factor under the hazards in force. */
  readonly linkFactor: Float64Array;

  constructor(plan: HazardPlan, nodeCount: number, linkCount: number) {
    this.plan = plan;
    this.nodeCaptured = new Uint8Array(nodeCount);
    this.linkCaptured = new Uint8Array(linkCount);
    this.linkFactor = new Float64Array(linkCount);
  }
}

export function applyNetworkState(tr: TrafficState, hz: Hazards): void {
  const plan = hz.plan;
  const net = tr.net;
  const now = tr.clock.now;
  const L = tr.linkCount;
  const factor = hz.linkFactor.fill(1);
  for (let l = 0; l < L; l++) tr.closed[l] = hz.linkCaptured[l];
  for (const c of plan.closures) if (c.from <= now && now < c.until) for (const l of c.links) tr.closed[l] = 1;
  for (const s of plan.slowdowns) if (s.from <= now && now < s.until) for (const l of s.links) factor[l] *= s.factor;
  // Weather, contraflow, control and background traffic: separate speed, capacity and storage factors.
  const measures = linkFactorsAt(plan, now, L);
  // Links whose cost went to Infinity; any other change of a cost makes `onlyClosed` false.
  const newlyClosed: number[] = [];
  let onlyClosed = true;
  for (let l = 0; l < L; l++) {
    const speed = net.linkSpeed[l] * factor[l] * (measures === null ? 1 : measures.speed[l]);
    const free = net.linkLength[l] / speed;
    if (free !== tr.freeTime[l]) paceChanged(tr, l, free);
    if (measures !== null) setStorage(tr, l, net.linkJam[l] * measures.storage[l]);
    let capacity = carriedCapacity(net, l) * factor[l];
    // Background traffic takes its flow from what the other hazards leave.
    if (measures !== null) capacity = leftByBackground(capacity * measures.capacity[l], measures.background[l]);
    // Above the top of its triangle, the capacity in force takes the wave the triangle through it needs.
    const carried = triangleInForce(net, l, free, tr.jam[l], capacity);
    tr.waveTime[l] = carried.waveTime;
    const headway = 3600 / carried.capacity;
    if (headway !== tr.headway[l]) {
      tr.headway[l] = headway;
      headwayChanged(tr, l);
    }
    const cost = tr.closed[l] ? Infinity : tr.freeTime[l];
    const road = net.linkMode[l] === MODE_ROAD ? cost : Infinity;
    const rail = net.linkMode[l] === MODE_RAIL ? cost : Infinity;
    if (road !== tr.roadCost[l] || rail !== tr.railCost[l]) {
      if (cost === Infinity) newlyClosed.push(l);
      else onlyClosed = false;
    }
    tr.roadCost[l] = road;
    tr.railCost[l] = rail;
  }
  refreshEstimates(tr);
  // A capture or a closure only closes links: the route tables that did not use them stand.
  if (onlyClosed) invalidateTablesThrough(tr, newlyClosed);
  else invalidateTables(tr, REROUTE_HAZARD, false);
  // Every waiting head decides again; links that reopened or changed pace admit again.
  wakeAllWaiting(tr);
  for (const l of tr.linksByRank) if (tr.waitFirst[l] >= 0) scheduleAdmit(tr, l);
}

/** Link `l` holds `jam` vehicles at jam density from now (contraflow, lanes taken): never beyond its ring. */
function setStorage(tr: TrafficState, l: number, jam: number): void {
  const most = tr.ringSize[l] - 2;
  const capped = Math.min(Math.max(1, jam), most);
  tr.jam[l] = capped;
  tr.storage[l] = Math.floor(capped);
}

/** The largest storage factor any measure of `plan` ever gives a link (sizes the links' exit rings). */
export function largestStorageFactor(plan: HazardPlan): number {
  let most = 1;
  for (const c of plan.linkChanges) most = Math.max(most, c.storage);
  return most;
}
