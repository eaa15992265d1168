// Evacuation time estimates of one run: for each zone and group, the time from
// the zone's own order (its first Told row) until 50, 90, 95 and 100 % of the
// people who could leave had reached their end point: a destination (shelter or
// exit), or the first node outside the zone (NUREG/CR-7002's definition).

import { carPeople } from '../demand/households.js';
import { householdsOf } from '../demand/household-params.js';
import { settlementOrderTimes } from '../report/clearance.js';
import { LogKind, type SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { areaExitTimes, type Visits } from './trips.js';
import type { Zone } from './zones.js';

/** Who a row counts: everyone, people in their own cars, or people carried by fleets. */
export type EteGroup = 'all' | 'car' | 'transit-dependent';
export const ETE_GROUPS: readonly EteGroup[] = ['all', 'car', 'transit-dependent'];

/** Where an evacuee's time stops: at a shelter or exit, or on leaving the zone. */
export type EteEnd = 'destination' | 'zone';

/** The shares of a row, as keys. */
export const ETE_PERCENTS = { p50: 50, p90: 90, p95: 95, p100: 100 } as const;
export type EtePercent = keyof typeof ETE_PERCENTS;
const PERCENT_KEYS = Object.keys(ETE_PERCENTS) as EtePercent[];

export type EteTimes = Record<EtePercent, number | null>;

/** One zone × group of one run. Times are seconds after `orderAt`; null when never reached. */
export interface EteRow extends EteTimes {
  zone: string;
  group: EteGroup;
  /** People told to leave (the whole group's share of them for car and transit-dependent). */
  told: number;
  /** Compliant people who could leave: complied minus trapped. The base of the percentages. */
  people: number;
  /** Compliant people captured before reaching safety (counted apart). */
  trapped: number;
  /** Seconds from the scenario start of the zone's first order; null when no order reached it. */
  orderAt: number | null;
}

export interface EteOptions {
  end?: EteEnd;
  /** Node visits recorded with a TripRecorder during the run; required for `end: 'zone'`. */
  visits?: Visits;
}

/**
 * ETE rows of `result` (a run of `scenario`) for every zone × group, in zone
 * order, groups as ETE_GROUPS. A group with nobody in a zone still has its row
 * (people 0, times null). Car and transit-dependent people are split as the
 * demand splits households; people trapped while waiting are shared between
 * the two in proportion.
 */
export function eteRows(result: SimulationResult, scenario: Scenario, zones: readonly Zone[], options: EteOptions = {}): EteRow[] {
  if (options.end === 'zone' && options.visits === undefined) throw new Error('eteRows: the zone end point needs the visits of a TripRecorder');
  const counts = settlementCounts(result, scenario);
  const rows: EteRow[] = [];
  for (const zone of zones) {
    const endTimes = endTimesOf(result, scenario, zone, options);
    const orderAt = zoneOrderTime(result, zone);
    for (const group of ETE_GROUPS) {
      const sum = (pick: (c: SettlementCount) => number) => zone.settlements.reduce((n, s) => n + pick(counts[s]), 0);
      const told = sum((c) => c.told[group]);
      const trapped = sum((c) => c.trapped[group]);
      const people = sum((c) => c.complied[group]) - trapped;
      const times = reachTimes(result, zone, group, endTimes, people);
      const after = (t: number | null) => (t === null || orderAt === null ? null : t - orderAt);
      rows.push({
        zone: zone.id, group, told, people, trapped, orderAt,
        p50: after(times.p50), p90: after(times.p90), p95: after(times.p95), p100: after(times.p100),
      });
    }
  }
  return rows;
}

/** Per log row, the instant its people left the zone (zone end point), or null to read the log's own times. */
function endTimesOf(result: SimulationResult, scenario: Scenario, zone: Zone, options: EteOptions): Float64Array | null {
  if (options.end !== 'zone') return null;
  const nodeIndex = new Map(scenario.network.nodes.map((n, i) => [n.id, i]));
  return areaExitTimes(
    result,
    options.visits as Visits,
    result.settlements.map((s) => nodeIndex.get(s.node) as number),
    result.destinations.map((d) => nodeIndex.get(d.node) as number),
    zone.settlements,
    zone.area(),
  );
}

interface SettlementCount {
  told: Record<EteGroup, number>;
  complied: Record<EteGroup, number>;
  trapped: Record<EteGroup, number>;
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
  for (let row = 0; row < log.length && log.time[row] <= result.endTime; row++) {
    const s = log.settlement[row];
    const people = log.people[row];
    switch (log.kind[row]) {
      case LogKind.Told: told[s] += people; break;
      case LogKind.Stayed: stayed[s] += people; break;
      case LogKind.TrappedWaiting: trappedWaiting[s] += people; break;
      case LogKind.TrappedInTransit:
        if (log.fleet[row] >= 0) trappedFleet[s] += people;
        else trappedCar[s] += people;
        break;
    }
  }
  return result.settlements.map((_, s) => {
    const complied = told[s] - stayed[s];
    const households = householdsOf(scenario, s);
    const car = carPeople(complied, households);
    const carShare = complied > 0 ? car / complied : 0;
    const waitingCar = Math.round(trappedWaiting[s] * carShare);
    const carTold = Math.round(told[s] * carShare);
    return {
      told: { all: told[s], car: carTold, 'transit-dependent': told[s] - carTold },
      complied: { all: complied, car, 'transit-dependent': complied - car },
      trapped: {
        all: trappedWaiting[s] + trappedCar[s] + trappedFleet[s],
        car: waitingCar + trappedCar[s],
        'transit-dependent': trappedWaiting[s] - waitingCar + trappedFleet[s],
      },
    };
  });
}

/** The first instant any settlement of `zone` was told to leave; null when none was. */
export function zoneOrderTime(result: SimulationResult, zone: Zone): number | null {
  const ordered = settlementOrderTimes(result);
  let first: number | null = null;
  for (const s of zone.settlements) {
    const t = ordered[s];
    if (t !== null && (first === null || t < first)) first = t;
  }
  return first;
}

/** Instants (from the start) at which the shares of `base` people of the zone's group reached their end point. */
function reachTimes(result: SimulationResult, zone: Zone, group: EteGroup, endTimes: Float64Array | null, base: number): EteTimes {
  const out: EteTimes = { p50: null, p90: null, p95: null, p100: null };
  if (base <= 0) return out;
  let reached = 0;
  let next = 0;
  for (const e of endEvents(result, zone, group, endTimes)) {
    reached += e.people;
    // Integer comparison: 0.9 × base in floating point could overshoot by one person.
    while (next < PERCENT_KEYS.length && reached * 100 >= ETE_PERCENTS[PERCENT_KEYS[next]] * base) {
      out[PERCENT_KEYS[next]] = e.time;
      next++;
    }
  }
  return out;
}

/** People of the zone's group reaching their end point, in time order (from the start). */
function endEvents(result: SimulationResult, zone: Zone, group: EteGroup, endTimes: Float64Array | null): { time: number; people: number }[] {
  const { log } = result;
  const inZone = new Uint8Array(result.settlements.length);
  for (const s of zone.settlements) inZone[s] = 1;
  const events: { time: number; people: number }[] = [];
  for (let row = 0; row < log.length && log.time[row] <= result.endTime; row++) {
    if (log.kind[row] !== LogKind.Evacuated || inZone[log.settlement[row]] !== 1) continue;
    if (group === 'car' && log.fleet[row] >= 0) continue;
    if (group === 'transit-dependent' && log.fleet[row] < 0) continue;
    events.push({ time: endTimes === null ? log.time[row] : endTimes[row], people: log.people[row] });
  }
  if (endTimes !== null) events.sort((a, b) => a.time - b.time);
  return events;
}

/** A zone's cumulative curve: the share of the people who could leave at their end point, by seconds after the order. */
export interface EteCurve {
  zone: string;
  /** [seconds after the zone's order, share 0..1] at each step; empty when no order reached the zone or nobody could leave. */
  points: [number, number][];
}

/** The cumulative curve of everyone in each zone (group `all`), for charts. */
export function eteCurves(result: SimulationResult, scenario: Scenario, zones: readonly Zone[], options: EteOptions = {}): EteCurve[] {
  const rows = eteRows(result, scenario, zones, options).filter((r) => r.group === 'all');
  return zones.map((zone, z) => {
    const { people, orderAt } = rows[z];
    if (people <= 0 || orderAt === null) return { zone: zone.id, points: [] };
    const endTimes = endTimesOf(result, scenario, zone, options);
    const points: [number, number][] = [];
    let reached = 0;
    for (const e of endEvents(result, zone, 'all', endTimes)) {
      reached += e.people;
      const point: [number, number] = [e.time - orderAt, reached / people];
      if (points.length > 0 && points[points.length - 1][0] === point[0]) points[points.length - 1] = point;
      else points.push(point);
    }
    return { zone: zone.id, points };
  });
}
