// Evacuation time estimates of one run: for each zone and group, the time from
// the zone's own order (its first Told row) until 50, 90, 95 and 100 % of the
// people who could leave had reached their end point: a destination (shelter or
// exit), or the first node outside the zone (NUREG/CR-7002's definition); and
// beside them the trip generation, when the compliant people were ready to set out.

import { InputError } from '../errors.js';
import { carPeople } from '../demand/households.js';
import { travelOf } from '../demand/household-params.js';
import { settlementOrderTimes } from '../report/clearance.js';
import { LogKind, type SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { areaExitTimes, matchTrips, type Trips, type Visits } from './trips.js';
import type { Zone } from './zones.js';
import { eteGroups, facilityIndex, memberOf, type EteGroup } from './groups.js';
import { endEvents, groupCars, groupPeople, reach, type EndEvents } from './end-events.js';
import type { EteTimes } from './percents.js';
import { zoneReadyEvents } from './trip-generation.js';
import { runDemand } from '../demand/run-demand.js';
import type { Demand } from '../demand/households.js';

/** Where an evacuee's time stops: at a shelter or exit, or on leaving the zone. */
export type EteEnd = 'destination' | 'zone';

export { ETE_PERCENTS, type EtePercent, type EteTimes } from './percents.js';

/** One zone × group of one run. Times are seconds after `orderAt`; null when never reached. */
export interface EteRow extends EteTimes {
  zone: string;
  group: EteGroup;
  /** People told to leave (the whole group's share of them for car and transit-dependent). */
  told: number;
  /**
   * People living in the zone: its settlements' population, every group's, told or not
   * (0 where no settlement lies in it or nobody lives in those that do).
   */
  zonePopulation: number;
  /** People told who chose to leave (people + trapped). */
  complied: number;
  /** Compliant people who could leave: complied minus trapped. The base of the percentages. */
  people: number;
  /** Compliant people captured before reaching safety (counted apart). */
  trapped: number;
  /** Seconds from the scenario start of the zone's first order; null when no order reached it. */
  orderAt: number | null;
  /**
   * Compliant people not captured before they were ready to set out: the base of the trip
   * generation (people + those trapped once ready, on the road or before they could leave).
   */
  readyPeople: number;
  /**
   * Cars of `readyPeople`: one per household that drives its own car (the car and all
   * rows; 0 for the groups fleets carry). The vehicle demand an ETE study tabulates.
   */
  cars: number;
  /**
   * Trip generation: seconds after `orderAt` until that share of `readyPeople` was ready to
   * set out; null when the run ended first.
   */
  ready: EteTimes;
}

export interface EteOptions {
  end?: EteEnd;
  /** Node visits recorded with a TripRecorder during the run; required for `end: 'zone'`. */
  visits?: Visits;
  /** The run's demand (runDemand with the run's seed); built again from the scenario when absent. */
  demand?: Demand;
}

/**
 * ETE rows of `result` (a run of `scenario`) for every zone × group, in zone
 * order, groups as eteGroups(scenario). A group with nobody in a zone still has its row
 * (people 0, times null). Car and transit-dependent people are split as the
 * demand splits households; people trapped while waiting are the car people
 * who had not driven off, and those waiting for a fleet. A special facility's
 * people are all in its groups, none in car or transit-dependent.
 */
export function eteRows(result: SimulationResult, scenario: Scenario, zones: readonly Zone[], options: EteOptions = {}): EteRow[] {
  return eteOfRun(result, scenario, zones, options).rows;
}

/** The cumulative curve of everyone in each zone (group `all`), for charts. */
export function eteCurves(result: SimulationResult, scenario: Scenario, zones: readonly Zone[], options: EteOptions = {}): EteCurve[] {
  return eteOfRun(result, scenario, zones, options).curves;
}

/** A zone's cumulative curve: the share of the people who could leave at their end point, by seconds after the order. */
export interface EteCurve {
  zone: string;
  /** [seconds after the zone's order, share 0..1] at each step; empty when no order reached the zone or nobody could leave. */
  points: [number, number][];
}

/** eteRows and eteCurves of one run, from one pass over the log. */
export function eteOfRun(
  result: SimulationResult,
  scenario: Scenario,
  zones: readonly Zone[],
  options: EteOptions = {},
): { rows: EteRow[]; curves: EteCurve[] } {
  if (options.end === 'zone' && options.visits === undefined) throw new InputError('eteRows: the zone end point needs the visits of a TripRecorder');
  const counts = settlementCounts(result, scenario);
  const events = zoneEvents(result, scenario, zones, options);
  const ordered = settlementOrderTimes(result);
  const demand = options.demand ?? runDemand(scenario, result.seed).demand;
  const readyEvents = zoneReadyEvents(demand, scenario, zones, result.settlements.map((x) => x.capturedAt), ordered);
  const rows: EteRow[] = [];
  const curves: EteCurve[] = [];
  const groups = eteGroups(scenario);
  zones.forEach((zone, z) => {
    const orderAt = zoneOrderTime(ordered, zone);
    const zonePopulation = zone.settlements.reduce((sum, s) => sum + scenario.settlements[s].population, 0);
    const after = (t: number | null) => (t === null || orderAt === null ? null : t - orderAt);
    for (const group of groups) {
      let told = 0;
      let trapped = 0;
      let complied = 0;
      for (const s of zone.settlements) {
        const c = groupCount(counts[s], group);
        told += c.told;
        trapped += c.trapped;
        complied += c.complied;
      }
      const people = complied - trapped;
      const { times, points } = reach(events[z], group, people);
      const readyPeople = groupPeople(readyEvents[z], group);
      const ready = reach(readyEvents[z], group, readyPeople, result.endTime).times;
      rows.push({
        zone: zone.id, group, told, zonePopulation, complied, people, trapped, orderAt, readyPeople, cars: groupCars(readyEvents[z], group),
        p50: after(times.p50), p90: after(times.p90), p95: after(times.p95), p100: after(times.p100),
        ready: { p50: after(ready.p50), p90: after(ready.p90), p95: after(ready.p95), p100: after(ready.p100) },
      });
      if (group === 'all') {
        curves.push({ zone: zone.id, points: orderAt === null || people <= 0 ? [] : points.map(([t, share]) => [t - orderAt, share]) });
      }
    }
  });
  return { rows, curves };
}

/** Per zone, its people reaching their end point; one pass over the log. */
function zoneEvents(result: SimulationResult, scenario: Scenario, zones: readonly Zone[], options: EteOptions): EndEvents[] {
  const { log } = result;
  const zonesOf: number[][] = result.settlements.map(() => []);
  zones.forEach((zone, z) => { for (const s of zone.settlements) zonesOf[s].push(z); });
  const trips = options.end === 'zone' ? tripsOf(result, scenario, options.visits as Visits) : null;
  const endTimes = zones.map((zone) => endTimesOf(result, zone, options.visits as Visits, trips));
  const last = (row: number) => row < log.length && log.time[row] <= result.endTime;
  const sizes = new Int32Array(zones.length);
  for (let row = 0; last(row); row++) {
    if (log.kind[row] === LogKind.Evacuated) for (const z of zonesOf[log.settlement[row]] ?? []) sizes[z]++;
  }
  const events = zones.map((_, z) => endEvents(sizes[z]));
  const facility = scenario.settlements.map((s) => facilityIndex(s.facility));
  const filled = new Int32Array(zones.length);
  for (let row = 0; last(row); row++) {
    if (log.kind[row] !== LogKind.Evacuated) continue;
    for (const z of zonesOf[log.settlement[row]] ?? []) {
      const k = filled[z]++;
      const own = endTimes[z];
      events[z].time[k] = own === null ? log.time[row] : own[row];
      events[z].people[k] = log.people[row];
      events[z].car[k] = log.fleet[row] < 0 ? 1 : 0;
      events[z].facility[k] = facility[log.settlement[row]];
    }
  }
  return options.end === 'zone' ? events.map(sortedByTime) : events;
}

/** Index bits of a sort key: events per zone up to 2^21. */
const INDEX_BITS = 2 ** 21;
/** Milliseconds below 2^31, so key = ms × 2^21 + index stays an exact integer in a double. */
const MAX_KEY_MS = 2 ** 31;

/**
 * The events in time order (ties in their order). Sorting numbers natively is
 * many times faster than sorting indices with a comparator, so each event's
 * millisecond and index are packed into one exact integer, then events within
 * one millisecond are put in exact order. Falls back to a comparator beyond the
 * packable range.
 */
export function sortedByTime(e: EndEvents): EndEvents {
  const n = e.time.length;
  let packable = n < INDEX_BITS;
  for (let i = 0; i < n && packable; i++) packable = e.time[i] >= 0 && e.time[i] * 1000 < MAX_KEY_MS;
  let order: Int32Array;
  if (packable) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = Math.floor(e.time[i] * 1000) * INDEX_BITS + i;
    keys.sort();
    order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[k] = keys[k] % INDEX_BITS;
    // Within one millisecond the packed order follows the index: put exact times in order (a few moves).
    for (let k = 1; k < n; k++) {
      const i = order[k];
      let j = k - 1;
      for (; j >= 0 && e.time[order[j]] > e.time[i]; j--) order[j + 1] = order[j];
      order[j + 1] = i;
    }
  } else {
    order = Int32Array.from(Array.from(e.time.keys()).sort((a, b) => e.time[a] - e.time[b] || a - b));
  }
  const out = endEvents(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    out.time[k] = e.time[i];
    out.people[k] = e.people[i];
    out.car[k] = e.car[i];
    out.facility[k] = e.facility[i];
  }
  return out;
}

/** The trips of every Evacuated row, matched once for all zones. */
function tripsOf(result: SimulationResult, scenario: Scenario, visits: Visits): Trips {
  const nodeIndex = new Map(scenario.network.nodes.map((n, i) => [n.id, i]));
  return matchTrips(
    result,
    visits,
    result.settlements.map((s) => nodeIndex.get(s.node) as number),
    result.destinations.map((d) => nodeIndex.get(d.node) as number),
  );
}

/** Per log row, the instant its people left the zone (zone end point), or null to read the log's own times. */
function endTimesOf(result: SimulationResult, zone: Zone, visits: Visits, trips: Trips | null): Float64Array | null {
  return trips === null ? null : areaExitTimes(result, visits, trips, zone.settlements, zone.area());
}

/** People of one group of a settlement: told, complied and trapped. */
interface GroupCount {
  told: number;
  complied: number;
  trapped: number;
}

/** A settlement's counts: everyone, its car people and the others (carried by fleets), and its facility kind (facilityIndex). */
interface SettlementCount {
  all: GroupCount;
  car: GroupCount;
  fleet: GroupCount;
  facility: number;
}

/** The counts of `group` in settlement count `c`. */
function groupCount(c: SettlementCount, group: EteGroup): GroupCount {
  if (group === 'all') return c.all;
  const member = memberOf(group);
  const car = member(c.facility, true);
  const fleet = member(c.facility, false);
  const part = (key: keyof GroupCount) => (car ? c.car[key] : 0) + (fleet ? c.fleet[key] : 0);
  return { told: part('told'), complied: part('complied'), trapped: part('trapped') };
}

/** Per settlement, people told, complied and trapped by group, read from the log. */
function settlementCounts(result: SimulationResult, scenario: Scenario): SettlementCount[] {
  const { log } = result;
  const n = result.settlements.length;
  const told = new Float64Array(n);
  const stayed = new Float64Array(n);
  const trappedWaiting = new Float64Array(n);
  const trappedCar = new Float64Array(n);
  const trappedFleet = new Float64Array(n);
  const carDeparted = new Float64Array(n);
  for (let row = 0; row < log.length && log.time[row] <= result.endTime; row++) {
    const s = log.settlement[row];
    const people = log.people[row];
    switch (log.kind[row]) {
      case LogKind.Told: told[s] += people; break;
      case LogKind.Stayed: stayed[s] += people; break;
      case LogKind.Departed: if (log.fleet[row] < 0) carDeparted[s] += people; break;
      case LogKind.TrappedWaiting: trappedWaiting[s] += people; break;
      case LogKind.TrappedInTransit:
        if (log.fleet[row] >= 0) trappedFleet[s] += people;
        else trappedCar[s] += people;
        break;
    }
  }
  return result.settlements.map((_, s) => {
    const complied = told[s] - stayed[s];
    const travel = travelOf(scenario, s);
    const car = carPeople(complied, travel);
    // The told split as the compliant are; when none complied (compliance 0), as all of them would have been.
    const carShare = complied > 0 ? car / complied : told[s] > 0 ? carPeople(told[s], travel) / told[s] : 0;
    // A settlement is captured once, and none of its cars leaves after: the car people
    // trapped while waiting are the car people who had not left by then.
    const waitingCar = Math.min(trappedWaiting[s], Math.max(0, car - carDeparted[s]));
    const carTold = Math.round(told[s] * carShare);
    return {
      all: { told: told[s], complied, trapped: trappedWaiting[s] + trappedCar[s] + trappedFleet[s] },
      car: { told: carTold, complied: car, trapped: waitingCar + trappedCar[s] },
      fleet: { told: told[s] - carTold, complied: complied - car, trapped: trappedWaiting[s] - waitingCar + trappedFleet[s] },
      facility: facilityIndex(scenario.settlements[s].facility),
    };
  });
}

/** The first instant any settlement of `zone` was told to leave, from settlementOrderTimes; null when none was. */
export function zoneOrderTime(ordered: readonly (number | null)[], zone: Zone): number | null {
  let first: number | null = null;
  for (const s of zone.settlements) {
    const t = ordered[s];
    if (t !== null && (first === null || t < first)) first = t;
  }
  return first;
}
