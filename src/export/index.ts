// Writing scenarios and results out for other tools.
export { exportGeoJson } from './geojson.js';
export type { GeoJsonResults, LinkResult, SettlementResult, ScenarioFeatureCollection } from './geojson.js';
