// A zone evacuated alone, as an evacuation time estimate study's regions are (the 2-mile
// ring, a 5-mile keyhole, the whole EPZ, each ordered by itself under every scenario): the
// scenario with only the settlements of the zone told, each by the order that told it in
// the scenario as written. The others are not told; those that leave anyway are the
// study's shadow evacuees (`shadowShare`), as beyond an ETE region.
import { assignOrders } from '../demand/orders.js';
import { placement } from '../network/build-graph.js';
import type { Scenario } from '../scenario/types.js';
import type { Zone } from './zones.js';

/** `scenario` with its orders telling the settlements of `zone` only, at the instants and with the compliance and mobilization they had. */
export function regionScenario(scenario: Scenario, zone: Zone): Scenario {
  const assigned = assignOrders(scenario, placement(scenario));
  const inside = new Set(zone.settlements);
  const orders = scenario.orders.map((order, o) => ({
    ...order,
    districts: [],
    withinKmOf: null,
    settlements: scenario.settlements.filter((_, s) => inside.has(s) && assigned[s] === o).map((s) => s.id),
  }));
  return { ...scenario, orders };
}
