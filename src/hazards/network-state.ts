// Applies the hazards in force now to the links: closed links take no new
// vehicles, slowed links have speed and capacity × factor; weather, contraflow,
// control points and background traffic scale speed, capacity and storage each
// by its own factor. Routes are recomputed and every waiting head is woken, so
// vehicles reroute at their next node.
import { MODE_RAIL, MODE_ROAD } from '../network/compile.js';
import type { SimState } from '../simulation/state.js';
import { invalidateTables } from '../logistics/routes.js';
import { scheduleHead } from '../traffic/queue.js';
import { linkFactorsAt } from './plan.js';

export function applyNetworkState(sim: SimState): void {
  const plan = sim.hazardPlan;
  const net = sim.net;
  const now = sim.clock.now;
  const L = sim.linkCount;
  const factor = sim.linkFactor.fill(1);
  for (let l = 0; l < L; l++) sim.closed[l] = sim.linkCaptured[l];
  if (plan !== null) {
    for (const c of plan.closures) if (c.from <= now && now < c.until) for (const l of c.links) sim.closed[l] = 1;
    for (const s of plan.slowdowns) if (s.from <= now && now < s.until) for (const l of s.links) factor[l] *= s.factor;
  }
  // Weather, contraflow, control and background traffic: separate speed, capacity and storage factors.
  const measures = plan === null ? null : linkFactorsAt(plan, now, L);
  for (let l = 0; l < L; l++) {
    const speed = net.linkSpeed[l] * factor[l] * (measures === null ? 1 : measures.speed[l]);
    sim.freeTime[l] = net.linkLength[l] / speed;
    sim.headway[l] = 3600 / (net.linkCapacity[l] * factor[l] * (measures === null ? 1 : measures.capacity[l]));
    if (measures !== null) sim.storage[l] = Math.max(1, Math.round(net.linkStorage[l] * measures.storage[l]));
    const cost = sim.closed[l] ? Infinity : sim.freeTime[l];
    sim.roadCost[l] = net.linkMode[l] === MODE_ROAD ? cost : Infinity;
    sim.railCost[l] = net.linkMode[l] === MODE_RAIL ? cost : Infinity;
  }
  invalidateTables(sim);
  for (let q = 0; q < sim.queueCount; q++) {
    if (sim.waitingOn[q] >= 0 && sim.head[q] >= 0) scheduleHead(sim, q, now);
  }
}
