// The largest strongly connected part of a directed network: the nodes from
// which every other one can be reached and back. Tarjan's algorithm with an
// explicit stack, since road networks are long chains that would overflow the
// call stack of a recursive search: graphology-components' stronglyConnectedComponents
// is recursive and overflows on a chain of 10,000 nodes (measured with Node 20).
import { endsOf, type OsmNetwork } from './build-network.js';

/**
 * Labels the nodes 0…n−1 of the directed graph with edges `from[i] → to[i]` by
 * strongly connected component; labels run 0…count−1 in the order the
 * components close.
 */
export function stronglyConnectedComponents(
  n: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
): { labels: Int32Array; count: number } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) start[from[e] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const fill = start.slice(0, n);
  const targets = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) targets[fill[from[e]]++] = to[e];

  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const labels = new Int32Array(n).fill(-1);
  let sp = 0;
  let csp = 0;
  let counter = 0;
  let count = 0;

  const enter = (v: number) => {
    index[v] = low[v] = counter++;
    stack[sp++] = v;
    onStack[v] = 1;
    callNode[csp] = v;
    callEdge[csp] = start[v];
    csp++;
  };

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    enter(root);
    while (csp > 0) {
      const v = callNode[csp - 1];
      if (callEdge[csp - 1] < start[v + 1]) {
        const w = targets[callEdge[csp - 1]++];
        if (index[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      csp--;
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          labels[w] = count;
        } while (w !== v);
        count++;
      }
      if (csp > 0) {
        const parent = callNode[csp - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
    }
  }
  return { labels, count };
}

/**
 * Which nodes belong to the largest strongly connected component (most nodes;
 * of equal ones, the one holding the lowest node number). All false when n is 0.
 */
export function largestStronglyConnected(n: number, from: ArrayLike<number>, to: ArrayLike<number>): Uint8Array {
  const { labels, count } = stronglyConnectedComponents(n, from, to);
  const size = new Int32Array(count);
  for (let v = 0; v < n; v++) size[labels[v]]++;
  let best = -1;
  for (let v = 0; v < n; v++) if (best === -1 || size[labels[v]] > size[best]) best = labels[v];
  const keep = new Uint8Array(n);
  for (let v = 0; v < n; v++) keep[v] = labels[v] === best ? 1 : 0;
  return keep;
}

/**
 * The segments whose two ends lie in the largest strongly connected part, and
 * the count of junction nodes and segments left out.
 */
export function keepLargestComponent(network: OsmNetwork): { network: OsmNetwork; dropped: { nodes: number; roads: number } } {
  const ends = [...new Set(network.segments.flatMap(endsOf))].sort((a, b) => a - b);
  const indexOf = new Map(ends.map((id, i) => [id, i]));
  const from: number[] = [];
  const to: number[] = [];
  for (const segment of network.segments) {
    const [a, b] = endsOf(segment).map((id) => indexOf.get(id)!);
    from.push(a);
    to.push(b);
    if (!segment.oneway) {
      from.push(b);
      to.push(a);
    }
  }
  const keep = largestStronglyConnected(ends.length, from, to);
  const segments = network.segments.filter((s) => endsOf(s).every((id) => keep[indexOf.get(id)!] === 1));
  const coords = new Map<number, [number, number]>();
  for (const segment of segments) for (const ref of segment.refs) coords.set(ref, network.coords.get(ref)!);
  const keptNodes = keep.reduce((sum, k) => sum + k, 0);
  return {
    network: { coords, segments },
    dropped: { nodes: ends.length - keptNodes, roads: network.segments.length - segments.length },
  };
}
