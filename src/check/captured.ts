// Warnings about what a capture takes before it could be used: a settlement captured
// before its order is given (its people count as trapped, never having had a chance to
// leave), and a shelter or exit captured within the run (it takes nobody from then on,
// whoever is bound for it goes elsewhere, and whoever reached it still counts as evacuated:
// the model does not take them back). Both are legal, and both are easy to miss
// when a front's line or speed is drawn by hand.
import type { CompiledNetwork } from '../network/compile.js';
import type { Placement } from '../network/build-graph.js';
import { sideOf } from '../network/geometry.js';
import type { HazardPlan } from '../hazards/plan.js';
import type { Scenario } from '../scenario/types.js';
import { formatCount, formatDuration } from '../report/format.js';
import type { Warning } from './warning.js';

/** Settlements with people whose node is captured at or before their order's instant (`assigned[s]`: its order, or −1). */
export function capturedBeforeOrder(scenario: Scenario, net: CompiledNetwork, plan: HazardPlan, assigned: Int32Array): Warning[] {
  const warnings: Warning[] = [];
  scenario.settlements.forEach((s, i) => {
    const o = assigned[i];
    if (o < 0 || s.population === 0) return;
    const at = plan.captureAt[net.nodeIndex.get(s.node) as number];
    const ordered = scenario.orders[o].at;
    if (!(at <= ordered) || ordered > scenario.horizon) return;
    const who = s.population === 1 ? 'its 1 person counts' : `its ${formatCount(s.population)} people count`;
    warnings.push({
      path: `settlements[${i}]`,
      message: `"${s.id}" is captured at ${formatDuration(at)}, ${at === ordered ? 'as' : 'before'} its order comes (orders[${o}], ${formatDuration(ordered)}): ${who} as trapped, with no time to leave`,
    });
  });
  return warnings;
}

/** Shelters and exits whose node is captured before the horizon. */
export function capturedDestinations(scenario: Scenario, net: CompiledNetwork, plan: HazardPlan): Warning[] {
  const warnings: Warning[] = [];
  scenario.shelters.forEach((d, i) => {
    const at = plan.captureAt[net.nodeIndex.get(d.node) as number];
    if (!(at <= scenario.horizon)) return;
    const kind = d.capacity === null ? 'exit' : 'shelter';
    warnings.push({
      path: `shelters[${i}]`,
      message: `${kind} "${d.id}" is captured at ${formatDuration(at)}: it takes nobody from then on (those bound for it go elsewhere; those already there still count as evacuated)`,
    });
  });
  return warnings;
}

/**
 * Fronts whose `towards` lies on the line of the segment nearest to it: it names no side,
 * and the front advances on both sides, as without `towards`.
 */
export function frontsTowardsNoSide(scenario: Scenario, place: Placement): Warning[] {
  const warnings: Warning[] = [];
  scenario.hazards.forEach((h, i) => {
    if (h.kind !== 'front' || h.towards === null || h.line.length < 2) return;
    const line = h.line.map((p) => place.toPlanar(p));
    if (sideOf(place.toPlanar(h.towards), line) !== 0) return;
    warnings.push({
      path: `hazards[${i}].towards`,
      message: 'the point lies on the front\'s line (or the line of its nearest segment), so it names no side: the front advances on both sides, as without towards',
    });
  });
  return warnings;
}
