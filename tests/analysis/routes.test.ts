// The analysis's searches against graphology-shortest-path's `brandes` on the
// graphology graph itself: on random small multigraphs with many ties (lengths
// from a few values, parallel links, loops), every search from every node
// settles the same nodes in the same order, with the same route counts and
// predecessors, and the same free-flow seconds along the first predecessors. The
// analysis numbers nodes and links in order of their ids (search-graph.ts), so the
// graphs here list them in that order, as graphology then keeps them.
import fc from 'fast-check';
import { DirectedGraph, MultiDirectedGraph } from 'graphology';
import { edgeBetweenness as packageEdgeBetweenness } from 'graphology-metrics/centrality/index.js';
import { brandes } from 'graphology-shortest-path/dijkstra.js';
import { describe, expect, test } from 'vitest';
import { edgeBetweenness } from '../../src/analysis/betweenness.js';
import { CutScratch, linksOnEveryRoute } from '../../src/analysis/cut-links.js';
import { BrandesSearch, spreadPeople } from '../../src/analysis/routes.js';
import { searchGraph } from '../../src/analysis/search-graph.js';
import type { LinkAttributes, NodeAttributes, RoadGraph } from '../../src/network/build-graph.js';

interface Link { from: number; to: number; lengthM: number }

/** The graph of `links`, listed (and keyed l00, l01, …) by their ends, so graphology's order of out-links is their keys'. */
function graphOf(nodes: number, links: readonly Link[]): RoadGraph {
  const graph: RoadGraph = new MultiDirectedGraph();
  for (let n = 0; n < nodes; n++) graph.addNode(`n${n}`, { x: n, y: 0 });
  [...links].sort((a, b) => a.from - b.from || a.to - b.to).forEach((l, i) => {
    graph.addDirectedEdgeWithKey(`l${String(i).padStart(2, '0')}`, `n${l.from}`, `n${l.to}`, { lengthM: l.lengthM, speedMs: 10 } as LinkAttributes);
  });
  return graph;
}

const seconds = (_key: string, a: LinkAttributes) => a.lengthM / a.speedMs;

/** The fastest link from → to on the graph itself (first among equals). */
function fastestOnGraph(graph: RoadGraph, from: string, to: string): string {
  let best = '';
  for (const key of graph.outEdges(from, to)) if (best === '' || seconds(key, graph.getEdgeAttributes(key)) < seconds(best, graph.getEdgeAttributes(best))) best = key;
  return best;
}

const network = fc.integer({ min: 1, max: 8 }).chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    links: fc.array(
      fc.record({ from: fc.integer({ min: 0, max: nodes - 1 }), to: fc.integer({ min: 0, max: nodes - 1 }), lengthM: fc.constantFrom(100, 200, 300, 500) }),
      { maxLength: 24 },
    ),
  }),
);

describe('BrandesSearch', () => {
  test('settles, counts and links up exactly as graphology-shortest-path does', () => {
    fc.assert(fc.property(network, ({ nodes, links }) => {
      const graph = graphOf(nodes, links);
      const g = searchGraph(graph);
      const search = new BrandesSearch(g);
      for (let s = 0; s < nodes; s++) {
        const [order, predecessors, sigma] = brandes(graph, `n${s}`, seconds);
        const r = search.from(g.nodeIndex.get(`n${s}`) as number);
        expect([...r.order].map((n) => g.nodeIds[n])).toEqual(order);
        const want = new Map<string, number>([[`n${s}`, 0]]);
        for (const node of order) {
          const v = g.nodeIndex.get(node) as number;
          const preds: string[] = [];
          for (let p = r.predHead[v]; p >= 0; p = r.predNext[p]) preds.push(g.nodeIds[r.predNode[p]]);
          expect(preds).toEqual(predecessors[node]);
          expect(r.routes[v]).toBe(sigma[node]);
          if (node !== `n${s}`) {
            const via = predecessors[node][0];
            want.set(node, (want.get(via) as number) + seconds('', graph.getEdgeAttributes(fastestOnGraph(graph, via, node))));
          }
          expect(r.seconds[v]).toBe(want.get(node));
        }
      }
    }), { numRuns: 400 });
  });

  test('the people spread and the links on every route come from the same searches', () => {
    fc.assert(fc.property(network, ({ nodes, links }) => {
      const graph = graphOf(nodes, links);
      const g = searchGraph(graph);
      const search = new BrandesSearch(g);
      const target = nodes - 1;
      const targets = new Uint8Array(nodes);
      targets[target] = 1;
      const delta = new Float64Array(nodes);
      // One scratch for every search, as the analysis keeps it.
      const scratch = new CutScratch(nodes);
      for (let s = 0; s < nodes - 1; s++) {
        const r = search.from(s);
        if (r.routes[target] === 0) {
          expect(linksOnEveryRoute(g, r, targets, scratch)).toEqual([]);
          continue;
        }
        // All 100 people reach the target: as much leaves the source as arrives, and every link used is on a fastest route.
        const load = new Map<number, number>();
        spreadPeople(r, new Map([[target, 100]]), load, delta);
        let out = 0;
        for (const [l, people] of load) {
          const from = g.nodeIds.findIndex((_, v) => l >= g.outStart[v] && l < g.outStart[v + 1]);
          expect(r.seconds[from] + g.seconds[l]).toBeCloseTo(r.seconds[g.linkTo[l]], 9);
          if (from === s) out += people;
        }
        expect(out).toBeCloseTo(100, 9);
        expect(delta.every((d) => d === 0)).toBe(true);
        // Exactly the links without which the target is out of reach (checked by graphology's own search).
        const critical = linksOnEveryRoute(g, r, targets, scratch).map((l) => g.linkIds[l]);
        const cutting = graph.edges().filter((key) => {
          const without = graph.copy();
          without.dropEdge(key);
          return !brandes(without, `n${s}`, seconds)[0].includes(`n${target}`);
        });
        expect([...critical].sort()).toEqual(cutting.sort());
      }
    }), { numRuns: 300 });
  });
});

describe('edgeBetweenness', () => {
  test("gives graphology-metrics' edge betweenness on simple graphs, whose ties are exact", () => {
    fc.assert(fc.property(network, ({ nodes, links }) => {
      // The package takes a simple graph: the first link of each pair of nodes, no loops.
      const simple = links.filter((l, i) => l.from !== l.to && links.findIndex((k) => k.from === l.from && k.to === l.to) === i);
      const graph = graphOf(nodes, simple);
      const copy = new DirectedGraph<NodeAttributes, LinkAttributes>();
      graph.forEachNode((node, attributes) => copy.addNode(node, attributes));
      graph.forEachEdge((key, attributes, from, to) => copy.addDirectedEdgeWithKey(key, from, to, attributes));
      const want = packageEdgeBetweenness(copy, { getEdgeWeight: seconds, normalized: true });
      const got = edgeBetweenness(graph);
      expect([...(got?.keys() ?? [])].sort()).toEqual(Object.keys(want).sort());
      for (const [key, share] of got ?? []) expect(share).toBeCloseTo(want[key], 12);
    }), { numRuns: 300 });
  });
});
