// The run keeps its links by tail node (network/link-order.ts); what it reports speaks
// of the network it was given: link statistics in that network's order, the trace in
// its link indices.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.js';
import { compileScenario } from '../../src/network/compile.js';
import { linksByTail } from '../../src/network/link-order.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/index.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

/** o → a → x, two-way roads listed from x's end: no link leaves o first in the file. */
const listedFromTheEnd = scenario({
  nodes: ['o', 'a', 'x'],
  network: {
    nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'a', x: 1000, y: 0 }, { id: 'x', x: 2000, y: 0 }],
    roads: [road('a-x', 'a', 'x', { oneway: false }), road('o-a', 'o', 'a', { oneway: false })],
  },
  settlements: [settlement('o', 'o', 5)],
  shelters: [exit('x', 'x')],
  orders: [order(['o'])],
});

describe('links kept by tail node', () => {
  it('renumbers a network whose links are not grouped by tail node, keeping every attribute with its link', () => {
    const given = compileScenario(listedFromTheEnd);
    expect(given.linkIds).toEqual(['a-x', 'a-x:back', 'o-a', 'o-a:back']);
    const reordered = linksByTail(given);
    expect(reordered?.net.linkIds).toEqual(['o-a', 'a-x', 'o-a:back', 'a-x:back']);
    expect(Array.from(reordered?.fileIndex ?? [])).toEqual([2, 0, 3, 1]);
  });

  it('leaves a network already in that order alone', () => {
    const chain = { ...listedFromTheEnd, network: { ...listedFromTheEnd.network, roads: [road('o-a', 'o', 'a'), road('a-x', 'a', 'x')] } };
    expect(linksByTail(compileScenario(chain))).toBeNull();
  });

  it('gives each renumbered link the same id, ends, attributes and rank, and lists out-links side by side (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('grid', 'region'), fc.integer({ min: 1, max: 1000 }), (kind, seed) => {
        const net = compileScenario(parseScenario(generate(kind, { people: 2000, seed })));
        const reordered = linksByTail(net);
        if (reordered === null) return;
        const { net: byTail, fileIndex } = reordered;
        for (let l = 0; l < net.linkCount; l++) {
          const f = fileIndex[l];
          expect(byTail.linkIds[l]).toBe(net.linkIds[f]);
          expect(byTail.linkIndex.get(net.linkIds[f])).toBe(l);
          expect(byTail.nodeIds[byTail.linkFrom[l]]).toBe(net.nodeIds[net.linkFrom[f]]);
          expect(byTail.nodeIds[byTail.linkTo[l]]).toBe(net.nodeIds[net.linkTo[f]]);
          expect([byTail.linkCapacity[l], byTail.linkLength[l], byTail.linkJam[l], byTail.linkRank[l], byTail.linkRoad[l]])
            .toEqual([net.linkCapacity[f], net.linkLength[f], net.linkJam[f], net.linkRank[f], net.linkRoad[f]]);
          expect(byTail.outLinks[l]).toBe(l);
        }
      }),
      { numRuns: 10 },
    );
  });

  it('reports the links in the given order and traces them by the given indices', () => {
    const given = compileScenario(listedFromTheEnd);
    const entered: string[] = [];
    const r = simulate(listedFromTheEnd, {
      network: given,
      trace: (l, v, _t, entering) => { if (entering && v === 0 && l < given.linkCount) entered.push(given.linkIds[l]); },
    });
    expect(entered).toEqual(['o-a', 'a-x']);
    expect(r.links.map((l) => [l.id, l.vehicles])).toEqual([['a-x', 5], ['a-x:back', 0], ['o-a', 5], ['o-a:back', 0]]);
  });
});
