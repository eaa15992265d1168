// The ETE study as files and text: `ete.json` (`{ rows: [...] }`, seconds),
// `ete.csv` (one row per zone × variant × group), and the two classic tables
// of an ETE report, 90 % and 100 %, zones down and variants across, followed
// by the same two of trip generation (when people were ready to set out).

import { csvTable } from '../report/csv.js';
import { counted, formatCount, formatDuration } from '../report/format.js';
import type { EteStudyRow } from './replications.js';
import type { EteStudy } from './study.js';
import { ETE_PERCENTS, type EtePercent } from './percents.js';
import { toMillisecond, toMillisecondOrNull } from '../report/millisecond.js';
import { facilityKindOf, facilityTables, isFacilityGroup, type EteGroup } from './groups.js';
import { BASE_VARIANT } from '../scenario/variants.js';

const PERCENT_KEYS = Object.keys(ETE_PERCENTS) as EtePercent[];

/**
 * What `--json` prints and `ete.json` holds: the numbers of ete.csv, times in milliseconds
 * and means of people to the thousandth (the study itself is not rounded).
 */
export function eteJson(study: EteStudy): string {
  const { end, regions, replications, seeds, variants, descriptions, shadow, zones } = study;
  const rows = study.rows.map(writtenRow);
  // Each region's shadow evacuees only where each zone was evacuated alone.
  const regionShadow = regions ? { regionShadow: study.regionShadow.map((v) => ({ ...v, zones: v.zones.map((z) => ({ ...z, shadow: toMillisecond(z.shadow) })) })) } : {};
  return `${JSON.stringify({ end, regions, replications, seeds, variants, descriptions, shadow, ...regionShadow, zones, rows }, null, 2)}\n`;
}

/** A study row as the files write it: each number to the thousandth, as the CSV writes every number. */
function writtenRow(row: EteStudyRow): EteStudyRow {
  const times = Object.fromEntries(PERCENT_KEYS.map((k) => [k, toMillisecondOrNull(row[k])])) as Record<EtePercent, number | null>;
  const intervals = (of: EteStudyRow['ci95']) => Object.fromEntries(PERCENT_KEYS.map((k) => {
    const ci = of[k];
    return [k, ci === null ? null : [toMillisecond(ci[0]), toMillisecond(ci[1])]];
  })) as EteStudyRow['ci95'];
  return {
    ...row,
    told: toMillisecond(row.told),
    zonePopulation: toMillisecond(row.zonePopulation),
    complied: toMillisecond(row.complied),
    people: toMillisecond(row.people),
    trapped: toMillisecond(row.trapped),
    orderAt: toMillisecondOrNull(row.orderAt),
    readyPeople: toMillisecond(row.readyPeople),
    cars: toMillisecond(row.cars),
    ...times,
    ci95: intervals(row.ci95),
    ready: Object.fromEntries(PERCENT_KEYS.map((k) => [k, toMillisecondOrNull(row.ready[k])])) as EteStudyRow['ready'],
    readyCi95: intervals(row.readyCi95),
  };
}

/**
 * One CSV row per study row; a share not reached is empty, with the count of runs that missed it;
 * then the runs with nobody to leave, the trip generation's base and columns (`readyPeople`, `readyP90`, …), `cars`,
 * the people living in the zone (`zonePopulation`), and last the runs with nobody ready (`nobodyReady`).
 */
export function eteCsv(study: EteStudy): string {
  const header = [
    'zone', 'variant', 'group', 'told', 'complied', 'people', 'trapped', 'orderAt', 'replications',
    ...PERCENT_KEYS.flatMap((k) => [k, `${k}CiLow`, `${k}CiHigh`, `${k}Unreached`]),
    // Appended, so the columns before them keep their places.
    'nobodyToLeave',
    'readyPeople',
    ...PERCENT_KEYS.flatMap((k) => [readyColumn(k), `${readyColumn(k)}CiLow`, `${readyColumn(k)}CiHigh`, `${readyColumn(k)}Unreached`]),
    'cars',
    'zonePopulation',
    'nobodyReady',
  ];
  const rows = study.rows.map((r) => [
    r.zone, r.variant, r.group, r.told, r.complied, r.people, r.trapped, r.orderAt, r.replications,
    ...PERCENT_KEYS.flatMap((k) => [r[k], r.ci95[k]?.[0] ?? null, r.ci95[k]?.[1] ?? null, r.unreached[k]]),
    r.nobodyToLeave,
    r.readyPeople,
    ...PERCENT_KEYS.flatMap((k) => [r.ready[k], r.readyCi95[k]?.[0] ?? null, r.readyCi95[k]?.[1] ?? null, r.readyUnreached[k]]),
    r.cars,
    r.zonePopulation,
    r.nobodyReady,
  ]);
  return csvTable(header, rows);
}

/** "readyP90": the trip generation column of share `key` in ete.csv. */
function readyColumn(key: EtePercent): string {
  return `ready${key.toUpperCase()}`;
}

/** What a table shows: the time to reach the end point (ETE) or to be ready to set out (trip generation). */
export type EteMeasure = 'ete' | 'ready';

/** A row's time, interval and missed runs of share `key`, of `measure`. */
function shareOf(row: EteStudyRow, key: EtePercent, measure: EteMeasure) {
  return measure === 'ete'
    ? { time: row[key], ci: row.ci95[key], missed: row.unreached[key] }
    : { time: row.ready[key], ci: row.readyCi95[key], missed: row.readyUnreached[key] };
}

/** A time cell: "5h 10m", "± 12m" with replications, or "not reached (2/5 runs)". */
export function eteCell(row: EteStudyRow | undefined, key: EtePercent, measure: EteMeasure = 'ete'): string {
  if (row === undefined) return '';
  // Nobody lives in the zone (a ring with no settlement in it): nobody to tell.
  if (row.told <= 0 && row.zonePopulation <= 0) return 'nobody lives here';
  // No order reached the zone: its people were not told, not unable to leave.
  // When the order came, a car or transit-dependent row with nobody told has nobody in it (a zone of only a care home).
  if (row.told <= 0) return row.orderAt !== null && !isFacilityGroup(row.group) ? 'none of this group told' : 'nobody told';
  // Trip generation's base: those ready to set out, also when all were captured once ready.
  if ((measure === 'ete' ? row.people : row.readyPeople) <= 0) return 'nobody to leave';
  const { time: mean, ci, missed } = shareOf(row, key, measure);
  // Runs with nobody to leave (or ready) have no share to reach: the cell is of the others, and says so.
  const nobody = measure === 'ete' ? row.nobodyToLeave : row.nobodyReady;
  const leaving = row.replications - nobody;
  if (missed > 0) {
    if (row.replications === 1) return 'not reached';
    return nobody === 0 ? `not reached (${missed}/${row.replications} runs)` : `not reached (${missed}/${counted(leaving, 'run')} with people to leave)`;
  }
  const time = formatDuration(mean as number);
  const cell = ci === null ? time : `${time} ± ${formatDuration((ci[1] - ci[0]) / 2)}`;
  return nobody === 0 ? cell : `${cell} (${leaving} of ${row.replications} runs had people to leave)`;
}

/**
 * A zone's people who could leave, the base of its percentages: one count, or
 * "min–max" when the variants' counts differ (a variant may change compliance,
 * population or who is trapped), so no column shows one variant's count as all's.
 */
export function peopleCell(rows: readonly (EteStudyRow | undefined)[], measure: EteMeasure = 'ete'): string {
  // Trip generation counts those who could set out: the compliant people not captured before they were ready.
  const counts = rows.filter((r) => r !== undefined).map((r) => Math.round(measure === 'ete' ? r.people : r.readyPeople));
  if (counts.length === 0) return '';
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return low === high ? formatCount(low) : `${formatCount(low)}–${formatCount(high)}`;
}

/**
 * The zones of `group`'s tables: every zone; for a special-facility group, the whole
 * scenario and the zones where a facility of the group was told to leave (in any variant),
 * so a few schools do not fill a table with zones that have none.
 */
export function tableZones(study: EteStudy, group: EteGroup): string[] {
  if (!isFacilityGroup(group)) return study.zones;
  const told = new Set(study.rows.filter((r) => r.group === group && r.told > 0).map((r) => r.zone));
  return study.zones.filter((zone, z) => z === 0 || told.has(zone));
}

/** The table of share `key` of `measure` for group `group`: one line per zone, one column per variant. */
export function eteTableText(study: EteStudy, key: EtePercent, group: EteGroup = 'all', measure: EteMeasure = 'ete'): string {
  const index = new Map(study.rows.filter((r) => r.group === group).map((r) => [`${r.zone}\u0000${r.variant}`, r]));
  const header = ['zone', 'people', ...study.variants];
  const lines = tableZones(study, group).map((zone) => {
    const rows = study.variants.map((v) => index.get(`${zone}\u0000${v}`));
    return [zone, peopleCell(rows, measure), ...rows.map((row) => eteCell(row, key, measure))];
  });
  return columns(header, lines);
}

/** `header` and `lines` in columns: the first left-aligned, the others right-aligned, two spaces apart. */
function columns(header: string[], lines: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const format = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [format(header), ...lines.map(format)].join('\n');
}

/**
 * The terminal text: the 90 % and 100 % tables of everyone, with what they measure;
 * then, when the scenario has special facilities, those of their people (and of
 * each kind of facility when there are two kinds or more).
 */
export function eteText(study: EteStudy, scenarioName: string): string {
  const endWords = study.end === 'zone' ? 'leave the zone' : 'reach a shelter or exit';
  const runs = study.replications === 1 ? '1 run per variant' : `mean ± 95 % CI of ${study.replications} runs per variant`;
  const facilities = facilityTables(study.rows).flatMap((group) => {
    const kind = facilityKindOf(group);
    const whose = kind === null ? 'special facilities' : `special facilities (${kind})`;
    return [
      `90 % of the people of ${whose} who could leave:`,
      eteTableText(study, 'p90', group),
      '',
      `100 % of the people of ${whose} who could leave:`,
      eteTableText(study, 'p100', group),
      '',
      `90 % of the people of ${whose} who chose to leave ready to set out (trip generation):`,
      eteTableText(study, 'p90', group, 'ready'),
      '',
      `100 % of the people of ${whose} who chose to leave ready to set out (trip generation):`,
      eteTableText(study, 'p100', group, 'ready'),
      '',
    ];
  });
  return [
    `Evacuation time estimates of ${scenarioName}: time from each zone's order until its people ${endWords} (${runs}).`,
    ...(study.regions ? ["Each zone evacuated alone: its times come from runs in which only its settlements were ordered; \"all\" is the scenario as written."] : []),
    ...variantLines(study),
    ...shadowLines(study),
    '',
    '90 % of the people who could leave:',
    eteTableText(study, 'p90'),
    '',
    '100 % of the people who could leave:',
    eteTableText(study, 'p100'),
    '',
    '90 % of the people who chose to leave ready to set out (trip generation):',
    eteTableText(study, 'p90', 'all', 'ready'),
    '',
    '100 % of the people who chose to leave ready to set out (trip generation):',
    eteTableText(study, 'p100', 'all', 'ready'),
    '',
    'Cars of the people who chose to leave, one per household that drives (vehicle demand):',
    carsTableText(study),
    '',
    ...facilities,
  ].join('\n');
}

/** What each variant (a column of the tables) stands for, when the file says: "  wet: heavy rain, weekday". None when no variant has a description. */
export function variantLines(study: EteStudy): string[] {
  if (study.descriptions.every((d) => d === '')) return [];
  return ['Variants:', ...study.variants.map((v, i) => `  ${v}${variantWords(v, study.descriptions[i])}`)];
}

/** ": " and what variant `name` stands for: its description, "the scenario as written" for the base without one; else nothing. */
export function variantWords(name: string, description: string): string {
  if (description !== '') return `: ${description}`;
  return name === BASE_VARIANT ? ': the scenario as written' : '';
}

/**
 * The shadow evacuees of each variant (people never told who left anyway), when any variant
 * has some: their cars are on the zones' roads, in every time of the tables.
 */
export function shadowLines(study: EteStudy): string[] {
  if (study.shadow.every((n) => n === 0) && !study.regionShadow.some((v) => v.zones.some((z) => z.shadow > 0))) return [];
  const mean = study.replications === 1 ? '' : ` (mean of ${study.replications} runs)`;
  if (study.regions) return [`Shadow evacuees, never told and leaving anyway, in each zone's runs${mean}:`, ...regionShadowTable(study)];
  return [`Shadow evacuees, never told and leaving anyway${mean}: ${study.variants.map((v, i) => `${v} ${formatCount(study.shadow[i])}`).join(', ')}`];
}

/** Zones × variants of each region's shadow evacuees, as the time tables are laid out; blank where a variant has no such zone. */
function regionShadowTable(study: EteStudy): string[] {
  const index = new Map(study.regionShadow.flatMap((v) => v.zones.map((z) => [`${z.zone}\u0000${v.variant}`, z.shadow] as const)));
  return countTable(study, study.zones, (zone, variant) => index.get(`${zone}\u0000${variant}`)).split('\n').map((line) => `  ${line}`);
}

/**
 * The vehicle demand: each zone's cars (one per household of the people who chose to
 * leave that drives its own, those captured before they were ready left out), zones × variants.
 */
export function carsTableText(study: EteStudy): string {
  return countTable(study, study.zones, zoneCars(study));
}

/** Each zone's cars in each variant (the `all` row's mean of the replications); undefined where the variant has no such zone. */
export function zoneCars(study: EteStudy): (zone: string, variant: string) => number | undefined {
  const index = new Map(study.rows.filter((r) => r.group === 'all').map((r) => [`${r.zone}\u0000${r.variant}`, r.cars]));
  return (zone, variant) => index.get(`${zone}\u0000${variant}`);
}

/** A zones × variants table of counts (a mean of replications, rounded), laid out as the time tables; blank where a zone has none. */
function countTable(study: EteStudy, zones: readonly string[], count: (zone: string, variant: string) => number | undefined): string {
  const lines = zones.map((zone) => [zone, ...study.variants.map((v) => {
    const n = count(zone, v);
    return n === undefined ? '' : formatCount(n);
  })]);
  return columns(['zone', ...study.variants], lines);
}
