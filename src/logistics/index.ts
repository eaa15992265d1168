export { unload, closeDestination } from './destinations.js';
export { planFleets, dispatch, wakeFleets, onFleetEvent } from './fleets.js';
export { Logistics, type FleetPlan } from './state.js';
export { trafficHooks, tableTargets } from './hooks.js';
