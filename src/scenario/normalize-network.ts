// Nodes and roads of a validated scenario file, normalized: every node has one
// kind of position (lat/lon or x/y, the same for all), and every road has a
// length, measured between its ends when the file leaves it out.

import type { NodeSpec, RoadSpec } from './types.js';
import { haversineKm, planarKm } from './distance.js';
import type { IssueList } from './issues.js';
import type { ScenarioFile } from './schema.js';

type Kind = 'lat/lon' | 'x/y';

/** The kind of position a node gives, or null after reporting why it has none. */
function positionKind(node: ScenarioFile['network']['nodes'][number], index: number, issues: IssueList): Kind | null {
  const at = ['network', 'nodes', index];
  const geographic = node.lat !== undefined || node.lon !== undefined;
  const planar = node.x !== undefined || node.y !== undefined;
  if (geographic && planar) {
    issues.add(at, 'give either lat and lon or x and y, not both');
    return null;
  }
  if (!geographic && !planar) {
    issues.add(at, 'needs a position: lat and lon, or x and y');
    return null;
  }
  const pair = geographic
    ? { names: ['lat', 'lon'], values: [node.lat, node.lon], kind: 'lat/lon' as const }
    : { names: ['x', 'y'], values: [node.x, node.y], kind: 'x/y' as const };
  const missing = pair.names.find((_, i) => pair.values[i] === undefined);
  if (missing !== undefined) {
    issues.add([...at, missing], `missing required field (${pair.names.join(' and ')} go together)`);
    return null;
  }
  return pair.kind;
}

function lengthBetween(from: NodeSpec | undefined, to: NodeSpec | undefined): number | null {
  if (from?.lat !== undefined && from.lon !== undefined && to?.lat !== undefined && to.lon !== undefined) {
    return haversineKm(from.lat, from.lon, to.lat, to.lon);
  }
  if (from?.x !== undefined && from.y !== undefined && to?.x !== undefined && to.y !== undefined) {
    return planarKm(from.x, from.y, to.x, to.y);
  }
  return null;
}

/** Normalized nodes and roads; problems are added to `issues`. */
export function normalizeNetwork(
  network: ScenarioFile['network'],
  issues: IssueList,
): { nodes: NodeSpec[]; roads: RoadSpec[] } {
  let first: { kind: Kind; index: number } | null = null;
  for (const [index, node] of network.nodes.entries()) {
    const kind = positionKind(node, index, issues);
    if (kind === null) continue;
    if (first === null) first = { kind, index };
    else if (kind !== first.kind) {
      issues.add(
        ['network', 'nodes', index],
        `uses ${kind} but network.nodes[${first.index}] uses ${first.kind}; give every node the same kind of position`,
      );
    }
  }
  const nodes: NodeSpec[] = network.nodes.map(({ id, lat, lon, x, y }) =>
    lat !== undefined || lon !== undefined ? { id, lat, lon } : { id, x, y },
  );
  const byId = new Map(nodes.map((node) => [node.id, node]));

  const roads = network.roads.map((road, index): RoadSpec => {
    let lengthKm = road.lengthKm ?? lengthBetween(byId.get(road.from), byId.get(road.to));
    if (lengthKm === 0 && road.from !== road.to) {
      const ends = `${JSON.stringify(road.from)} and ${JSON.stringify(road.to)}`;
      issues.add(['network', 'roads', index], `its ends ${ends} are at the same position; give lengthKm`);
    }
    lengthKm ??= 0;
    const spec: RoadSpec = {
      id: road.id,
      from: road.from,
      to: road.to,
      class: road.class,
      lengthKm,
      lanes: road.lanes,
      speedKmh: road.speedKmh ?? null,
      capacityVehPerHour: road.capacityVehPerHour ?? null,
      oneway: road.oneway,
      mode: road.mode,
      waveSpeedKmh: road.waveSpeedKmh ?? null,
    };
    if (road.geometry !== undefined) spec.geometry = road.geometry;
    return spec;
  });
  return { nodes, roads };
}
