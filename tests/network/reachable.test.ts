import { describe, expect, it } from 'vitest';
import { reachableNodes } from '../../src/network/reachable.js';
import { compileScenario, MODE_RAIL, MODE_ROAD } from '../../src/network/compile.js';
import { freeFlowCosts } from '../../src/network/routing.js';
import { road, scenario } from '../helpers/build.js';

//   a ──► b ──► c ◄── d      a ══ e (rail)
const s = scenario({ nodes: ['a', 'b', 'c', 'd', 'e'] });
s.network.roads = [road('ab', 'a', 'b'), road('bc', 'b', 'c'), road('dc', 'd', 'c'), road('ae', 'a', 'e', { oneway: false, mode: 'rail' })];
const net = compileScenario(s);
const ids = (seen: Uint8Array) => net.nodeIds.filter((_, n) => seen[n] === 1);
const at = (id: string) => net.nodeIndex.get(id) as number;

describe('reachableNodes', () => {
  it('follows the links of the cost table, in their direction, from every source', () => {
    expect(ids(reachableNodes(net, [at('a')], freeFlowCosts(net, MODE_ROAD)))).toEqual(['a', 'b', 'c']);
    expect(ids(reachableNodes(net, [at('d'), at('b')], freeFlowCosts(net, MODE_ROAD)))).toEqual(['b', 'c', 'd']);
    expect(ids(reachableNodes(net, [at('e')], freeFlowCosts(net, MODE_RAIL)))).toEqual(['a', 'e']);
  });

  it('reaches nothing from no source', () => {
    expect(ids(reachableNodes(net, [], freeFlowCosts(net, MODE_ROAD)))).toEqual([]);
  });
});
