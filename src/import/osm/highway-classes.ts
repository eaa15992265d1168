// Which OSM ways are drivable roads, and the evacsim road class each maps to
// (docs/design.md §2). Link roads take the class of the road they join.
import type { RoadClass } from '../../scenario/types.js';
import type { OsmTags } from './model.js';

/** Road classes from the fastest to the slowest. */
export const ROAD_CLASS_ORDER: readonly RoadClass[] = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'local'];

/** `highway=*` values kept by default, with their road class. */
export const HIGHWAY_CLASSES: Readonly<Record<string, RoadClass>> = {
  motorway: 'motorway',
  motorway_link: 'motorway',
  trunk: 'trunk',
  trunk_link: 'trunk',
  primary: 'primary',
  primary_link: 'primary',
  secondary: 'secondary',
  secondary_link: 'secondary',
  tertiary: 'tertiary',
  tertiary_link: 'tertiary',
  unclassified: 'local',
  residential: 'local',
  living_street: 'local',
  road: 'local',
};

/** Values of `access`, `vehicle`, `motor_vehicle` and `motorcar` that close a way to cars altogether. */
const CLOSED = new Set(['no']);

export interface ClassFilter {
  /** Keep only roads of this class or faster; default `local` (every road). */
  minClass?: RoadClass;
  /** Also keep `highway=service` (driveways, parking aisles, private access roads) as `local`. */
  includeService?: boolean;
}

/**
 * The road class of a way, or null when the way is not kept: not a drivable
 * highway (footway, cycleway, path, track, steps, construction…), a service road
 * without `includeService`, closed to motor vehicles, or slower than `minClass`.
 */
export function roadClassOf(tags: OsmTags, filter: ClassFilter = {}): RoadClass | null {
  const highway = tags.highway;
  if (highway === undefined) return null;
  const cls = HIGHWAY_CLASSES[highway] ?? (highway === 'service' && filter.includeService ? 'local' : undefined);
  if (cls === undefined) return null;
  // The most specific of OSM's access tags wins: motorcar, then motor_vehicle, vehicle, access.
  if (CLOSED.has(tags.motorcar ?? tags.motor_vehicle ?? tags.vehicle ?? tags.access ?? '')) return null;
  return atLeast(cls, filter.minClass ?? 'local') ? cls : null;
}

/** True when `cls` is `min` or a faster class. */
export function atLeast(cls: RoadClass, min: RoadClass): boolean {
  return ROAD_CLASS_ORDER.indexOf(cls) <= ROAD_CLASS_ORDER.indexOf(min);
}
