// Which order tells which settlement to leave. A settlement is told once, by the
// earliest order that names it; later orders naming it again change nothing.
// An order names the settlements it lists by id, plus those matching its area:
// its districts, its distance from a line, or both at once (both must hold).
import type { Scenario } from '../scenario/types.js';
import { fileCoordinates, type Placement } from '../network/build-graph.js';

/** For each settlement, the index of the order that tells it, or −1 when none does. */
export function assignOrders(scenario: Scenario, place: Placement): Int32Array {
  const assigned = new Int32Array(scenario.settlements.length).fill(-1);
  // Each settlement's node in the file's coordinates, for orders by distance from a line (measured on the ground).
  const at = scenario.orders.some((o) => o.withinKmOf) ? fileCoordinates(scenario, scenario.settlements.map((s) => s.node)) : [];
  const byTime = scenario.orders.map((_, i) => i).sort((a, b) => scenario.orders[a].at - scenario.orders[b].at || a - b);
  for (const o of byTime) {
    const order = scenario.orders[o];
    const districts = new Set(order.districts);
    const ids = new Set(order.settlements);
    const distance = order.withinKmOf ? place.lineDistance(order.withinKmOf.line) : null;
    scenario.settlements.forEach((s, i) => {
      if (assigned[i] !== -1) return;
      const inDistricts = districts.size > 0 && s.district !== null && districts.has(s.district);
      const nearLine =
        distance !== null && distance(at[i]) <= (order.withinKmOf as { km: number }).km * 1000;
      const inArea = districts.size > 0 && distance !== null ? inDistricts && nearLine : inDistricts || nearLine;
      const named = ids.has(s.id) || inArea;
      if (named) assigned[i] = o;
    });
  }
  return assigned;
}
