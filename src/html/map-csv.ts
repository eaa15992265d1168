// The map's CSV download: each settlement's people by state at one instant, with
// a facility column only for a scenario with special facilities (so other
// scenarios' files keep their columns).

import { csvTable } from '../report/csv.js';
import type { MapData } from './map-data.js';

/** The CSV of `data`'s settlements at its instant `i`. */
export function settlementStatesCsv(data: MapData, i: number): string {
  const facilities = data.settlements.some((s) => s.facility !== undefined);
  const header = ['id', 'name', ...(facilities ? ['facility'] : []), 'seconds', 'waiting', 'left', 'evacuated', 'trapped'];
  const rows = data.settlements.map((s) => [
    s.id, s.name, ...(facilities ? [s.facility ?? ''] : []), data.times[i], s.over.waiting[i], s.over.left[i], s.over.evacuated[i], s.over.trapped[i],
  ]);
  return csvTable(header, rows);
}
