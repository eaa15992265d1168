// One report row per settlement: who was told, who left, who stayed or was
// trapped at the end of the run, when it was told, when it was clear (from the
// start and after its order) and when it was captured.

import type { SimulationResult } from '../result.js';
import type { FacilityKind } from '../scenario/types.js';
import { settlementClearance, settlementOrderTimes } from './clearance.js';
import { peopleBySettlement } from './metrics.js';

export interface SettlementRow {
  id: string;
  name: string;
  district: string | null;
  region: string | null;
  /** The kind of special facility it is; absent for a settlement that is none. */
  facility?: FacilityKind;
  told: number;
  complied: number;
  evacuated: number;
  stayed: number;
  waiting: number;
  inTransit: number;
  trapped: number;
  /** Instant it was first told to leave; null when it never was. */
  orderedAt: number | null;
  /** Instant its last compliant person who could leave evacuated; null if not all did or nobody could leave. */
  clearance: number | null;
  /** clearance − orderedAt: how long after its order the settlement was clear; null when either is. */
  clearanceAfterOrder: number | null;
  capturedAt: number | null;
}

/** One row per settlement, in `result.settlements` order, with end-of-run counts. */
export function settlementRows(result: SimulationResult): SettlementRow[] {
  const people = peopleBySettlement(result, result.endTime);
  const cleared = settlementClearance(result, people);
  const ordered = settlementOrderTimes(result);
  return result.settlements.map((s, i) => ({
    id: s.id,
    name: s.name,
    district: s.district,
    region: s.region,
    ...(s.facility === undefined ? {} : { facility: s.facility }),
    told: people[i].told,
    complied: people[i].complied,
    evacuated: people[i].evacuated,
    stayed: people[i].stayed,
    waiting: people[i].waiting,
    inTransit: people[i].inTransit,
    trapped: people[i].trapped,
    orderedAt: ordered[i],
    clearance: cleared[i],
    clearanceAfterOrder: cleared[i] === null || ordered[i] === null ? null : (cleared[i] as number) - (ordered[i] as number),
    capturedAt: s.capturedAt,
  }));
}
