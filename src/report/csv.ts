// The CSV tables of `run --out`: the time series per report bin, the
// settlements and the links. Fields are quoted as RFC 4180 asks; the functions
// return text and the command line writes the files.

import { LogKind, type SimulationResult } from '../result.js';
import { csvTable, type Field } from './csv-table.js';
import { binEnds } from './bins.js';
import type { LinkCongestion } from './link-congestion.js';
import { clockAt } from './clock.js';
import { peopleSeries } from './metrics.js';
import type { SettlementRow } from './settlements.js';
import { occupancySeries } from './shelters.js';
import { peopleByBin } from './throughput.js';


/**
 * One row per report bin, at the bin's end: people by state, people departed
 * and evacuated in the bin, the sampled vehicle gauges, and the occupancy of
 * every shelter with a capacity (`shelter:<id>`). `clock` is empty without a start.
 */
export function timeseriesCsv(result: SimulationResult): string {
  const ends = binEnds(result.endTime, result.samples.binSeconds);
  const people = peopleSeries(result, ends);
  const departed = peopleByBin(result, LogKind.Departed);
  const evacuated = peopleByBin(result, LogKind.Evacuated);
  const occupancy = occupancySeries(result, ends);
  const shelters = result.destinations
    .map((d, index) => ({ id: d.id, index, capacity: d.capacity }))
    .filter((d) => d.capacity !== null);
  const { vehiclesOnRoad, vehiclesQueuedAtOrigin } = result.samples;
  const header = [
    'time',
    'clock',
    'told',
    'stayed',
    'waiting',
    'inTransit',
    'evacuated',
    'trapped',
    'shadow',
    'departedInBin',
    'evacuatedInBin',
    'vehiclesOnRoad',
    'vehiclesQueuedAtOrigin',
    ...shelters.map((s) => `shelter:${s.id}`),
  ];
  const rows = ends.map((t, i): Field[] => {
    const p = people[i];
    return [
      t,
      result.start === null ? null : clockAt(result.start, t),
      p.told,
      p.stayed,
      p.waiting,
      p.inTransit,
      p.evacuated,
      p.trapped,
      p.shadow,
      departed[i],
      evacuated[i],
      vehiclesOnRoad[i] ?? null,
      vehiclesQueuedAtOrigin[i] ?? null,
      ...shelters.map((s) => occupancy[i][s.index]),
    ];
  });
  return csvTable(header, rows);
}

/**
 * The summary's settlement rows; unknown district, region, clearance or capture are empty, and
 * so is `facility` on a settlement that is no special facility. `facility` came last, after the
 * other columns, so that files read by column position still read them where they were.
 */
export function settlementsCsv(rows: readonly SettlementRow[]): string {
  const header = [
    'id',
    'name',
    'district',
    'region',
    'told',
    'complied',
    'evacuated',
    'stayed',
    'waiting',
    'inTransit',
    'trapped',
    'clearance',
    'capturedAt',
    'orderedAt',
    'clearanceAfterOrder',
    'facility',
  ] as const satisfies readonly (keyof SettlementRow)[];
  return csvTable(
    header,
    rows.map((r) => header.map((key) => r[key] ?? null)),
  );
}

/**
 * One row per link, in the result's order; with `congestion` (from a
 * LinkRecorder of the same run) also its capacity, storage, and when it first
 * and last held a queue.
 */
export function linksCsv(result: SimulationResult, congestion?: readonly LinkCongestion[]): string {
  const header = ['id', 'from', 'to', 'mode', 'vehicles', 'peakQueue', 'totalDelaySeconds'] as const;
  const more = ['capacity', 'storage', 'queueBegan', 'queueEnded', 'queuedSeconds'] as const;
  return csvTable(
    congestion === undefined ? header : [...header, ...more],
    result.links.map((l, i) => {
      const row: Field[] = header.map((key) => l[key]);
      const c = congestion?.[i];
      return c === undefined ? row : [...row, ...more.map((key) => c[key])];
    }),
  );
}

export { csvField, csvTable } from './csv-table.js';
