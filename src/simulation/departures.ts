// Orders and departures. At an order's instant its settlements are told (and the
// non-compliant counted as staying); each household then becomes ready at its
// drawn instant: a car joins its origin's departure queue, a household without
// one waits at the pickup for a fleet. One pending event walks the households in
// order of readiness, so the event queue never holds one event per household.
import { LogKind } from '../result.js';
import { rng, type Random } from '../engine/rng.js';
import { EV_DEPARTURES } from '../engine/kinds.js';
import { ROUTE_SHIFT, ROUTE_TABLE, SET_ANY, SET_EXIT, SET_SHELTER } from '../traffic/state.js';
import { destinationTable } from '../traffic/tables.js';
import { markUnclaimed, wakeFleets } from '../logistics/fleets.js';
import type { Logistics } from '../logistics/state.js';
import { trapSettlement } from '../hazards/capture.js';

/** Tells the settlements of order `o`. */
export function onOrder(sim: Logistics, settlementsOf: number[][], o: number): void {
  const now = sim.clock.now;
  const { told, complied } = sim.demand;
  for (const s of settlementsOf[o]) {
    sim.log.add(now, LogKind.Told, s, told[s]);
    sim.log.add(now, LogKind.Stayed, s, told[s] - complied[s]);
    sim.pending[s] = complied[s];
    if (sim.captured[s]) trapSettlement(sim, s);
  }
}

/** Chooses whether a car heads for shelters, exits, or the nearest of either. */
export function carDestinationSet(shelterShare: number | null, random: Random): number {
  if (shelterShare === null) return SET_ANY;
  return random() < shelterShare ? SET_SHELTER : SET_EXIT;
}

/** Starts every household ready by now, then waits for the next one. */
export function onDepartures(sim: Logistics, choice: Random): void {
  const now = sim.clock.now;
  const d = sim.demand;
  let k = sim.departureCursor;
  for (; k < d.count && d.ready[k] <= now; k++) {
    const s = d.settlement[k];
    if (sim.captured[s]) continue;
    if (d.car[k]) {
      const v = sim.nextCar++;
      sim.vPeople[v] = d.people[k];
      sim.vSettlement[v] = s;
      sim.vShadow[v] = d.isShadow[k];
      sim.tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_TABLE] = destinationTable(0, carDestinationSet(sim.scenario.shelterShare, choice));
      if (d.isShadow[k]) sim.log.add(now, LogKind.ShadowDeparted, s, d.people[k]);
      sim.traffic.enter(v, sim.tr.originQueue(sim.settlementNode[s], 0));
    } else {
      sim.transitQueue[s].push(k);
      sim.fleetWaiting[s] += d.people[k];
      markUnclaimed(sim, s);
      sim.log.add(now, LogKind.ReadyForFleet, s, d.people[k]);
      wakeFleets(sim, sim.fleetPlan, s);
    }
  }
  sim.departureCursor = k;
  // First at its instant (simulate.ts): the heads reaching a merge then see the departing cars.
  if (k < d.count) sim.clock.scheduleFirst(d.ready[k], EV_DEPARTURES);
}

/**
 * Whether the departure event still in the clock (households remain from the cursor) can
 * start nobody: every household still to come is of a captured settlement, and a capture
 * lasts. Each household is looked at once over the run.
 */
export function nobodyLeftToDepart(sim: Logistics): boolean {
  const d = sim.demand;
  let k = Math.max(sim.departureCursor, sim.capturedUpTo);
  while (k < d.count && sim.captured[d.settlement[k]]) k++;
  sim.capturedUpTo = k;
  return k === d.count;
}

/** The stream that decides shelter-or-exit for cars, in order of departure. */
export function shelterChoiceStream(seed: number): Random {
  return rng(seed, 'shelter-choice');
}
