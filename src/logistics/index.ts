export { destinationTable, pickupTable, nextLink, nextHop, invalidateTables } from './routes.js';
export { unload, closeDestination } from './destinations.js';
export { planFleets, dispatch, wakeFleets, onFleetEvent, type FleetPlan } from './fleets.js';
