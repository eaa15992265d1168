// OpenStreetMap import: XML or PBF → a scenario file with the drivable network
// and the named places (docs/design.md §2 road classes; docs/bring-your-own-map.md).
export { importOsm, convertOsm, osmFormatOf } from './import-osm.js';
export { parseBbox, checkBbox } from './bbox.js';
export type { Bbox } from './bbox.js';
export { slug } from './write-scenario.js';
export type { OsmImport, OsmImportOptions } from './import-osm.js';
export { readOsmXml } from './read-xml.js';
export { readOsmPbf } from './read-pbf.js';
export type { OsmData, OsmNode, OsmWay, OsmTags } from './model.js';
export { HIGHWAY_CLASSES, ROAD_CLASS_ORDER, roadClassOf } from './highway-classes.js';
export { parseMaxspeed, parseLanes, parseOneway, MAXSPEED_ZONES } from './tags.js';
