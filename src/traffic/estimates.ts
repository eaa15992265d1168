// Travel-time estimates for adaptive routing, like SUMO's rerouting device: every
// `periodSeconds` each road link's estimate becomes a smoothed mix of its last
// estimate and the time a vehicle would need that reaches it as early as a vehicle
// pricing it on the trees can (free-flow, what is left then of the discharge of the
// vehicles on it and bound for it, or the entry after those bound for it, one headway
// apart, then free-flow), and the destination trees are recomputed on
// the estimates (under equilibrium routing, with the errors learned in earlier runs
// added: `treeCost`) when next asked — unless no tree cost changed, as on a network
// at rest, where the trees would come out the same.
import type { TrafficState } from './state.js';
import { invalidateEstimateTables } from './tables.js';
import { linkEstimate } from './choice.js';

export function refreshEstimates(tr: TrafficState): void {
  const alpha = tr.routing.smoothing;
  const estimate = tr.roadEstimate;
  const treeCost = tr.treeCost;
  const lead = leadsIntoNodes(tr);
  const linkFrom = tr.net.linkFrom;
  // Equilibrium routing: the trees carry the errors learned for choices made now, so a
  // queue links past a fork is learned at the fork too, not only where the way goes on.
  const learned = tr.learned;
  const now = tr.clock.now;
  let changed = false;
  for (let l = 0; l < tr.linkCount; l++) {
    const previous = estimate[l];
    const into = lead[linkFrom[l]];
    const ahead = into === Infinity ? 0 : into;
    let next: number;
    if (tr.roadCost[l] === Infinity) {
      next = Infinity;
    } else {
      // On the link (its turn pocket included) and bound for it, as linkEstimate counts,
      // for a vehicle that gets there as early as any vehicle pricing the link on the trees
      // can: a choice looks up the trees beyond the link it chooses, so that vehicle is at
      // least one road into the link's start away. Without that lead, a road flowing freely
      // at capacity, as many bound for it as on it, looked congested to everyone behind.
      // And no entry before the vehicles bound for it, one headway apart after the last
      // entry: a road still filling has no exits yet to discharge (linkEstimate's fill bound).
      const current = linkEstimate(tr, l, ahead, 0);
      next = previous === Infinity || previous === 0 ? current : alpha * current + (1 - alpha) * previous;
    }
    estimate[l] = next;
    let cost = next;
    const error = learned === null ? 0 : learned.correction[learned.rowAt(now) + l];
    if (error !== 0 && next !== Infinity) {
      // Never below the free-flow time: a learned error can be negative, and the trees' search takes no negative cost.
      cost = next + error > tr.freeTime[l] ? next + error : tr.freeTime[l];
    }
    if (cost !== treeCost[l]) {
      treeCost[l] = cost;
      changed = true;
    }
  }
  if (changed) invalidateEstimateTables(tr);
}

/**
 * Per node, the shortest free-flow time (under the hazards in force) of an open road
 * into it; Infinity where none leads in. In `tr.nodeLead`, rewritten at every call.
 */
function leadsIntoNodes(tr: TrafficState): Float64Array {
  const lead = tr.nodeLead.fill(Infinity);
  const linkTo = tr.net.linkTo;
  for (let l = 0; l < tr.linkCount; l++) {
    if (tr.roadCost[l] === Infinity) continue;
    const n = linkTo[l];
    if (tr.freeTime[l] < lead[n]) lead[n] = tr.freeTime[l];
  }
  return lead;
}
