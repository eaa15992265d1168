// Nodes whose latitude and longitude look swapped: far from the rest of the map,
// but close to it once the two are exchanged. Such a node makes the roads
// touching it absurdly long (a road across the globe), so it is worth a warning.
import type { Scenario } from '../scenario/types.js';
import type { Warning } from './warning.js';

/** Degrees from the map's median position beyond which a node counts as far away. */
const FAR_DEGREES = 5;

/** One warning per geographic node that lies far from the median node but near it with lat and lon exchanged. */
export function swappedCoordinates(scenario: Scenario): Warning[] {
  const nodes = scenario.network.nodes;
  if (nodes.length < 3 || nodes[0].lat === undefined) return [];
  const lat = median(nodes.map((n) => n.lat as number));
  const lon = median(nodes.map((n) => n.lon as number));
  const off = (a: number, b: number) => Math.abs(a - lat) + Math.abs(b - lon);
  const warnings: Warning[] = [];
  nodes.forEach((n, i) => {
    const asIs = off(n.lat as number, n.lon as number);
    const swapped = off(n.lon as number, n.lat as number);
    if (asIs > FAR_DEGREES && swapped < FAR_DEGREES / 5) {
      warnings.push({
        path: `network.nodes[${i}]`,
        message: `"${n.id}" at lat ${n.lat}, lon ${n.lon} is far from the other nodes; its latitude and longitude look swapped`,
      });
    }
  });
  return warnings;
}

function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)];
}
