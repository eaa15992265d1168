// Trip generation (NUREG/CR-7002's mobilization time): when the people of a zone
// who chose to leave were ready to set out, read from the run's demand, whatever the
// roads did after. Beside the ETE it tells whether a zone's time is set by
// mobilization (ETE close to it) or by the network (ETE far beyond it).

import type { Demand } from '../demand/households.js';
import type { Scenario } from '../scenario/types.js';
import { endEvents, type EndEvents } from './end-events.js';
import { facilityIndex } from './groups.js';
import type { Zone } from './zones.js';

/**
 * Per zone, its compliant households (shadow evacuees left out) at the instant each
 * was ready, in time order, including those ready after the run's end; not those whose
 * settlement was captured at or before that instant (`capturedAt`, per settlement): they
 * never set out, and their draw would put the zone's mobilization after the capture; nor
 * those whose order never came in the run (`toldAt` null: after the horizon), who were
 * never told, so never chose to leave.
 */
export function zoneReadyEvents(
  demand: Demand,
  scenario: Scenario,
  zones: readonly Zone[],
  capturedAt: readonly (number | null)[],
  toldAt: readonly (number | null)[],
): EndEvents[] {
  const zonesOf: number[][] = scenario.settlements.map(() => []);
  zones.forEach((zone, z) => { for (const s of zone.settlements) zonesOf[s].push(z); });
  const counted = (k: number) => {
    const s = demand.settlement[k];
    const captured = capturedAt[s];
    return !demand.isShadow[k] && toldAt[s] !== null && (captured === null || demand.ready[k] < captured);
  };
  const sizes = new Int32Array(zones.length);
  for (let k = 0; k < demand.count; k++) {
    if (counted(k)) for (const z of zonesOf[demand.settlement[k]]) sizes[z]++;
  }
  const events = zones.map((_, z) => endEvents(sizes[z]));
  const facility = scenario.settlements.map((s) => facilityIndex(s.facility));
  const filled = new Int32Array(zones.length);
  // The demand is in order of `ready`, so each zone's events are too.
  for (let k = 0; k < demand.count; k++) {
    if (!counted(k)) continue;
    const s = demand.settlement[k];
    for (const z of zonesOf[s]) {
      const i = filled[z]++;
      events[z].time[i] = demand.ready[k];
      events[z].people[i] = demand.people[k];
      events[z].car[i] = demand.car[k];
      events[z].facility[i] = facility[s];
    }
  }
  return events;
}
