// Listing the roads, nodes or settlements of a scenario in another order changes no
// figure of the network analysis: its searches number nodes and links in order of their
// ids (search-graph.ts), a road's people are added up in order of settlement ids, and a
// cut names its links in id order. Before, the numbering followed the file: on a
// generated 5 × 5 grid of 3,000 people, with roads and nodes reversed, link h2-1:back's
// betweenness came to 0.029833333333333326 instead of 0.029833333333333333 (the same
// shares added up in another order), which moved it ahead of the roads it ties with, and
// the cut of the whole area was named v3-2, v4-0:back, v0-0:back … instead of
// h0-0:back, v0-0:back, h0-1 … (now h0-0:back, h0-1, h0-3 …, by id).
import { describe, expect, it } from 'vitest';
import { analyzeNetwork, type NetworkAnalysis } from '../../src/analysis/analyze.js';
import { generate } from '../../src/generate/index.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { exit, road, scenario, settlement } from '../helpers/build.js';

/** The 5 × 5 grid's file, with its roads, nodes and settlements reversed when asked. */
function grid(reversed: boolean) {
  const raw = structuredClone(generate('grid', { people: 3000, seed: 3 })) as unknown as {
    network: { nodes: unknown[]; roads: unknown[] };
    settlements: unknown[];
  };
  if (reversed) {
    raw.network.nodes.reverse();
    raw.network.roads.reverse();
    raw.settlements.reverse();
  }
  return parseScenario(raw);
}

/** The analysis, its settlements and per-settlement cuts in id order (the rows follow the file). */
function analysis(reversed: boolean): NetworkAnalysis {
  const a = analyzeNetwork(grid(reversed));
  const byZone = (x: { zone: string }, y: { zone: string }) => (x.zone < y.zone ? -1 : x.zone > y.zone ? 1 : 0);
  return {
    ...a,
    settlements: [...a.settlements].sort((x, y) => (x.id < y.id ? -1 : 1)),
    cuts: [...a.cuts].sort((x, y) => x.kind.localeCompare(y.kind) || byZone(x, y)),
  };
}

describe('the order roads, nodes and settlements are listed in', () => {
  it('changes no figure or ranking of the network analysis', () => {
    const listed = analysis(false);
    const reversed = analysis(true);
    expect(listed.centralRoads?.find((r) => r.link === 'h2-1:back')?.betweenness).toBe(0.029833333333333333);
    expect(listed.cuts[0].zone).toBe('all');
    expect(listed.cuts[0].cut.slice(0, 3)).toEqual(['h0-0:back', 'h0-1', 'h0-3']);
    expect(reversed).toEqual(listed);
  });
});

// A town 1 km from a node holding a gym and a school: both 1.5 min away at 40 km/h, the
// gym (its id sorts first) named nearest however listed. Before, the one listed first.
describe('the order shelters on one node are listed in', () => {
  it('does not decide which the analysis names nearest', () => {
    const reaches = (schoolFirst: boolean) => {
      const shelters = [exit('gym', 'x', 50), exit('school', 'x', 50)];
      const s = scenario({
        nodes: ['n', 'x'], settlements: [settlement('a', 'n', 60)], shelters: schoolFirst ? shelters.reverse() : shelters,
        network: { nodes: [{ id: 'n', x: 0, y: 0 }, { id: 'x', x: 1000, y: 0 }], roads: [road('r', 'n', 'x')] },
      });
      return analyzeNetwork(s).settlements[0].reaches.map((r) => r.id);
    };
    expect(reaches(false)).toEqual(['gym', 'school']);
    expect(reaches(true)).toEqual(['gym', 'school']);
  });
});

// Two exits on two nodes, each 1 km from the town: equally near. Before, they were listed in
// the order the search settled their nodes, so naming them the other way round reversed them.
describe('equally near destinations on two nodes', () => {
  it('are listed in order of their ids', () => {
    const reaches = (first: string, second: string) => {
      const s = scenario({
        nodes: ['n', 'x', 'y'], settlements: [settlement('a', 'n', 60)], shelters: [exit(first, 'x'), exit(second, 'y')],
        network: {
          nodes: [{ id: 'n', x: 0, y: 0 }, { id: 'x', x: 1000, y: 0 }, { id: 'y', x: -1000, y: 0 }],
          roads: [road('r', 'n', 'x'), road('s', 'n', 'y')],
        },
      });
      return analyzeNetwork(s).settlements[0].reaches.map((r) => [r.id, r.seconds]);
    };
    expect(reaches('alpha', 'zeta')).toEqual([['alpha', 90], ['zeta', 90]]);
    expect(reaches('zeta', 'alpha')).toEqual([['alpha', 90], ['zeta', 90]]);
  });
});
