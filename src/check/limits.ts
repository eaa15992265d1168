// Ceilings that stop a run before it exhausts the machine: file size, element
// counts, horizon, and an estimate of the memory the run would need, made
// before anything large is allocated. `--allow-large` lifts them.
import type { Scenario } from '../scenario/types.js';
import { PICKUP_SEARCH_BYTES, searchBytes } from '../traffic/pickup-searches.js';

export interface Limits {
  fileBytes: number;
  nodes: number;
  roads: number;
  settlements: number;
  fleetVehicles: number;
  horizonSeconds: number;
  memoryBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  fileBytes: 512 * 1024 * 1024,
  nodes: 5_000_000,
  roads: 10_000_000,
  settlements: 1_000_000,
  fleetVehicles: 1_000_000,
  horizonSeconds: 366 * 86400,
  memoryBytes: 16 * 1024 ** 3,
};

/**
 * Bytes a run of `scenario` needs, roughly: per household (demand arrays, vehicle
 * state, two movement-log rows, sorting), per node and link (graph, compiled arrays,
 * the destination route tables with each node's destination), and the pickups' route
 * searches when fleets run (one per settlement and mode, held within PICKUP_SEARCH_BYTES).
 */
export function estimateBytes(scenario: Scenario): number {
  const people = scenario.settlements.reduce((sum, s) => sum + (s.facility === undefined ? s.population : 0), 0);
  // A special facility's people are ready and board one by one: a row each.
  const facilityPeople = scenario.settlements.reduce((sum, s) => sum + (s.facility === undefined ? 0 : s.population), 0);
  const households = people / Math.max(1, scenario.households.size) + facilityPeople;
  const nodes = scenario.network.nodes.length;
  const links = scenario.network.roads.length * 2;
  const pickups = scenario.fleets.length > 0 ? Math.min(2 * scenario.settlements.length * searchBytes(nodes), PICKUP_SEARCH_BYTES) : 0;
  return households * 200 + nodes * 624 + links * 500 + 12 * searchBytes(nodes) + pickups;
}

/** Counts are kept in 32-bit integers: more people than this cannot be counted exactly. */
export const MAX_PEOPLE = 2 ** 31 - 1;
/** Report bins over the horizon: each is a row of every time series. */
export const MAX_REPORT_BINS = 200_000;

/**
 * Limits no option lifts, because beyond them results would be wrong rather than
 * slow: total people (exact counts) and report bins over the horizon.
 */
export function exactnessProblems(scenario: Scenario): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  let people = 0;
  for (const s of scenario.settlements) people += s.population;
  if (people > MAX_PEOPLE) {
    problems.push({ path: 'settlements', message: `${people} people in all exceeds the limit of ${MAX_PEOPLE} that can be counted exactly` });
  }
  const bins = Math.ceil(scenario.horizon / scenario.reportBinSeconds);
  if (!(bins <= MAX_REPORT_BINS)) {
    problems.push({
      path: 'reportBinSeconds',
      message: `${scenario.reportBinSeconds} s bins over a horizon of ${scenario.horizon} s make ${bins} report bins, above the limit of ${MAX_REPORT_BINS}; use bins of at least ${Math.ceil(scenario.horizon / MAX_REPORT_BINS)} s`,
    });
  }
  return problems;
}

/** One message per limit the scenario exceeds (empty when within all), each ending with `lift`, how to lift it, in brackets. */
export function limitProblems(scenario: Scenario, limits: Limits = DEFAULT_LIMITS, lift = 'use --allow-large to lift it'): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const over = (path: string, what: string, value: number, limit: number) => {
    if (value > limit) problems.push({ path, message: `${what} ${value} exceeds the limit of ${limit} (${lift})` });
  };
  over('network.nodes', 'node count', scenario.network.nodes.length, limits.nodes);
  over('network.roads', 'road count', scenario.network.roads.length, limits.roads);
  over('settlements', 'settlement count', scenario.settlements.length, limits.settlements);
  over('fleets', 'fleet vehicle count', scenario.fleets.reduce((n, f) => n + f.vehicles, 0), limits.fleetVehicles);
  over('horizon', 'horizon in seconds', scenario.horizon, limits.horizonSeconds);
  const bytes = estimateBytes(scenario);
  if (bytes > limits.memoryBytes) {
    problems.push({
      path: 'settlements',
      message: `the run would need about ${(bytes / 1024 ** 3).toFixed(1)} GB of memory, above the limit of ${(limits.memoryBytes / 1024 ** 3).toFixed(0)} GB (${lift})`,
    });
  }
  return problems;
}

/**
 * What keeps a run of `scenario` from being made: counts that could not be kept exact,
 * a run that would need more memory than the machine has (`machineBytes`: it could only
 * be killed, so no option lifts this), and (unless `allowLarge`) the limits, each ending
 * with `lift`, how to lift it.
 */
export function sizeProblems(scenario: Scenario, allowLarge: boolean, lift?: string, machineBytes = Infinity): { path: string; message: string }[] {
  const bytes = estimateBytes(scenario);
  const beyondMachine = bytes > machineBytes;
  const machine = beyondMachine
    ? [{
        path: 'settlements',
        message: `the run would need about ${(bytes / 1024 ** 3).toFixed(1)} GB of memory, more than this machine's ${(machineBytes / 1024 ** 3).toFixed(1)} GB`,
      }]
    : [];
  // Beyond the machine, the memory limit's own message (which says how to lift it) would mislead.
  const limits = beyondMachine ? { ...DEFAULT_LIMITS, memoryBytes: Infinity } : DEFAULT_LIMITS;
  return [...exactnessProblems(scenario), ...machine, ...(allowLarge ? [] : limitProblems(scenario, limits, lift))];
}
