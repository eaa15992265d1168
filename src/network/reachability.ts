// The validation check that needs the compiled network: every settlement must have
// a road path to at least one destination (shelter or exit), hazards ignored.
import type { Scenario } from '../scenario/types.js';
import { compileScenario, MODE_ROAD, type CompiledNetwork } from './compile.js';
import { freeFlowCosts, nextHopTable, NO_ROUTE } from './routing.js';

/**
 * One `{ path, message }` per settlement with no road path to any destination.
 * `net` is the scenario's compiled network, when the caller has it already.
 */
export function unreachableSettlements(scenario: Scenario, net: CompiledNetwork = compileScenario(scenario)): { path: string; message: string }[] {
  const targets = scenario.shelters.map((s) => net.nodeIndex.get(s.node) as number);
  const next = nextHopTable(net, targets, freeFlowCosts(net, MODE_ROAD));
  const issues: { path: string; message: string }[] = [];
  scenario.settlements.forEach((s, i) => {
    if (next[net.nodeIndex.get(s.node) as number] === NO_ROUTE) {
      issues.push({
        path: `settlements[${i}]`,
        message: `"${s.id}" at node "${s.node}" has no road path to any shelter or exit`,
      });
    }
  });
  return issues;
}
