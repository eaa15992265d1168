// The machine-readable summary of a run (docs/design.md §5): every figure a planner
// or a parameter sweep reads, in a stable key order. People counts are those at
// the end of the run; times are seconds from the scenario start, rounded to the
// millisecond (millisecond.ts): the run itself is not rounded, its written figures are.

import type { FleetStats, SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { type Clearance, clearance } from './clearance.js';
import { type People, peopleAt } from './metrics.js';
import { type SettlementRow, settlementRows } from './settlements.js';
import { type Registration, registrationQueues } from './registration.js';
import { type ShelterRow, shelterRows } from './shelters.js';
import { type TargetResult, evaluateTargets } from './targets.js';
import { type Throughput, throughput } from './throughput.js';
import { requireParsedScenario } from '../scenario/parsed.js';
import { requireResult } from './result-check.js';
import { BASE_VARIANT } from '../scenario/variants.js';
import { TIME_KEYS, toMillisecond, toMillisecondOrNull } from './millisecond.js';

export interface Summary {
  scenario: string;
  /** The variant of the scenario that ran (`run --variant NAME`); absent for the scenario as written. */
  variant?: string;
  seed: number;
  people: People;
  vehicles: SimulationResult['vehicles'];
  gridlocks: SimulationResult['gridlocks'];
  routing: SimulationResult['routing'];
  clearance: Clearance;
  throughput: Throughput;
  settlements: SettlementRow[];
  /** Shelters and exits (`kind: "exit"`, `capacity: null`), in scenario order; `registration` where the shelter has a processingPerHour. */
  shelters: (ShelterRow & { registration?: Registration })[];
  fleets: FleetStats[];
  targets: TargetResult[];
  engine: { events: number; linkTraversals: number; wallSeconds: number };
  /** Instant the run ended: the horizon, or earlier when nothing could happen any more. */
  endTime: number;
}

export interface SummarizeOptions {
  /** Wall-clock duration of the run, measured by the caller; 0 when absent so output stays reproducible. */
  wallSeconds?: number;
  /** The name of the variant `scenario` was made from, recorded as `variant`; absent or `base` for the scenario as written. */
  variant?: string;
}

/**
 * Builds the §5 summary of a run of `scenario`, evaluating the scenario's targets (on the
 * unrounded figures), with every time rounded to the millisecond. Throws InputError when
 * `scenario` is not a parsed Scenario (the raw JSON of its file would judge targets on absent bounds).
 */
export function summarize(
  result: SimulationResult,
  scenario: Scenario,
  options: SummarizeOptions = {},
): Summary {
  requireParsedScenario(scenario, 'summarize()');
  requireResult(result, 'summarize()');
  const { vehicles, engine } = result;
  const people = peopleAt(result, result.endTime);
  return {
    scenario: result.scenario,
    ...(options.variant !== undefined && options.variant !== BASE_VARIANT ? { variant: options.variant } : {}),
    seed: result.seed,
    people,
    vehicles: {
      cars: vehicles.cars,
      fleet: vehicles.fleet,
      arrived: vehicles.arrived,
      rerouted: vehicles.rerouted,
      reroutedBy: { ...vehicles.reroutedBy },
      noRouteWaits: vehicles.noRouteWaits,
      gridlocks: vehicles.gridlocks,
    },
    gridlocks: result.gridlocks.map((g) => ({ time: toMillisecond(g.time), links: g.links })),
    routing: result.routing,
    clearance: clearanceInMilliseconds(clearance(result, null, people)),
    throughput: throughput(result),
    settlements: settlementRows(result).map(rowInMilliseconds),
    shelters: withRegistration(
      shelterRows(result).map((r) => ({ ...r, capturedAt: toMillisecondOrNull(r.capturedAt) })),
      registrationQueues(result, scenario.shelters).map(registrationInMilliseconds),
    ),
    fleets: result.fleets.map((f) => ({
      id: f.id,
      vehicles: f.vehicles,
      seats: f.seats,
      trips: f.trips,
      carried: f.carried,
      meanWaitSeconds: toMillisecond(f.meanWaitSeconds),
      maxWaitSeconds: toMillisecond(f.maxWaitSeconds),
      utilisation: f.utilisation,
      lost: f.lost,
      firstLostAt: toMillisecondOrNull(f.firstLostAt),
    })),
    targets: evaluateTargets(result, scenario.targets).map(targetInMilliseconds),
    engine: {
      events: engine.events,
      linkTraversals: engine.linkTraversals,
      wallSeconds: options.wallSeconds ?? 0,
    },
    endTime: toMillisecond(result.endTime),
  };
}

/** The rows with their registration queue added where there is one. */
function withRegistration(rows: ShelterRow[], queues: (Registration | null)[]): (ShelterRow & { registration?: Registration })[] {
  return rows.map((row, i) => (queues[i] === null ? row : { ...row, registration: queues[i] as Registration }));
}

/** The clearance as the summary writes it: each instant in milliseconds. */
export function clearanceInMilliseconds(c: Clearance): Clearance {
  return { p50: toMillisecondOrNull(c.p50), p90: toMillisecondOrNull(c.p90), p95: toMillisecondOrNull(c.p95), p100: toMillisecondOrNull(c.p100) };
}

/** The row's times in milliseconds; clearanceAfterOrder the difference of the two times as written, so it reads as their difference. */
function rowInMilliseconds(row: SettlementRow): SettlementRow {
  const orderedAt = toMillisecondOrNull(row.orderedAt);
  const cleared = toMillisecondOrNull(row.clearance);
  return {
    ...row,
    orderedAt,
    clearance: cleared,
    clearanceAfterOrder: cleared === null || orderedAt === null ? null : toMillisecond(cleared - orderedAt),
    capturedAt: toMillisecondOrNull(row.capturedAt),
  };
}

function registrationInMilliseconds(r: Registration | null): Registration | null {
  if (r === null) return null;
  return {
    ...r,
    peakAt: toMillisecondOrNull(r.peakAt),
    meanWaitSeconds: toMillisecond(r.meanWaitSeconds),
    maxWaitSeconds: toMillisecond(r.maxWaitSeconds),
    clearedAt: toMillisecondOrNull(r.clearedAt),
  };
}

/** The target as written: a time metric's figure, and the instant it is read at, in milliseconds. */
function targetInMilliseconds(t: TargetResult): TargetResult {
  const key = t.metric.slice(t.metric.lastIndexOf('.') + 1);
  return {
    ...t,
    at: toMillisecondOrNull(t.at),
    actual: TIME_KEYS.has(key) ? toMillisecondOrNull(t.actual) : t.actual,
  };
}
