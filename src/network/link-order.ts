// The order the simulation keeps its links in: grouped by the node they leave (the
// file's order within a node), so the links a route choice compares at a node, and a
// route search relaxes, sit side by side in every per-link array instead of a road's
// two directions side by side and its neighbours hundreds of entries away. On the
// 1M-person street grid the event loop ran 15–18 % faster. No figure depends on it:
// every tie goes by ids (CompiledNetwork.linkRank, TrafficState.tieRank), and results
// are reported in the file's order (collect, the trace).
import { type CompiledNetwork, withAdjacency } from './compile.js';

/** The per-link arrays of a CompiledNetwork, each permuted with its links. */
const LINK_ARRAYS = [
  'linkRank', 'linkRoad', 'linkFrom', 'linkTo', 'linkLength', 'linkSpeed', 'linkCapacity', 'linkStorage', 'linkLanes',
  'linkJam', 'linkWaveSpeed', 'linkMode',
] as const;

export interface LinksByTail {
  /** The network with its links renumbered by tail node. */
  net: CompiledNetwork;
  /** `fileIndex[l]`: the index in the original network of the renumbered network's link `l`. */
  fileIndex: Int32Array;
}

/** `net` with its links renumbered in order of their tail nodes; null when they already are. */
export function linksByTail(net: CompiledNetwork): LinksByTail | null {
  // The CSR of outgoing links lists them by tail node, in index order within a node: the order wanted.
  const order = net.outLinks;
  let inOrder = true;
  for (let l = 0; l < order.length && inOrder; l++) inOrder = order[l] === l;
  if (inOrder) return null;
  const linkIds = Array.from(order, (f) => net.linkIds[f]);
  const permuted: Record<string, unknown> = { ...net, linkIds, linkIndex: new Map(linkIds.map((id, l) => [id, l])) };
  for (const key of LINK_ARRAYS) {
    const from = net[key];
    const to = new (from.constructor as new (length: number) => typeof from)(order.length);
    for (let l = 0; l < order.length; l++) to[l] = from[order[l]];
    permuted[key] = to;
  }
  return { net: withAdjacency(permuted as unknown as Omit<CompiledNetwork, 'outStart' | 'outLinks' | 'inStart' | 'inLinks'>), fileIndex: order };
}
