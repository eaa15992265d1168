// Builders of normalized Scenario objects for tests, so a test states only what
// matters to it: a few nodes on a line, roads between them, settlements, orders.
import type { Scenario, RoadSpec, OrderSpec, SettlementSpec, ShelterSpec } from '../../src/scenario/types.js';

export function road(id: string, from: string, to: string, fields: Partial<RoadSpec> = {}): RoadSpec {
  return {
    id, from, to, class: 'local', lengthKm: 1, lanes: 1, speedKmh: null, capacityVehPerHour: null,
    oneway: true, mode: 'road', waveSpeedKmh: null, ...fields,
  };
}

export function settlement(id: string, node: string, population: number, fields: Partial<SettlementSpec> = {}): SettlementSpec {
  return { id, name: id, node, population, district: null, region: null, ...fields };
}

export function exit(id: string, node: string, capacity: number | null = null): ShelterSpec {
  return { id, name: id, node, capacity };
}

export function order(settlements: string[], fields: Partial<OrderSpec> = {}): OrderSpec {
  return {
    at: 0, districts: [], settlements, withinKmOf: null, compliance: 1,
    mobilization: { kind: 'fixed', median: 0, shape: null }, ...fields,
  };
}

/** A scenario on planar nodes placed 1 km apart along x, in the order given. */
export function scenario(fields: Partial<Scenario> & { nodes: string[] }): Scenario {
  const { nodes, ...rest } = fields;
  return {
    name: 'test', description: '', seed: 1, start: null, horizon: 86400,
    network: { nodes: nodes.map((id, i) => ({ id, x: i * 1000, y: 0 })), roads: [] },
    settlements: [], shelters: [], households: { size: 1, carShare: 1 },
    shelterShare: null, shadowShare: 0, stochasticCompliance: false, stuckSeconds: 600,
    routing: { mode: 'adaptive', periodSeconds: 120, smoothing: 0.5, iterations: 20, binSeconds: 300 },
    traffic: { jamSpacingM: 7.5, waveSpeedKmh: {} },
    reportBinSeconds: 3600, orders: [], fleets: [], hazards: [], targets: [],
    ...rest,
  };
}
