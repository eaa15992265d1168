// Whether a --baseline is of the scenario it is compared with. The report pairs
// a baseline's settlements with the run's by id, so a baseline of another
// scenario (other settlements, another network) would compare little or
// nothing without a word; these lines name what differs.

import type { Scenario } from '../scenario/types.js';

/** What a baseline is checked on: its settlements' ids, and its network when it was run here (a summary JSON has none). */
export interface BaselineShape {
  settlements: readonly string[];
  network: { nodes: readonly { id: string }[]; roads: readonly { id: string; from: string; to: string }[] } | null;
}

/** Ids listed in a line before "…". */
const SHOWN = 5;

/**
 * One line per difference of `baseline` from `scenario`: settlements, nodes and
 * roads only in one of them, and roads of one id joining other nodes; none when
 * they match.
 */
export function baselineDifferences(scenario: Scenario, baseline: BaselineShape): string[] {
  const lines = onlyIn('settlements', scenario.settlements.map((s) => s.id), baseline.settlements);
  if (baseline.network === null) return lines;
  const { nodes, roads } = scenario.network;
  lines.push(...onlyIn('nodes', nodes.map((n) => n.id), baseline.network.nodes.map((n) => n.id)));
  lines.push(...onlyIn('roads', roads.map((r) => r.id), baseline.network.roads.map((r) => r.id)));
  const ends = new Map(roads.map((r) => [r.id, `${r.from}→${r.to}`]));
  const moved = baseline.network.roads
    .filter((r) => ends.has(r.id) && ends.get(r.id) !== `${r.from}→${r.to}`)
    .map((r) => `${r.id} (${r.from}→${r.to} in the baseline, ${ends.get(r.id)} here)`);
  if (moved.length > 0) lines.push(`roads joining other nodes (${moved.length}): ${list(moved)}`);
  return lines;
}

function onlyIn(what: string, here: readonly string[], there: readonly string[]): string[] {
  const inHere = new Set(here);
  const inThere = new Set(there);
  const baselineOnly = there.filter((id) => !inHere.has(id));
  const scenarioOnly = here.filter((id) => !inThere.has(id));
  return [
    ...(baselineOnly.length > 0 ? [`${what} only in the baseline (${baselineOnly.length}): ${list(baselineOnly)}`] : []),
    ...(scenarioOnly.length > 0 ? [`${what} only in this scenario (${scenarioOnly.length}): ${list(scenarioOnly)}`] : []),
  ];
}

function list(items: readonly string[]): string {
  return items.length <= SHOWN ? items.join(', ') : `${items.slice(0, SHOWN).join(', ')}, …`;
}
