// graphology graph → CompiledNetwork: struct-of-arrays with integer ids and CSR
// adjacency (outgoing links by tail node, incoming by head node), the only form
// of the network the simulation loop touches. It is always compiled from the
// graph, so what the analyses and exports read is what the model runs on.
import type { Scenario } from '../scenario/types.js';
import { buildGraph, type LinkAttributes, type RoadGraph } from './build-graph.js';
import { idRanks } from '../scenario/id-order.js';

export const MODE_ROAD = 0;
export const MODE_RAIL = 1;

export interface CompiledNetwork {
  nodeCount: number;
  linkCount: number;
  nodeIds: string[];
  nodeIndex: Map<string, number>;
  /** Planar position of each node, metres. */
  nodeX: Float64Array;
  nodeY: Float64Array;
  linkIds: string[];
  linkIndex: Map<string, number>;
  /**
   * Each link's place in the order of link ids: of two equally good links (equal route
   * costs, equal estimates) the one whose id sorts first is taken, so listing the roads
   * in another order changes no route.
   */
  linkRank: Int32Array;
  /** Each node's place in the order of node ids: ties between nodes (captures at one instant, origin queues) go by it, not by the listing. */
  nodeRank: Int32Array;
  /** Index of the scenario road each link comes from. */
  linkRoad: Int32Array;
  linkFrom: Int32Array;
  linkTo: Int32Array;
  linkLength: Float64Array;
  /** Free speed, m/s. */
  linkSpeed: Float64Array;
  /** Flow capacity, vehicles per hour, all lanes. */
  linkCapacity: Float64Array;
  /** Storage capacity, vehicles (length × lanes ÷ jam spacing). */
  linkStorage: Int32Array;
  /** Lanes in the link's direction. */
  linkLanes: Int32Array;
  /** Vehicles the link holds at jam density, not rounded (length × lanes ÷ jam spacing). */
  linkJam: Float64Array;
  /** Backward (congestion) wave speed, m/s. */
  linkWaveSpeed: Float64Array;
  /** MODE_ROAD or MODE_RAIL. */
  linkMode: Uint8Array;
  /** CSR: outgoing links of node n are outLinks[outStart[n] .. outStart[n+1]). */
  outStart: Int32Array;
  outLinks: Int32Array;
  /** CSR: incoming links of node n are inLinks[inStart[n] .. inStart[n+1]). */
  inStart: Int32Array;
  inLinks: Int32Array;
}

/** Compiles a road graph; node and link order follow the graph's insertion order. */
export function compile(graph: RoadGraph): CompiledNetwork {
  const nodeCount = graph.order;
  const linkCount = graph.size;
  const nodeIds: string[] = [];
  const nodeIndex = new Map<string, number>();
  const nodeX = new Float64Array(nodeCount);
  const nodeY = new Float64Array(nodeCount);
  graph.forEachNode((id, attributes) => {
    const i = nodeIds.length;
    nodeIds.push(id);
    nodeIndex.set(id, i);
    nodeX[i] = attributes.x;
    nodeY[i] = attributes.y;
  });

  const links = linkTable(linkCount);
  let l = 0;
  graph.forEachEdge((id, attributes, source, target) => {
    links.set(l++, id, nodeIndex.get(source) as number, nodeIndex.get(target) as number, attributes);
  });

  const linkRank = idRanks(links.arrays.linkIds);
  const nodeRank = idRanks(nodeIds);
  return withAdjacency({ nodeCount, linkCount, nodeIds, nodeIndex, nodeX, nodeY, ...links.arrays, linkRank, nodeRank });
}

/**
 * The CompiledNetwork of a scenario: its road graph built (see buildGraph, which
 * throws ScenarioError for ids that clash or name no node) and compiled.
 */
export function compileScenario(scenario: Scenario): CompiledNetwork {
  return compile(buildGraph(scenario));
}

type LinkArrays = Pick<
  CompiledNetwork,
  'linkIds' | 'linkIndex' | 'linkRoad' | 'linkFrom' | 'linkTo' | 'linkLength' | 'linkSpeed' | 'linkCapacity' | 'linkStorage' | 'linkLanes' | 'linkJam' | 'linkWaveSpeed' | 'linkMode'
>;

/** The per-link arrays of `count` links, and how one link is written into them. */
function linkTable(count: number): { arrays: LinkArrays; set: (l: number, id: string, tail: number, head: number, a: LinkAttributes) => void } {
  const arrays: LinkArrays = {
    linkIds: new Array<string>(count),
    linkIndex: new Map<string, number>(),
    linkRoad: new Int32Array(count),
    linkFrom: new Int32Array(count),
    linkTo: new Int32Array(count),
    linkLength: new Float64Array(count),
    linkSpeed: new Float64Array(count),
    linkCapacity: new Float64Array(count),
    linkStorage: new Int32Array(count),
    linkLanes: new Int32Array(count),
    linkJam: new Float64Array(count),
    linkWaveSpeed: new Float64Array(count),
    linkMode: new Uint8Array(count),
  };
  const set = (l: number, id: string, tail: number, head: number, a: LinkAttributes) => {
    arrays.linkIds[l] = id;
    arrays.linkIndex.set(id, l);
    arrays.linkRoad[l] = a.road;
    arrays.linkFrom[l] = tail;
    arrays.linkTo[l] = head;
    arrays.linkLength[l] = a.lengthM;
    arrays.linkSpeed[l] = a.speedMs;
    arrays.linkCapacity[l] = a.capacityVehPerHour;
    arrays.linkStorage[l] = a.storage;
    arrays.linkLanes[l] = a.lanes;
    arrays.linkJam[l] = a.jam;
    arrays.linkWaveSpeed[l] = a.waveSpeedMs;
    arrays.linkMode[l] = a.mode === 'rail' ? MODE_RAIL : MODE_ROAD;
  };
  return { arrays, set };
}

/** Adds the CSR adjacency to the per-node and per-link arrays. */
function withAdjacency(net: Omit<CompiledNetwork, 'outStart' | 'outLinks' | 'inStart' | 'inLinks'>): CompiledNetwork {
  const { nodeCount, linkFrom, linkTo } = net;
  const [outStart, outLinks] = csr(nodeCount, linkFrom);
  const [inStart, inLinks] = csr(nodeCount, linkTo);
  return { ...net, outStart, outLinks, inStart, inLinks };
}

/** Groups link indices by `key[link]` into CSR form (offsets with a sentinel end, then members). */
function csr(nodeCount: number, key: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(nodeCount + 1);
  for (let l = 0; l < key.length; l++) start[key[l] + 1]++;
  for (let n = 0; n < nodeCount; n++) start[n + 1] += start[n];
  const fill = start.slice(0, nodeCount);
  const members = new Int32Array(key.length);
  for (let l = 0; l < key.length; l++) members[fill[key[l]]++] = l;
  return [start, members];
}
