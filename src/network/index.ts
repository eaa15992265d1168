export { ROAD_CLASSES, VEHICLE_SPACING_M } from './classes.js';
export { buildGraph, placement, linkAttributes, type RoadGraph, type Placement } from './build-graph.js';
export { compile, compileScenario, MODE_ROAD, MODE_RAIL, type CompiledNetwork } from './compile.js';
export { nextHopTable, freeFlowCosts, AT_DESTINATION, NO_ROUTE } from './routing.js';
export { unreachableSettlements } from './reachability.js';
export { haversineM, projector, polylineDistance, sameSide, type Planar } from './geometry.js';
