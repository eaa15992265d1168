// Bringing outside maps into evacsim: OpenStreetMap extracts and GeoJSON networks.
export * from './osm/index.js';
export { networkFromGeoJson } from './geojson.js';
export type { GeoJsonNetwork } from './geojson.js';
export type { ScenarioFile, NodeFile, GeoNodeFile, PlanarNodeFile, RoadFile, SettlementFile, ShelterFile } from './file-types.js';
