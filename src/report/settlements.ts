// One report row per settlement: who was told, who left, who stayed or was
// trapped at the end of the run, when it was clear and when it was captured.

import type { SimulationResult } from '../result.js';
import { settlementClearance } from './clearance.js';
import { peopleBySettlement } from './metrics.js';

export interface SettlementRow {
  id: string;
  name: string;
  district: string | null;
  region: string | null;
  told: number;
  complied: number;
  evacuated: number;
  stayed: number;
  waiting: number;
  inTransit: number;
  trapped: number;
  /** Instant its last compliant person evacuated; null if not all did or nobody complied. */
  clearance: number | null;
  capturedAt: number | null;
}

/** One row per settlement, in `result.settlements` order, with end-of-run counts. */
export function settlementRows(result: SimulationResult): SettlementRow[] {
  const people = peopleBySettlement(result, result.endTime);
  const cleared = settlementClearance(result);
  return result.settlements.map((s, i) => ({
    id: s.id,
    name: s.name,
    district: s.district,
    region: s.region,
    told: people[i].told,
    complied: people[i].complied,
    evacuated: people[i].evacuated,
    stayed: people[i].stayed,
    waiting: people[i].waiting,
    inTransit: people[i].inTransit,
    trapped: people[i].trapped,
    clearance: cleared[i],
    capturedAt: s.capturedAt,
  }));
}
