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

/** Chooses whether a car heads for shelters or exits (`shelterShare` of them for shelters). */
export function carDestinationSet(shelterShare: number, random: Random): number {
  return random() < shelterShare ? SET_SHELTER : SET_EXIT;
}

/** Starts every household ready by now, then waits for the next one. */
export function onDepartures(sim: Logistics, choice: ShelterChoice): void {
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
      // Without a shelterShare, the nearest destination of any kind (and no draw).
      const share = sim.scenario.shelterShare;
      sim.tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_TABLE] = destinationTable(0, share === null ? SET_ANY : carDestinationSet(share, choice.of(s)));
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

/**
 * The streams that decide shelter-or-exit for cars, one per settlement
 * (`shelter-choice:<settlement>`), drawn in order of its cars' departures and made on the
 * first draw: listing the settlements in another order changes no car's choice.
 */
export class ShelterChoice {
  private readonly seed: number;
  private readonly ids: readonly string[];
  private readonly streams: (Random | undefined)[] = [];

  constructor(seed: number, ids: readonly string[]) {
    this.seed = seed;
    this.ids = ids;
  }

  /** The stream of settlement `s`. */
  of(s: number): Random {
    let stream = this.streams[s];
    if (stream === undefined) {
      stream = rng(this.seed, `shelter-choice:${this.ids[s]}`);
      this.streams[s] = stream;
    }
    return stream;
  }
}
