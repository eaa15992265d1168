// Travel-time estimates for adaptive routing, like SUMO's rerouting device: every
// `periodSeconds` each road link's estimate becomes a smoothed mix of its last
// estimate and the time a vehicle entering now would need (free-flow, or the
// discharge of the vehicles on it and bound for it), and the destination trees
// are recomputed on the estimates when next asked.
import type { TrafficState } from './state.js';
import { invalidateEstimateTables } from './tables.js';

export function refreshEstimates(tr: TrafficState): void {
  const alpha = tr.routing.smoothing;
  const estimate = tr.roadEstimate;
  for (let l = 0; l < tr.linkCount; l++) {
    if (tr.roadCost[l] === Infinity) {
      estimate[l] = Infinity;
      continue;
    }
    const discharge = (tr.count[l] + tr.bound[l]) * tr.headway[l];
    const current = discharge > tr.freeTime[l] ? discharge : tr.freeTime[l];
    const previous = estimate[l];
    estimate[l] = previous === Infinity || previous === 0 ? current : alpha * current + (1 - alpha) * previous;
  }
  invalidateEstimateTables(tr);
}
