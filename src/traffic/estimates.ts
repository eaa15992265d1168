// Travel-time estimates for adaptive routing, like SUMO's rerouting device: every
// `periodSeconds` each road link's estimate becomes a smoothed mix of its last
// estimate and the time a vehicle reaching it one free-flow time from now would
// need (free-flow, or what is left then of the discharge of the vehicles on it and
// bound for it), and the destination trees are recomputed on the estimates when
// next asked — unless no estimate changed, as on a network at rest, where the trees
// would come out the same.
import type { TrafficState } from './state.js';
import { invalidateEstimateTables } from './tables.js';

export function refreshEstimates(tr: TrafficState): void {
  const alpha = tr.routing.smoothing;
  const estimate = tr.roadEstimate;
  let changed = false;
  for (let l = 0; l < tr.linkCount; l++) {
    const previous = estimate[l];
    let next: number;
    if (tr.roadCost[l] === Infinity) {
      next = Infinity;
    } else {
      // On the link (its turn pocket included) and bound for it, as linkEstimate counts,
      // for a vehicle that gets there one free-flow time of the link from now (the trees
      // price links for vehicles farther off than those at a choice): without that lead,
      // a road flowing freely at capacity, as many bound for it as on it, looked congested
      // to everyone behind.
      const discharge = (tr.entered[l] - tr.exited[l] + tr.bound[l]) * tr.headway[l] - tr.freeTime[l];
      const current = discharge > tr.freeTime[l] ? discharge : tr.freeTime[l];
      next = previous === Infinity || previous === 0 ? current : alpha * current + (1 - alpha) * previous;
    }
    if (next !== previous) {
      estimate[l] = next;
      changed = true;
    }
  }
  if (changed) invalidateEstimateTables(tr);
}
