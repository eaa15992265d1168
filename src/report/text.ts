// The human summary printed by `evacsim run`: people by state, clearance,
// gridlocks, the busiest and slowest settlements, shelters, fleets, targets and engine
// counters, in at most about 80 lines of at most 100 characters. Deterministic:
// no clock, no locale.

import type { Scenario } from '../scenario/types.js';
import type { TargetResult } from './targets.js';
import type { Summary } from './summary.js';
import { clockAt } from './clock.js';
import { fit, formatCount, formatDuration, formatShare } from './format.js';
import { describeScope } from './scope.js';

const WIDTH = 100;

/** Renders `summary` (of a run of `scenario`) as plain text lines joined by "\n", ending in "\n". */
export function formatSummary(summary: Summary, scenario: Scenario): string {
  const start = scenario.start;
  const sections = [
    header(summary, start),
    people(summary),
    clearanceLines(summary, start),
    flowLines(summary, start),
    busiest(summary),
    slowest(summary),
    shelters(summary),
    fleets(summary),
    targets(summary, start),
    [engine(summary)],
  ].filter((lines) => lines.length > 0);
  const lines = sections.flatMap((lines, i) => (i === 0 ? lines : ['', ...lines]));
  return lines.map((line) => (line.length > WIDTH ? fit(line, WIDTH) : line)).join('\n') + '\n';
}

function header(s: Summary, start: string | null): string[] {
  const ran = `ran ${formatDuration(s.endTime)} (${formatCount(s.endTime)} s)`;
  const lines = [`${s.scenario}${s.variant === undefined ? '' : ` · variant ${s.variant}`} · seed ${s.seed} · ${ran}`];
  if (start !== null) lines.push(`start ${clockAt(start, 0)} · end ${clockAt(start, s.endTime)}`);
  return lines;
}

function people(s: Summary): string[] {
  const p = s.people;
  const row = (label: string, n: number) =>
    `  ${fit(label, 12)}${fit(formatCount(n), 12, 'right')}${fit(formatShare(n, p.told), 9, 'right')}`;
  return [
    `People${' '.repeat(15)}count  of told`,
    row('told', p.told),
    row('complied', p.complied),
    row('stayed', p.stayed),
    row('waiting', p.waiting),
    row('in transit', p.inTransit),
    row('evacuated', p.evacuated),
    row('trapped', p.trapped),
    `  ${fit('shadow', 12)}${fit(formatCount(p.shadow), 12, 'right')}   not told`,
    ...inFallenShelters(s),
  ];
}

/** People who reached a shelter that was captured later (they count as evacuated, or shadow): a line when there are any. */
function inFallenShelters(s: Summary): string[] {
  const people = s.shelters.reduce((sum, r) => sum + (r.capturedAt === null ? 0 : r.arrived), 0);
  if (people === 0) return [];
  return [`  ${fit('of whom', 12)}${fit(formatCount(people), 12, 'right')}   evacuated or shadow, in shelters captured later`];
}

function clearanceLines(s: Summary, start: string | null): string[] {
  const rows = (Object.keys(s.clearance) as (keyof Summary['clearance'])[]).map((key) => {
    const t = s.clearance[key];
    if (t === null) return `  ${fit(key, 6)}not reached`;
    const seconds = fit(`${formatCount(t)} s`, 14, 'right');
    const clock = start === null ? '' : clockAt(start, t);
    return `  ${fit(key, 6)}${seconds}  ${fit(formatDuration(t), 12)}  ${clock}`.trimEnd();
  });
  return ['Clearance of compliant people', ...rows];
}

function flowLines(s: Summary, start: string | null): string[] {
  const v = s.vehicles;
  const t = s.throughput;
  return [
    `Throughput: peak ${formatCount(t.peakPeoplePerHour)} people/h (bins of ${formatDuration(t.binSeconds)})`,
    `Vehicles: cars ${formatCount(v.cars)}, fleet ${formatCount(v.fleet)}, arrived ${formatCount(v.arrived)}, ` +
      `gridlocks ${formatCount(v.gridlocks)}, no-route waits ${formatCount(v.noRouteWaits)}`,
    `Rerouted: ${formatCount(v.rerouted)} vehicles (full shelter ${formatCount(v.reroutedBy.fullShelter)}, ` +
      `hazard ${formatCount(v.reroutedBy.hazard)}, congestion ${formatCount(v.reroutedBy.congestion)})`,
    ...gridlockLine(s, start),
    ...equilibriumLines(s),
  ];
}

/**
 * The first gridlock, in one line (the summary's `gridlocks` lists every one): when it closed
 * and the links of its cycle.
 */
function gridlockLine(s: Summary, start: string | null): string[] {
  const [g] = s.gridlocks;
  if (g === undefined) return [];
  const clock = start === null ? '' : `, ${clockAt(start, g.time)}`;
  const more = s.gridlocks.length > 1 ? ` (the first of ${formatCount(s.gridlocks.length)}; all in the summary's gridlocks)` : '';
  return [`Gridlock at ${formatCount(g.time)} s (${formatDuration(g.time)}${clock}): ${g.links.join(', ')}${more}`];
}

/** Why the runs stopped, when before `routing.iterations`. */
const STOPPED_EARLY = { iterations: '', gap: ' (stopped at routing.gap)', repeat: ' (stopped: nothing more to learn)' } as const;

/**
 * Under equilibrium routing: the runs made, why they stopped if early, the relative gap of the
 * first and last, and the run the result is of when it is not the last.
 */
function equilibriumLines(s: Summary): string[] {
  const r = s.routing;
  if (r === null) return [];
  const percent = (gap: number) => `${(gap * 100).toFixed(2)} %`;
  const gaps = r.relativeGap;
  const trend = gaps.length > 1 ? `${percent(gaps[0])} → ${percent(gaps[gaps.length - 1])}` : percent(gaps[0]);
  const runs = r.iterations === 1 ? '1 run' : `${formatCount(r.iterations)} runs`;
  const line = `Equilibrium routing: ${runs}${STOPPED_EARLY[r.stoppedBy]}, relative gap ${trend}`;
  if (r.kept === r.iterations) return [line];
  return [line, `Equilibrium result: run ${formatCount(r.kept)}, the lowest gap (${percent(gaps[r.kept - 1])})`];
}

function busiest(s: Summary): string[] {
  const told = s.settlements.filter((r) => r.told > 0);
  if (told.length === 0) return [];
  const top = [...told].sort((a, b) => b.told - a.told || compareIds(a.id, b.id)).slice(0, 8);
  const cells = (...c: [string, string, string, string, string, string, string]) =>
    `  ${fit(c[0], 22)} ${fit(c[1], 16)}${fit(c[2], 10, 'right')}${fit(c[3], 11, 'right')}` +
    `${fit(c[4], 10, 'right')}${fit(c[5], 9, 'right')}  ${c[6]}`;
  return [
    `Settlements by people told (${top.length} of ${told.length})`,
    cells('settlement', 'district', 'told', 'evacuated', 'stayed', 'trapped', 'clear at'),
    ...top.map((r) =>
      cells(
        r.name,
        r.district ?? '—',
        formatCount(r.told),
        formatCount(r.evacuated),
        formatCount(r.stayed),
        formatCount(r.trapped),
        r.clearance === null ? 'not cleared' : formatDuration(r.clearance),
      ),
    ),
  ];
}

function slowest(s: Summary): string[] {
  const complied = s.settlements.filter((r) => r.complied > 0);
  if (complied.length === 0) return [];
  const left = (r: Summary['settlements'][number]) => r.complied - r.evacuated;
  // Of those, the ones a capture took (the rest still wait or travel): a settlement captured
  // before its order read "60 of 60 compliant not evacuated", as if they were still there.
  const caught = (r: Summary['settlements'][number]) => left(r) - r.waiting - r.inTransit;
  // Settlements never cleared are the slowest; among them, most people left behind first.
  const order = [...complied].sort(
    (a, b) =>
      (b.clearance ?? Infinity) - (a.clearance ?? Infinity) || left(b) - left(a) || compareIds(a.id, b.id),
  );
  return [
    'Slowest to clear',
    ...order.slice(0, 5).map((r) => {
      const status =
        r.clearance === null
          ? `not cleared: ${formatCount(left(r))} of ${formatCount(r.complied)} compliant not evacuated${caught(r) > 0 ? `, ${formatCount(caught(r))} of them trapped` : ''}`
          : `clear at ${formatDuration(r.clearance)}${r.clearanceAfterOrder === null ? '' : `, ${formatDuration(r.clearanceAfterOrder)} after its order`}`;
      return `  ${fit(r.name, 22)} ${status}`;
    }),
  ];
}

function shelters(s: Summary): string[] {
  if (s.shelters.length === 0) return [];
  const rows = s.shelters.map((r) => {
    const fill =
      r.capacity === null
        ? 'exit'
        : `of ${formatCount(r.capacity)} places, ${formatShare(r.peakOccupancy, r.capacity)} full at peak`;
    const line = `  ${fit(r.name, 24)} ${fit(formatCount(r.arrived), 10, 'right')} arrived  ${fill}`;
    // Those in a shelter that fell stay there: evacuated, but in captured ground.
    if (r.capturedAt === null) return [line];
    return [line, `  ${' '.repeat(24)} captured at ${formatDuration(r.capturedAt)}${r.arrived > 0 ? ' with them in it' : ''}`];
  });
  return ['Shelters and exits', ...limit(rows, 10)];
}

function fleets(s: Summary): string[] {
  if (s.fleets.length === 0) return [];
  // Vehicles a capture took: a column only when some fleet lost any.
  const losses = s.fleets.some((f) => f.lost > 0);
  const header =
    `  ${fit('fleet', 22)} ${fit('veh×seats', 9, 'right')} ${fit('trips', 7, 'right')} ${fit('carried', 8, 'right')} ${fit('mean wait', 11, 'right')} ${fit('max wait', 11, 'right')} ${fit('busy', 7, 'right')}` +
    (losses ? ` ${fit('lost', 5, 'right')}` : '');
  const rows = s.fleets.map(
    (f) =>
      `  ${fit(f.id, 22)} ${fit(`${formatCount(f.vehicles)}×${formatCount(f.seats)}`, 9, 'right')} ` +
      `${fit(formatCount(f.trips), 7, 'right')} ${fit(formatCount(f.carried), 8, 'right')} ` +
      `${fit(formatDuration(f.meanWaitSeconds), 11, 'right')} ${fit(formatDuration(f.maxWaitSeconds), 11, 'right')} ` +
      `${fit(formatShare(f.utilisation, 1), 7, 'right')}` +
      (losses ? ` ${fit(formatCount(f.lost), 5, 'right')}` : ''),
  );
  return ['Fleets', header, ...limit(rows, 8)];
}

function targets(s: Summary, start: string | null): string[] {
  if (s.targets.length === 0) return [];
  const met = s.targets.filter((t) => t.ok).length;
  // Missed targets first, so a cut list never hides one.
  const order = [...s.targets.filter((t) => !t.ok), ...s.targets.filter((t) => t.ok)];
  return [`Targets: ${met} of ${s.targets.length} met`, ...limit(order.map((t) => targetLine(t, start)), 12)];
}

function targetLine(t: TargetResult, start: string | null): string {
  const where = describeScope(t.scope) === 'all' ? '' : ` (${describeScope(t.scope)})`;
  const when = t.at === null ? '' : ` at ${start === null ? formatDuration(t.at) : clockAt(start, t.at).slice(0, 16).replace('T', ' ')}`;
  // Clearance targets and waits are instants or durations in seconds: say so.
  const unit = t.metric.startsWith('clearance.') || t.metric.endsWith('Seconds') ? ' s' : '';
  const value = (x: number) => formatValue(x) + unit;
  const actual = t.error ?? (t.actual === null ? 'not reached' : value(t.actual));
  return `  ${t.ok ? '✓' : '✗'} ${t.metric}${where}${when}: ${actual}, expected ${expectation(t, value)}`;
}

function expectation(t: TargetResult, value: (x: number) => string): string {
  if (t.min !== null && t.max !== null) return `${value(t.min)} to ${value(t.max)}`;
  if (t.min !== null) return `≥ ${value(t.min)}`;
  if (t.max !== null) return `≤ ${value(t.max)}`;
  return `${value(t.value)} ±${(t.tolerance * 100).toFixed(1)}%`;
}

function engine(s: Summary): string {
  const e = s.engine;
  const wall = e.wallSeconds > 0 ? `, ${e.wallSeconds.toFixed(2)} s wall` : '';
  return `Engine: ${formatCount(e.events)} events, ${formatCount(e.linkTraversals)} link traversals${wall}`;
}

/** At most `n` rows, the last replaced by a count of the rest when cut; a row of several lines counts once and stays whole. */
function limit(rows: readonly (string | readonly string[])[], n: number): string[] {
  const kept = rows.length <= n ? rows : [...rows.slice(0, n - 1), `  … and ${rows.length - n + 1} more`];
  return kept.flat();
}

function formatValue(x: number): string {
  return Number.isInteger(x) || Math.abs(x) >= 1000 ? formatCount(x) : String(Number(x.toPrecision(4)));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
