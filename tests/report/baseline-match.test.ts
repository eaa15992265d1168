// A --baseline of another scenario is named by what differs: settlements,
// nodes and roads only in one of the two, roads of one id joining other nodes.
import { describe, expect, it } from 'vitest';
import { baselineDifferences } from '../../src/report/baseline-match.js';
import { road, scenario, settlement } from '../helpers/build.js';

const here = scenario({
  nodes: ['a', 'b', 'c'],
  network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }, { id: 'c', x: 2000, y: 0 }], roads: [road('ab', 'a', 'b'), road('bc', 'b', 'c')] },
  settlements: [settlement('s1', 'a', 10), settlement('s2', 'b', 10)],
});
const same = { settlements: ['s1', 's2'], network: here.network };

describe('baselineDifferences', () => {
  it('finds nothing for a baseline of the same settlements and network, in any order', () => {
    expect(baselineDifferences(here, same)).toEqual([]);
    expect(baselineDifferences(here, { settlements: ['s2', 's1'], network: null })).toEqual([]);
  });

  it('names settlements only in one of them; a summary (no network) is checked on its settlements alone', () => {
    expect(baselineDifferences(here, { settlements: ['s2', 'x', 'y'], network: null })).toEqual([
      'settlements only in the baseline (2): x, y',
      'settlements only in this scenario (1): s1',
    ]);
  });

  it('names nodes and roads only in one of them, and a road of one id joining other nodes', () => {
    const network = {
      nodes: [{ id: 'a' }, { id: 'b' }, { id: 'd' }],
      roads: [{ id: 'ab', from: 'b', to: 'a' }, { id: 'bd', from: 'b', to: 'd' }],
    };
    expect(baselineDifferences(here, { settlements: ['s1', 's2'], network })).toEqual([
      'nodes only in the baseline (1): d',
      'nodes only in this scenario (1): c',
      'roads only in the baseline (1): bd',
      'roads only in this scenario (1): bc',
      'roads joining other nodes (1): ab (b→a in the baseline, a→b here)',
    ]);
  });

  it('lists five ids, then "…", after the count', () => {
    const many = ['p', 'q', 'r', 's', 't', 'u', 'v'];
    expect(baselineDifferences(here, { settlements: ['s1', 's2', ...many], network: null })).toEqual(['settlements only in the baseline (7): p, q, r, s, t, …']);
  });
});
