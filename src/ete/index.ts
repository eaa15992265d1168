// Evacuation time estimates: zones, ETE rows of a run, studies over variants
// and replications, and their tables.
export { buildZones, type Zone, type ZoneKind, type ZoneSpec, type ZonePolygon } from './zones.js';
export { parseZoneSpec, checkZoneSpec, polygonsFromGeoJson } from './zone-spec.js';
export { eteRows, eteCurves, eteOfRun, zoneOrderTime, ETE_PERCENTS, type EteRow, type EteEnd, type EteCurve, type EteOptions, type EtePercent } from './table.js';
export { ETE_GROUPS, eteGroups, type EteGroup } from './groups.js';
export { TripRecorder, type Visits } from './trips.js';
export { combineReplications, type EteStudyRow } from './replications.js';
export { runEteStudy, replicationSeed, type EteStudy, type EteStudyOptions, type EteVariant } from './study.js';
export { eteMetrics } from './metrics.js';
export { eteCsv, eteJson, eteText } from './output.js';
