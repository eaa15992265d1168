// Hand-built SimulationResults and Scenarios for the report tests: a movement
// log written as rows, and defaults for everything a report test does not vary.

import {
  type FleetStats,
  LogKind,
  type MovementLog,
  type SettlementInfo,
  type SimulationResult,
} from '../../src/result.js';
import type { Scenario, TargetSpec } from '../../src/scenario/types.js';

/** [time, kind, settlement, people, destination?, fleet?] */
export type Row = [number, LogKind, number, number, number?, number?];

export const { Told, Stayed, ReadyForFleet, Departed, Evacuated, TrappedWaiting, TrappedInTransit } = LogKind;
export const { ShadowDeparted, ShadowEvacuated, TrappedStayed } = LogKind;

/** A movement log holding `rows`, sorted by time (stable, as the simulator writes them). */
export function makeLog(rows: readonly Row[]): MovementLog {
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => a.r[0] - b.r[0] || a.i - b.i);
  const log: MovementLog = {
    length: rows.length,
    time: new Float64Array(rows.length),
    kind: new Uint8Array(rows.length),
    settlement: new Int32Array(rows.length),
    people: new Int32Array(rows.length),
    destination: new Int32Array(rows.length),
    fleet: new Int32Array(rows.length),
  };
  sorted.forEach(({ r }, i) => {
    log.time[i] = r[0];
    log.kind[i] = r[1];
    log.settlement[i] = r[2];
    log.people[i] = r[3];
    log.destination[i] = r[4] ?? -1;
    log.fleet[i] = r[5] ?? -1;
  });
  return log;
}

/** Two settlements (Kursk region, two districts), one shelter and one exit, hourly bins. */
export function makeResult(rows: readonly Row[], over: Partial<SimulationResult> = {}): SimulationResult {
  const endTime = over.endTime ?? 10_800;
  const binSeconds = over.samples?.binSeconds ?? 3600;
  const bins = Math.max(1, Math.ceil(endTime / binSeconds));
  return {
    scenario: 'tiny',
    seed: 7,
    start: null,
    horizon: endTime,
    endTime,
    settlements: [
      settlement('a', 'Alpha', 'North', 'Kursk', 100),
      settlement('b', 'Beta', 'South', 'Kursk', 50),
    ],
    destinations: [
      { id: 'tac', name: 'Kursk TAC', node: 'k', capacity: 40, capturedAt: null },
      { id: 'east', name: 'East exit', node: 'e', capacity: null, capturedAt: null },
    ],
    log: makeLog(rows),
    links: [],
    fleets: [],
    samples: {
      binSeconds,
      time: Array.from({ length: bins }, (_, i) => Math.min((i + 1) * binSeconds, endTime)),
      vehiclesOnRoad: Array.from({ length: bins }, (_, i) => i),
      vehiclesQueuedAtOrigin: Array.from({ length: bins }, () => 0),
    },
    vehicles: { cars: 30, fleet: 2, arrived: 25, rerouted: 0, reroutedBy: { fullShelter: 0, hazard: 0, congestion: 0 }, noRouteWaits: 0, gridlocks: 1 },
    gridlocks: [{ time: 60, links: ['a', 'b'] }],
    routing: null,
    engine: { events: 1234, linkTraversals: 567 },
    ...over,
  };
}

export function settlement(
  id: string,
  name: string,
  district: string | null,
  region: string | null,
  population: number,
): SettlementInfo {
  return { id, name, node: id, district, region, population, capturedAt: null };
}

export const BUSES: FleetStats = {
  id: 'buses',
  vehicles: 2,
  seats: 45,
  trips: 3,
  carried: 40,
  meanWaitSeconds: 100,
  maxWaitSeconds: 300,
  utilisation: 0.5,
  lost: 0,
  firstLostAt: null,
};

export function makeScenario(over: Partial<Scenario> = {}): Scenario {
  return {
    name: 'tiny',
    description: '',
    seed: 7,
    start: null,
    horizon: 10_800,
    network: { nodes: [], roads: [] },
    settlements: [],
    shelters: [],
    households: { size: 2.5, carShare: 0.7 },
    shelterShare: null,
    shadowShare: 0,
    stochasticCompliance: false,
    stuckSeconds: 600,
    routing: { mode: 'adaptive', periodSeconds: 120, smoothing: 0.5, iterations: 20, binSeconds: 300 },
    traffic: { jamSpacingM: 7.5, waveSpeedKmh: {} },
    reportBinSeconds: 3600,
    orders: [],
    fleets: [],
    hazards: [],
    targets: [],
    ...over,
  };
}

export function target(over: Partial<TargetSpec> & { metric: string }): TargetSpec {
  return { at: null, scope: null, value: 0, tolerance: 0, min: null, max: null, note: '', ...over };
}

/**
 * The tiny run used across tests (times in seconds):
 *
 *   Alpha (100 told at 0, 20 stay):  30 leave at 600, 30 arrive at tac 1800,
 *     30 leave at 4000, 20 arrive at east 5000 and 10 are trapped on the road at 6000,
 *     10 trapped waiting at 7000; 10 still wait at the end.
 *   Beta (50 told at 3600, 10 stay): 40 leave at 3700, 40 arrive at east 9000.
 *   5 shadow evacuees leave Alpha at 100 and arrive at east at 2000.
 */
export const TINY_ROWS: Row[] = [
  [0, Told, 0, 100],
  [0, Stayed, 0, 20],
  [100, ShadowDeparted, 0, 5],
  [600, Departed, 0, 30],
  [1800, Evacuated, 0, 30, 0],
  [2000, ShadowEvacuated, 0, 5],
  [3600, Told, 1, 50],
  [3600, Stayed, 1, 10],
  [3700, Departed, 1, 40, -1, 0],
  [4000, Departed, 0, 30],
  [5000, Evacuated, 0, 20, 1],
  [6000, TrappedInTransit, 0, 10],
  [7000, TrappedWaiting, 0, 10],
  [9000, Evacuated, 1, 40, 1, 0],
];
