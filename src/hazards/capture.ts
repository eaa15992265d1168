// Capture of a node: the settlements on it are lost with everyone still there
// (those who stayed and those not yet gone), the links touching it close for good
// with the vehicles on them, and the destinations on it stop taking people.
import { LogKind } from '../result.js';
import { FV_BOARDING, FV_IDLE, type FleetPlan, type Logistics } from '../logistics/state.js';
import { loseFleetVehicle, markUnclaimed } from '../logistics/fleets.js';
import { closeDestination } from '../logistics/destinations.js';
import { clearQueue } from '../traffic/links.js';
import { REROUTE_HAZARD } from '../traffic/state.js';
import { invalidatePickupTables } from '../traffic/tables.js';
import { applyNetworkState, type Hazards } from './network-state.js';

/** People of told settlement `s` still there become trapped now. */
export function trapSettlement(sim: Logistics, s: number): void {
  const now = sim.clock.now;
  const stayed = sim.demand.told[s] - sim.demand.complied[s];
  sim.log.add(now, LogKind.TrappedStayed, s, stayed);
  sim.log.add(now, LogKind.TrappedWaiting, s, sim.pending[s]);
  sim.pending[s] = 0;
  sim.fleetWaiting[s] = 0;
  sim.transitCursor[s] = sim.transitQueue[s].length;
  sim.transitTaken[s] = 0;
}

/**
 * Removes every vehicle from queue `q`; people on real links are trapped in transit, and so
 * are those of a car that departed into a full shelter on its own node and waits in its
 * departure queue with the rest (the others there are still waiting: trapSettlement counts them).
 */
function clearLostQueue(sim: Logistics, plan: FleetPlan, q: number): void {
  const now = sim.clock.now;
  const real = sim.tr.linkOf(q) >= 0;
  clearQueue(sim.tr, q, (v) => {
    if (v < sim.fleetVehicles) loseFleetVehicle(sim, plan, v);
    else if ((real || sim.vDeparted[v]) && !sim.vShadow[v]) sim.log.add(now, LogKind.TrappedInTransit, sim.vSettlement[v], sim.vPeople[v]);
  });
}

export function captureNode(sim: Logistics, hz: Hazards, node: number): void {
  if (hz.nodeCaptured[node]) return;
  const now = sim.clock.now;
  const plan = sim.fleetPlan;
  const net = sim.net;
  hz.nodeCaptured[node] = 1;
  for (let s = 0; s < sim.settlementNode.length; s++) {
    if (sim.settlementNode[s] !== node) continue;
    sim.captured[s] = 1;
    sim.capturedAt[s] = now;
    invalidatePickupTables(sim.tr, s);
    if (!Number.isNaN(sim.demand.orderTime[s]) && sim.demand.orderTime[s] <= now) trapSettlement(sim, s);
    markUnclaimed(sim, s);
  }
  for (let k = sim.destStart[node]; k < sim.destStart[node + 1]; k++) {
    sim.destCapturedAt[sim.destAt[k]] = now;
    closeDestination(sim, sim.destAt[k], REROUTE_HAZARD);
  }
  // Fleet vehicles parked or boarding on the node are lost with it.
  for (let v = 0; v < sim.vState.length; v++) {
    const parked = sim.vState[v] === FV_IDLE || sim.vState[v] === FV_BOARDING;
    if (parked && sim.vNode[v] === node && sim.tr.vLink[v] < 0) loseFleetVehicle(sim, plan, v);
  }
  for (let k = net.outStart[node]; k < net.outStart[node + 1]; k++) hz.linkCaptured[net.outLinks[k]] = 1;
  for (let k = net.inStart[node]; k < net.inStart[node + 1]; k++) hz.linkCaptured[net.inLinks[k]] = 1;
  const tr = sim.tr;
  // In the order of link ids: the vehicles lost and the waiters woken, not the listing, order what follows.
  for (const l of tr.linksByRank) {
    if (!hz.linkCaptured[l]) continue;
    if (tr.head[l] >= 0) clearLostQueue(sim, plan, l);
    const [first, end] = tr.pocketsOf(l);
    for (let pocket = first; pocket < end; pocket++) if (tr.head[pocket] >= 0) clearLostQueue(sim, plan, pocket);
  }
  clearLostQueue(sim, plan, tr.originQueue(node, 0));
  clearLostQueue(sim, plan, tr.originQueue(node, 1));
  // Departure pockets in the order of their links' ids, not of the roads' listing.
  const out = Array.from(net.outLinks.subarray(net.outStart[node], net.outStart[node + 1])).sort((a, b) => net.linkRank[a] - net.linkRank[b]);
  for (const l of out) clearLostQueue(sim, plan, tr.departurePocket(l));
  applyNetworkState(sim.tr, hz);
}
