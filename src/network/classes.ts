// Road class defaults (docs/design.md §2): free speed and per-lane flow capacity.
// An explicit speedKmh or capacityVehPerHour on a road overrides them.
import type { RoadClass, TrafficSpec } from '../scenario/types.js';

export const ROAD_CLASSES: Record<RoadClass, { speedKmh: number; capacityPerLane: number }> = {
  motorway: { speedKmh: 110, capacityPerLane: 2000 },
  trunk: { speedKmh: 90, capacityPerLane: 1800 },
  primary: { speedKmh: 80, capacityPerLane: 1500 },
  secondary: { speedKmh: 60, capacityPerLane: 1200 },
  tertiary: { speedKmh: 50, capacityPerLane: 900 },
  local: { speedKmh: 40, capacityPerLane: 600 },
};

/** Metres of lane one queued vehicle occupies (jam density 1/7.5 veh/m/lane). */
export const VEHICLE_SPACING_M = 7.5;

/**
 * Most vehicles a link is taken to hold at jam density: more than any run has, so never a
 * limit, and within the 32-bit counts the traffic model keeps (a longer road, more lanes
 * or a shorter jam spacing would overflow them and the link would take no vehicle at all).
 */
export const MAX_STORAGE = 2 ** 30;

/** Link-model settings when a scenario gives none: jam spacing, wave speeds from the triangle. */
export const DEFAULT_TRAFFIC: TrafficSpec = { jamSpacingM: VEHICLE_SPACING_M, waveSpeedKmh: {} };

/**
 * Backward wave speed (m/s) of the triangular fundamental diagram through (0, 0),
 * (kc, C) and (kj, 0): w = C / (kj − kc) with kc = C / v and kj = lanes / spacing.
 * It may be faster than the free speed (then the link still takes vehicles in at C),
 * and grows without bound as C nears kj·v, what the lanes hold at the free speed at jam
 * spacing. At or beyond that line (kc ≥ kj: no congested branch) the wave is instant
 * (Infinity): the link carries kj·v, the limit of the triangle from below, and no more
 * (validate warns). A finite fallback there (w = v) halved what the road carried at the
 * line: one lane at 10 km/h cleared 2,000 cars in 5,804 s at 1,333 veh/h, 11,187 s at 1,334.
 */
export function triangularWaveSpeed(capacityVehPerHour: number, speedMs: number, lanes: number, spacingM: number): number {
  const q = capacityVehPerHour / 3600;
  const jam = lanes / spacingM;
  const critical = q / speedMs;
  return jam > critical ? q / (jam - critical) : Infinity;
}
