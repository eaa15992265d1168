// Warnings about who is never told to leave: a scenario without any order (an
// imported map, as written), and settlements with people that no order names.
import type { Scenario } from '../scenario/types.js';
import type { Warning } from './warning.js';
import { formatCount } from '../report/format.js';

/** One warning when there are no orders; else one per peopled settlement no order names (`assigned[s] < 0`). */
export function unorderedSettlements(scenario: Scenario, assigned: Int32Array): Warning[] {
  if (scenario.orders.length === 0) {
    return scenario.settlements.some((s) => s.population > 0)
      ? [{ path: 'orders', message: 'there are no orders: nobody is told to leave (add orders naming districts or settlements)' }]
      : [];
  }
  const warnings: Warning[] = [];
  scenario.settlements.forEach((s, i) => {
    if (assigned[i] >= 0 || s.population === 0) return;
    const who = s.population === 1 ? '1 person is' : `${formatCount(s.population)} people are`;
    warnings.push({ path: `settlements[${i}]`, message: `"${s.id}" is named by no order: its ${who} never told to leave` });
  });
  return warnings;
}
