// The shapes importers write into a scenario file (docs/design.md §3): what a planner
// would type by hand, before the scenario loader applies defaults. Optional
// fields are left out rather than set to null.
import type { FacilityKind, RoadClass, RoadMode } from '../scenario/types.js';

export interface GeoNodeFile { id: string; lat: number; lon: number }
export interface PlanarNodeFile { id: string; x: number; y: number }
export type NodeFile = GeoNodeFile | PlanarNodeFile;

export interface RoadFile {
  id: string;
  from: string;
  to: string;
  /** Absent: `local`. */
  class?: RoadClass;
  lengthKm?: number;
  lanes?: number;
  speedKmh?: number;
  capacityVehPerHour?: number;
  waveSpeedKmh?: number;
  oneway?: boolean;
  mode?: RoadMode;
  /** Drawing geometry from `from` to `to`, [lon, lat] or [x, y] points. */
  geometry?: [number, number][];
}

export interface SettlementFile {
  id: string;
  name?: string;
  node: string;
  population: number;
  district?: string;
  region?: string;
  facility?: FacilityKind;
  /** A facility's own mobilization, as a scenario file writes it. */
  mobilization?: Record<string, unknown>;
  /** This settlement's own household parameters, as a scenario file writes them. */
  households?: Record<string, unknown>;
}

export interface ShelterFile {
  id: string;
  name?: string;
  node: string;
  /** People; absent for an exit. */
  capacity?: number;
  /** Registration throughput, people per hour; absent: no registration queue. */
  processingPerHour?: number;
}

/** A scenario file as the map import writes it: a lat/lon network and places, no orders, fleets or hazards yet. */
export interface ScenarioFile {
  name: string;
  description: string;
  seed: number;
  horizon: string;
  network: { nodes: GeoNodeFile[]; roads: RoadFile[] };
  settlements: SettlementFile[];
  shelters: ShelterFile[];
  orders: [];
  fleets: [];
  hazards: [];
  targets: [];
}
