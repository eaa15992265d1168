// Fleet size: the built-in scenario (kursk-2024) with its first fleet, the Sudzha
// volunteers, grown until the fleets hold the given number of vehicles, run as a
// user runs it. The volunteers' depot is captured by the front, the network changes
// wake every parked vehicle, and most of them never find anyone to fetch, so the
// cost of each dispatch decision, of parking and of losing a vehicle shows directly.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from '../src/report/summary.js';
import { bestOf, packageRoot } from './process.js';

export interface FleetRow {
  /** Fleet vehicles of all fleets. */
  vehicles: number;
  events: number;
  trips: number;
  /** Whole process, spawn to exit. */
  seconds: number;
  /** simulate() alone, as reported by --timing. */
  simSeconds: number;
  maxRssBytes: number;
}

interface RawFleet {
  vehicles: number;
}

/** Writes kursk-2024 with `vehicles` fleet vehicles in all into `dir` and runs it; best of `repeat` runs. */
export function fleetRun(vehicles: number, dir: string, repeat = 1): FleetRow {
  const raw = JSON.parse(readFileSync(join(packageRoot(), 'scenarios', 'kursk-2024.json'), 'utf8')) as {
    fleets: RawFleet[];
    targets?: unknown;
  };
  const others = raw.fleets.slice(1).reduce((sum, f) => sum + f.vehicles, 0);
  if (vehicles <= others) throw new Error(`a fleet benchmark needs more than ${others} vehicles`);
  raw.fleets[0].vehicles = vehicles - others;
  // Its targets are set for the shipped fleets.
  delete raw.targets;
  const file = join(dir, `kursk-fleet-${vehicles}.json`);
  writeFileSync(file, JSON.stringify(raw));
  const run = bestOf(repeat, ['run', file, '--json', '--timing']);
  const summary = JSON.parse(run.out) as Summary;
  return {
    vehicles: summary.vehicles.fleet,
    events: summary.engine.events,
    trips: summary.fleets.reduce((sum, f) => sum + f.trips, 0),
    seconds: run.seconds,
    simSeconds: summary.engine.wallSeconds,
    maxRssBytes: run.maxRssBytes,
  };
}
