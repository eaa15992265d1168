// Parts of the road network cut off from the rest (direction ignored) that serve
// no one: roads no settlement is connected to, or shelters and exits no settlement
// can ever reach. Most often a gap in an import or a mistyped node id. The parts
// are graphology-components' connected components.
import { connectedComponents } from 'graphology-components';
import type { RoadGraph } from '../network/build-graph.js';
import type { Scenario } from '../scenario/types.js';
import type { Warning } from './warning.js';
import { minOf } from '../report/extremes.js';
import { quotedIds } from './quoted.js';
import { counted } from '../report/format.js';

/** One warning per connected part of the network with no settlement on it (none when the network is one piece). */
export function disconnectedParts(scenario: Scenario, graph: RoadGraph): Warning[] {
  const parts = connectedComponents(graph);
  if (parts.length <= 1) return [];
  const settled = new Set(scenario.settlements.map((s) => s.node));
  const nodeIndex = new Map(scenario.network.nodes.map((n, i) => [n.id, i]));
  const warnings: Warning[] = [];
  for (const part of parts) {
    if (part.some((n) => settled.has(n))) continue;
    const members = new Set(part);
    const shelters = scenario.shelters.filter((s) => members.has(s.node)).map((s) => s.id);
    const first = minOf(part.map((n) => nodeIndex.get(n) as number));
    const nodes = `${counted(part.length, 'node')} (${quotedIds(part)})`;
    const one = part.length === 1;
    warnings.push({
      path: `network.nodes[${first}]`,
      message: shelters.length > 0
        ? `${nodes} with shelter or exit ${quotedIds(shelters)} ${one ? 'is' : 'are'} not connected to any settlement's roads; no one can reach them`
        : `${nodes} and ${one ? 'its' : 'their'} roads are not connected to the rest of the network, and no settlement, shelter or exit is on them`,
    });
  }
  return warnings;
}
