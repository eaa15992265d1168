// The report's tables as HTML strings: targets, districts, settlements, the
// bottleneck links, fleets and destinations. Every name from the scenario is
// escaped; numbers are grouped, times given as durations and calendar times.

import { LogKind, type SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { linkAttributes } from '../network/build-graph.js';
import { couldLeave } from '../report/clearance.js';
import { formatCount, formatDuration, formatShare } from '../report/format.js';
import { describeScope } from '../report/scope.js';
import type { LinkCongestion } from '../report/link-congestion.js';
import type { Summary } from '../report/summary.js';
import type { TargetResult } from '../report/targets.js';
import { el, text } from './svg.js';
import { shortClock } from './time-axis.js';

interface Column {
  label: string;
  /** Numbers align right. */
  numeric?: boolean;
  /** Explains the column on hover. */
  title?: string;
}

/** A table with a header row; cells are markup already escaped. */
export function table(columns: readonly Column[], rows: readonly (readonly string[])[], className = ''): string {
  const head = el('tr', {}, ...columns.map((c) => el('th', { class: c.numeric ? 'num' : null, title: c.title ?? null }, text(c.label))));
  const body = rows.map((row) => el('tr', {}, ...row.map((cell, i) => el('td', { class: columns[i]?.numeric ? 'num' : null }, cell))));
  return el('div', { class: 'table-wrap' }, el('table', { class: className || null }, el('thead', {}, head), el('tbody', {}, body)));
}

/** A count cell. */
function count(n: number): string {
  return text(formatCount(n));
}

/** An instant as a duration from the start, with the calendar time below when there is a start. */
export function timeCell(t: number | null, start: string | null, never = 'not reached'): string {
  if (t === null) return el('span', { class: 'muted' }, text(never));
  return text(formatDuration(t)) + (start === null ? '' : el('small', {}, text(shortClock(start, t, false))));
}

/** The scenario's targets: met or missed, expected and actual values, the note that sources them. */
export function targetsTable(targets: readonly TargetResult[], start: string | null): string {
  const rows = targets.map((t) => {
    const seconds = t.metric.startsWith('clearance.') || t.metric.endsWith('Seconds');
    const value = (x: number) => (seconds ? formatDuration(x) : formatCount(x));
    const expected = t.min !== null || t.max !== null
      ? `${t.min === null ? '…' : value(t.min)} to ${t.max === null ? '…' : value(t.max)}`
      : t.tolerance === 0 ? `exactly ${value(t.value)}` : `${value(t.value)} ± ${Number((t.tolerance * 100).toFixed(2))} %`;
    const actual = t.error ?? (t.actual === null ? 'not reached' : value(t.actual));
    return [
      el('span', { class: t.ok ? 'ok' : 'missed' }, text(t.ok ? '✓ met' : '✗ missed')),
      el('code', {}, text(t.metric)),
      text(describeScope(t.scope)),
      t.at === null ? text('end of run') : timeCell(t.at, start),
      text(expected),
      text(actual),
      el('span', { class: 'note' }, text(t.note)),
    ];
  });
  return table(
    [{ label: '' }, { label: 'metric' }, { label: 'scope' }, { label: 'at', numeric: true }, { label: 'expected', numeric: true },
      { label: 'run', numeric: true }, { label: 'source or reason' }],
    rows,
    'targets',
  );
}

/** People who left (departed) from each settlement by the end, indexed as `result.settlements`. */
export function leftBySettlement(result: SimulationResult): number[] {
  const out = result.settlements.map(() => 0);
  const { log } = result;
  for (let row = 0; row < log.length && log.time[row] <= result.endTime; row++) {
    if (log.kind[row] === LogKind.Departed && out[log.settlement[row]] !== undefined) out[log.settlement[row]] += log.people[row];
  }
  return out;
}

const PEOPLE_COLUMNS: Column[] = [
  { label: 'told', numeric: true, title: 'people told to leave' },
  { label: 'left', numeric: true, title: 'people who set off (by car or fleet)' },
  { label: 'evacuated', numeric: true, title: 'people who reached a shelter or exit' },
  { label: 'stayed', numeric: true, title: 'people told who chose to stay (and were not captured)' },
  { label: 'on the way', numeric: true, title: 'compliant people still waiting or on the road at the end' },
  { label: 'trapped', numeric: true, title: 'people captured at home, waiting or on the road' },
];

/**
 * One row per district (settlements without one grouped last): people by state and clearance.
 * `left`, leftBySettlement(result) when the caller has it, saves a pass over the log.
 */
export function districtTable(result: SimulationResult, summary: Summary, start: string | null, left = leftBySettlement(result)): string {
  const byDistrict = districtClearance(result, summary);
  const groups = new Map<string | null, number[]>();
  summary.settlements.forEach((s, i) => {
    const list = groups.get(s.district) ?? [];
    list.push(i);
    groups.set(s.district, list);
  });
  const keys = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : 0));
  const rows = keys.map((district) => {
    const members = groups.get(district) as number[];
    const sum = (pick: (i: number) => number) => members.reduce((total, i) => total + pick(i), 0);
    const rowsOf = members.map((i) => summary.settlements[i]);
    const regions = [...new Set(rowsOf.map((r) => r.region ?? '—'))].join(', ');
    const cleared = district === null ? null : byDistrict.get(district) ?? null;
    return [
      district === null ? el('span', { class: 'muted' }, text('no district')) : text(district),
      text(regions),
      count(members.length),
      count(sum((i) => summary.settlements[i].told)),
      count(sum((i) => left[i])),
      count(sum((i) => summary.settlements[i].evacuated)),
      count(sum((i) => summary.settlements[i].stayed)),
      count(sum((i) => summary.settlements[i].waiting + summary.settlements[i].inTransit)),
      count(sum((i) => summary.settlements[i].trapped)),
      cleared === null ? text('—') : timeCell(cleared.p90, start),
      cleared === null ? text('—') : timeCell(cleared.p100, start),
    ];
  });
  return table(
    [{ label: 'district' }, { label: 'region' }, { label: 'places', numeric: true }, ...PEOPLE_COLUMNS,
      { label: '90 % clear', numeric: true, title: '90 % of its compliant people evacuated' },
      { label: 'all clear', numeric: true, title: 'all of its compliant people evacuated' }],
    rows,
  );
}

/**
 * When 90 % and all of each district's compliant people had evacuated (null when
 * never), in one pass over the log: what clearance(result, { district }) gives
 * for every district, without a pass per district.
 */
export function districtClearance(result: SimulationResult, summary: Summary): Map<string, { p90: number | null; p100: number | null }> {
  // Districts by index, and each settlement's; the summary's rows hold the people at the end.
  const names = [...new Set(summary.settlements.flatMap((s) => (s.district === null ? [] : [s.district])))];
  const index = new Map(names.map((d, i) => [d, i]));
  const districtOf = new Int32Array(result.settlements.length).fill(-1);
  // Those who could leave, as clearance() counts them.
  const complied = new Float64Array(names.length);
  summary.settlements.forEach((s, i) => {
    const d = s.district === null ? -1 : (index.get(s.district) as number);
    if (i < districtOf.length) districtOf[i] = d;
    if (d >= 0) complied[d] += couldLeave(s);
  });
  const p90 = new Array<number | null>(names.length).fill(null);
  const p100 = new Array<number | null>(names.length).fill(null);
  const evacuated = new Float64Array(names.length);
  const { length, time, kind, settlement, people } = result.log;
  const { endTime } = result;
  for (let row = 0; row < length && time[row] <= endTime; row++) {
    if (kind[row] !== LogKind.Evacuated) continue;
    const d = districtOf[settlement[row]] ?? -1;
    if (d < 0) continue;
    evacuated[d] += people[row];
    const sum = evacuated[d];
    const total = complied[d];
    if (total <= 0) continue;
    // Integer comparison, as clearance() makes it.
    if (p90[d] === null && sum * 100 >= 90 * total) p90[d] = time[row];
    if (p100[d] === null && sum >= total) p100[d] = time[row];
  }
  return new Map(names.map((d, i) => [d, { p90: p90[i], p100: p100[i] }]));
}

/**
 * One row per settlement, in scenario order; `left` as in districtTable. `facilities`, each
 * settlement's special facility in words (facilityWords), adds a "facility" column when any has one.
 */
export function settlementTable(
  result: SimulationResult, summary: Summary, start: string | null, left = leftBySettlement(result),
  facilities: readonly (string | undefined)[] = [],
): string {
  const withFacilities = facilities.some((f) => f !== undefined);
  const rows = summary.settlements.map((s, i) => {
    const facility = facilities[i];
    return [
      text(s.name),
      ...(withFacilities ? [facility === undefined ? el('span', { class: 'muted' }, text('—')) : text(facility)] : []),
      text(s.district ?? '—'),
      count(result.settlements[i]?.population ?? 0),
      count(s.told),
      count(left[i]),
      count(s.evacuated),
      count(s.stayed),
      count(s.waiting + s.inTransit),
      s.trapped > 0 ? el('strong', { class: 'missed' }, count(s.trapped)) : count(0),
      s.told === 0 ? el('span', { class: 'muted' }, text('not told')) : timeCell(s.clearance, start, 'not cleared'),
      s.capturedAt === null ? text('—') : timeCell(s.capturedAt, start),
    ];
  });
  return table(
    [{ label: 'settlement' },
      ...(withFacilities ? [{ label: 'facility', title: 'special facility: its people have no cars and wait for the fleets serving it' }] : []),
      { label: 'district' }, { label: 'population', numeric: true }, ...PEOPLE_COLUMNS,
      { label: 'clear at', numeric: true, title: 'when its last compliant person was evacuated' },
      { label: 'captured at', numeric: true }],
    rows,
    'settlements',
  );
}

/** The links with the most delay: where the queues were. */
export function bottleneckTable(result: SimulationResult, scenario: Scenario, limit = 12, congestion?: readonly LinkCongestion[]): string {
  const byId = new Map((congestion ?? []).map((c) => [c.id, c]));
  const storage = new Map(scenario.network.roads.map((road, i) => [road.id, linkAttributes(road, i).storage]));
  const worst = result.links
    .filter((l) => l.totalDelaySeconds > 0)
    .sort((a, b) => b.totalDelaySeconds - a.totalDelaySeconds || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
  if (worst.length === 0) return el('p', { class: 'muted' }, text('No link delayed any vehicle beyond its free-flow time.'));
  const rows = worst.map((l) => {
    const cap = storage.get(l.id.replace(/:back$/, '')) ?? 0;
    return [
      el('code', {}, text(l.id)),
      text(`${l.from} → ${l.to}`),
      text(l.mode),
      count(l.vehicles),
      text(`${formatCount(l.peakQueue)} (${formatShare(l.peakQueue, cap)})`),
      text(`${vehicleHours(l.totalDelaySeconds)} veh·h`),
      text(formatDuration(l.vehicles > 0 ? l.totalDelaySeconds / l.vehicles : 0)),
      ...(congestion === undefined ? [] : [text(queueSpan(byId.get(l.id), scenario.start))]),
    ];
  });
  return table(
    [{ label: 'link' }, { label: 'from → to' }, { label: 'mode' }, { label: 'vehicles', numeric: true },
      { label: 'peak on link (of storage)', numeric: true, title: 'most vehicles on the link at once, and that as a share of what it holds' },
      { label: 'total delay', numeric: true, title: 'vehicle-hours beyond free-flow travel time' },
      { label: 'mean delay', numeric: true, title: 'delay per vehicle' },
      ...(congestion === undefined ? [] : [{ label: 'queue', title: 'from the first vehicle held beyond free flow to the last, and the time with any held' }])],
    rows,
  );
}

/** Vehicle-hours with one decimal below ten: 1800 s → "0.5". */
function vehicleHours(seconds: number): string {
  const hours = seconds / 3600;
  return hours < 10 ? hours.toFixed(1) : formatCount(hours);
}

/** One row per fleet; when a capture took any fleet's vehicles, how many of each fleet's and when the first. */
export function fleetTable(summary: Summary, scenario: Scenario, start: string | null): string {
  if (summary.fleets.length === 0) return el('p', { class: 'muted' }, text('The scenario has no fleets: everyone who left drove.'));
  const specs = new Map(scenario.fleets.map((f) => [f.id, f]));
  const withLosses = summary.fleets.some((f) => f.lost > 0);
  const rows = summary.fleets.map((f) => {
    const spec = specs.get(f.id);
    return [
      text(f.id),
      text(spec ? `${spec.mode} from ${spec.depot}` : '—'),
      text(`${formatCount(f.vehicles)} × ${formatCount(f.seats)}`),
      spec ? timeCell(spec.from, start) : text('—'),
      count(f.trips),
      count(f.carried),
      text(formatDuration(f.meanWaitSeconds)),
      text(formatDuration(f.maxWaitSeconds)),
      text(formatShare(f.utilisation, 1)),
      ...(withLosses ? [
        f.lost > 0 ? el('strong', { class: 'missed' }, text(`${formatCount(f.lost)} of ${formatCount(f.vehicles)}`)) : count(0),
        timeCell(f.firstLostAt, start, '—'),
      ] : []),
    ];
  });
  return table(
    [{ label: 'fleet' }, { label: 'mode, depot' }, { label: 'vehicles × seats', numeric: true }, { label: 'available from', numeric: true },
      { label: 'trips', numeric: true }, { label: 'carried', numeric: true },
      { label: 'mean wait', numeric: true, title: 'from ready at the pickup to boarding, or to the end of the run for those still waiting then' }, { label: 'longest wait', numeric: true },
      { label: 'busy', numeric: true, title: 'share of vehicle-time spent driving or boarding' },
      ...(withLosses ? [
        { label: 'lost', numeric: true, title: 'vehicles lost, with the people aboard, when a capture took the place they were at or a road it touches that they were on' },
        { label: 'first lost at', numeric: true },
      ] : [])],
    rows,
  );
}

/** One row per shelter and exit; a column of capture instants when a capture took any. */
export function shelterTable(summary: Summary, start: string | null = null): string {
  const captures = summary.shelters.some((s) => s.capturedAt !== null);
  const rows = summary.shelters.map((s) => [
    text(s.name),
    text(s.kind),
    s.capacity === null ? text('—') : count(s.capacity),
    count(s.arrived),
    s.capacity === null ? text('—') : text(formatShare(s.peakOccupancy, s.capacity)),
    ...(captures ? [timeCell(s.capturedAt, start, '—')] : []),
  ]);
  return table(
    [{ label: 'shelter or exit' }, { label: 'kind' }, { label: 'places', numeric: true }, { label: 'arrived', numeric: true },
      { label: 'full at peak', numeric: true },
      ...(captures ? [{ label: 'captured at', numeric: true, title: 'its node was captured: it took nobody from then on, and those who had arrived stayed there' }] : [])],
    rows,
  );
}

/** "06 Aug 09:00 to 07 Aug 02:00 (12h 0m queued)", or "no queue". */
function queueSpan(c: LinkCongestion | undefined, start: string | null): string {
  if (c === undefined || c.queueBegan === null || c.queueEnded === null) return 'no queue';
  const at = (t: number) => (start === null ? formatDuration(t) : shortClock(start, t, false));
  return `${at(c.queueBegan)} to ${at(c.queueEnded)} (${formatDuration(c.queuedSeconds)} queued)`;
}
