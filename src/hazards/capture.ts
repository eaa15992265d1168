// Capture of a node: the settlements on it are lost with everyone still there
// (those who stayed and those not yet gone), the links touching it close for good
// with the vehicles on them, and the destinations on it stop taking people.
import { LogKind } from '../result.js';
import { FV_BOARDING, FV_IDLE, type SimState } from '../simulation/state.js';
import type { FleetPlan } from '../logistics/fleets.js';
import { loseFleetVehicle } from '../logistics/fleets.js';
import { closeDestination } from '../logistics/destinations.js';
import { leaveWaitList, wakeWaiters } from '../traffic/queue.js';
import { applyNetworkState } from './network-state.js';

/** People of told settlement `s` still there become trapped now. */
export function trapSettlement(sim: SimState, s: number): void {
  const now = sim.clock.now;
  const stayed = sim.demand.told[s] - sim.demand.complied[s];
  sim.log.add(now, LogKind.TrappedStayed, s, stayed);
  sim.log.add(now, LogKind.TrappedWaiting, s, sim.pending[s]);
  sim.pending[s] = 0;
  sim.fleetWaiting[s] = 0;
  sim.transitCursor[s] = sim.transitQueue[s].length;
  sim.transitTaken[s] = 0;
}

/** Removes every vehicle from queue `q`; people on real links are trapped in transit. */
function clearQueue(sim: SimState, plan: FleetPlan, q: number): void {
  const now = sim.clock.now;
  const real = q < sim.linkCount;
  for (let v = sim.head[q]; v >= 0; ) {
    const next = sim.vNext[v];
    if (v < sim.fleetVehicles) {
      loseFleetVehicle(sim, plan, v);
      sim.vLink[v] = -1;
    } else if (real && !sim.vShadow[v]) {
      sim.log.add(now, LogKind.TrappedInTransit, sim.vSettlement[v], sim.vPeople[v]);
    }
    sim.vNext[v] = -1;
    if (real) sim.onRoad--;
    else sim.atOrigin--;
    v = next;
  }
  sim.head[q] = -1;
  sim.tail[q] = -1;
  sim.count[q] = 0;
  sim.blockedSince[q] = NaN;
  leaveWaitList(sim, q);
  wakeWaiters(sim, q);
}

export function captureNode(sim: SimState, node: number): void {
  if (sim.nodeCaptured[node]) return;
  const now = sim.clock.now;
  const plan = sim.fleetPlan as FleetPlan;
  const net = sim.net;
  sim.nodeCaptured[node] = 1;
  for (let s = 0; s < sim.settlementNode.length; s++) {
    if (sim.settlementNode[s] !== node) continue;
    sim.captured[s] = 1;
    sim.capturedAt[s] = now;
    if (!Number.isNaN(sim.demand.orderTime[s]) && sim.demand.orderTime[s] <= now) trapSettlement(sim, s);
  }
  for (let k = sim.destStart[node]; k < sim.destStart[node + 1]; k++) closeDestination(sim, sim.destAt[k]);
  // Fleet vehicles parked or boarding on the node are lost with it.
  for (let v = 0; v < sim.vState.length; v++) {
    const parked = sim.vState[v] === FV_IDLE || sim.vState[v] === FV_BOARDING;
    if (parked && sim.vNode[v] === node && sim.vLink[v] < 0) loseFleetVehicle(sim, plan, v);
  }
  for (let k = net.outStart[node]; k < net.outStart[node + 1]; k++) sim.linkCaptured[net.outLinks[k]] = 1;
  for (let k = net.inStart[node]; k < net.inStart[node + 1]; k++) sim.linkCaptured[net.inLinks[k]] = 1;
  for (let l = 0; l < sim.linkCount; l++) if (sim.linkCaptured[l] && sim.head[l] >= 0) clearQueue(sim, plan, l);
  clearQueue(sim, plan, sim.originQueue(node, 0));
  clearQueue(sim, plan, sim.originQueue(node, 1));
  applyNetworkState(sim);
}
