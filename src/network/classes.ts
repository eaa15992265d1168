// Road class defaults (DESIGN.md §2): free speed and per-lane flow capacity.
// An explicit speedKmh or capacityVehPerHour on a road overrides them.
import type { RoadClass } from '../scenario/types.js';

export const ROAD_CLASSES: Record<RoadClass, { speedKmh: number; capacityPerLane: number }> = {
  motorway: { speedKmh: 110, capacityPerLane: 2000 },
  trunk: { speedKmh: 90, capacityPerLane: 1800 },
  primary: { speedKmh: 80, capacityPerLane: 1500 },
  secondary: { speedKmh: 60, capacityPerLane: 1200 },
  tertiary: { speedKmh: 50, capacityPerLane: 900 },
  local: { speedKmh: 40, capacityPerLane: 600 },
};

/** Metres of lane one queued vehicle occupies. */
export const VEHICLE_SPACING_M = 7.5;
