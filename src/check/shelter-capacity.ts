// The validate warning that the shelters have fewer places than the people a run
// will send to them (shelter-seekers.ts): one warning for the whole scenario, the
// places of shelters none of those people can reach left out of the total.
import type { Scenario } from '../scenario/types.js';
import { freeFlowCosts } from '../network/routing.js';
import { MODE_RAIL, MODE_ROAD, type CompiledNetwork } from '../network/compile.js';
import { reachableNodes } from '../network/reachable.js';
import { formatCount } from '../report/format.js';
import { shelterSeekers } from './shelter-seekers.js';
import { quotedIds } from './quoted.js';
import type { Warning } from './warning.js';

/**
 * A warning when the places of the shelters within reach of those heading for shelters
 * are fewer than they are; none when there are no shelters, or places enough.
 * `assigned`: each settlement's order, as assignOrders gives it.
 */
export function shelterCapacity(scenario: Scenario, net: CompiledNetwork, assigned: Int32Array): Warning[] {
  const shelters = scenario.shelters.filter((d) => d.capacity !== null);
  if (shelters.length === 0) return [];
  const seekers = shelterSeekers(scenario, net, assigned);
  const parts: [number, string][] = [
    [Math.round(seekers.byCar), 'by car'],
    [Math.round(seekers.shadow), 'shadow evacuees by car'],
    [seekers.byFleet, 'by fleet'],
  ];
  const heading = parts.reduce((sum, [n]) => sum + n, 0);
  const reached = [MODE_ROAD, MODE_RAIL].map((mode) => reachableNodes(net, nodesOf(seekers.origins[mode]), freeFlowCosts(net, mode)));
  const inReach = (node: string) => reached.some((r) => r[net.nodeIndex.get(node) as number] === 1);
  const capacity = shelters.reduce((sum, d) => sum + (inReach(d.node) ? (d.capacity ?? 0) : 0), 0);
  if (capacity >= heading) return [];
  const away = shelters.filter((d) => !inReach(d.node) && (d.capacity ?? 0) > 0);
  const outOfReach = away.length === 0 ? '' :
    `; the ${formatCount(away.reduce((sum, d) => sum + (d.capacity ?? 0), 0))} places of ${quotedIds(away.map((d) => d.id))} are not counted: no one heading for shelters can reach them`;
  const shown = parts.filter(([n]) => n > 0);
  const madeOf = shown.length > 1 ? ` (${shown.map(([n, how]) => `${formatCount(n)} ${how}`).join(', ')})` : '';
  const then = restGoes(scenario, net, seekers.origins, reached);
  return [{
    path: 'shelters',
    message: `total shelter capacity ${formatCount(capacity)} is below the ${formatCount(heading)} people expected to head for shelters${madeOf}; ${then}${outOfReach}`,
  }];
}

/**
 * Where those the shelters have no room for go: on to exits, where the ways they travel
 * (roads, or a rail fleet's rails) reach one from where they set out; else nowhere (a
 * train's passengers at a full station with no rail to an exit stay aboard).
 */
function restGoes(scenario: Scenario, net: CompiledNetwork, origins: readonly Uint8Array[], reached: readonly Uint8Array[]): string {
  const exits = scenario.shelters.filter((d) => d.capacity === null).map((d) => net.nodeIndex.get(d.node) as number);
  const modes = [MODE_ROAD, MODE_RAIL].filter((mode) => origins[mode].includes(1));
  const stranded = modes.filter((mode) => !exits.some((n) => reached[mode][n] === 1));
  if (stranded.length === modes.length) return 'the rest will have nowhere to go';
  if (stranded.length === 0) return 'the rest will go on to exits';
  return `the rest will go on to exits, except those travelling by ${stranded[0] === MODE_RAIL ? 'rail' : 'road'}, who reach none and will have nowhere to go`;
}

function nodesOf(flags: Uint8Array): number[] {
  const nodes: number[] = [];
  flags.forEach((flag, n) => { if (flag === 1) nodes.push(n); });
  return nodes;
}
