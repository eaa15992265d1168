// Comparing a run with a baseline: what the baseline brings (its key figures,
// its settlements, and its chart series and map when it was run here rather than
// read from a summary JSON), and the settlement table with the differences.

import * as z from 'zod';
import { InputError } from '../errors.js';
import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { translateZodIssues } from '../scenario/zod-issues.js';
import { formatCount, formatDuration } from '../report/format.js';
import type { Summary } from '../report/summary.js';
import { type Figure, keyFigures } from './figures.js';
import { logTimeline } from './log-timeline.js';
import { type MapData, mapData } from './map-data.js';
import { type ReportSeries, reportSeries } from './series.js';
import type { TrafficSeries } from './traffic.js';
import { el, text } from './svg.js';
import { table } from './tables.js';

/** A settlement's outcome, as both a summary JSON and a run give it. */
export interface SettlementOutcome {
  id: string;
  name: string;
  evacuated: number;
  trapped: number;
  clearance: number | null;
}

export interface Baseline {
  /** What the page calls it: "baseline (other.json)", "pinned run 3". */
  label: string;
  figures: Figure[];
  settlements: SettlementOutcome[];
  /** Present when the baseline was run, not read from a summary. */
  series: ReportSeries | null;
  map: MapData | null;
}

/**
 * A baseline from a run of `scenario`: everything compared, curves and map included.
 * `instants`, the instants of the map it is compared with, are those its map is read
 * at: the map compares settlements instant by instant, and the baseline's own report
 * bins and end may fall elsewhere (its roads over time are then left out: the
 * comparison does not draw them).
 */
export function baselineFromRun(
  result: SimulationResult, summary: Summary, scenario: Scenario, traffic: TrafficSeries | null, label: string, instants?: readonly number[],
): Baseline {
  return {
    label,
    figures: keyFigures(summary),
    settlements: summary.settlements.map(outcome),
    series: reportSeries(result, scenario, summary),
    map: instants === undefined ? mapData(result, scenario, traffic, summary) : mapData(result, scenario, null, summary, logTimeline(result, instants)),
  };
}

const count = z.number().finite();
const time = z.number().finite().nullable();
/** The parts of a summary JSON (`run --json`) a comparison reads. */
const SUMMARY = z.object({
  people: z.object({ told: count, complied: count, evacuated: count, stayed: count, waiting: count, inTransit: count, trapped: count, shadow: count }),
  clearance: z.object({ p50: time, p90: time, p100: time }),
  throughput: z.object({ peakPeoplePerHour: count }).passthrough(),
  settlements: z.array(z.object({ id: z.string(), name: z.string(), evacuated: count, trapped: count, clearance: time }).passthrough()),
  targets: z.array(z.object({ ok: z.boolean() }).passthrough()),
}).passthrough();

/** True when `file` looks like a summary JSON rather than a scenario. */
export function isSummary(file: unknown): boolean {
  return typeof file === 'object' && file !== null && 'people' in file && 'clearance' in file && !('network' in file);
}

/**
 * A baseline from a summary JSON: figures and settlements only (a summary has
 * no curves over time). Throws InputError naming the first missing or wrong key.
 */
export function baselineFromSummary(file: unknown, label: string): Baseline {
  const parsed = SUMMARY.safeParse(file);
  if (!parsed.success) {
    // In the words scenario problems use ("missing required field", "must be a number, got …").
    const [issue] = translateZodIssues(parsed.error.issues, SUMMARY, file);
    throw new InputError(`${issue.path || '(top)'}: ${issue.message}`);
  }
  const summary = parsed.data as unknown as Summary;
  return { label, figures: keyFigures(summary), settlements: summary.settlements.map(outcome), series: null, map: null };
}

function outcome(s: SettlementOutcome): SettlementOutcome {
  return { id: s.id, name: s.name, evacuated: s.evacuated, trapped: s.trapped, clearance: s.clearance };
}

/** Settlements with their evacuated, trapped and clearance now, in the baseline, and the change. */
export function comparisonTable(now: readonly SettlementOutcome[], baseline: Baseline): string {
  const before = new Map(baseline.settlements.map((s) => [s.id, s]));
  const signed = (d: number) => (d === 0 ? '0' : `${d > 0 ? '+' : '−'}${formatCount(Math.abs(d))}`);
  const clear = (t: number | null) => (t === null ? 'not cleared' : formatDuration(t));
  const rows = [...now]
    .map((s) => ({ s, b: before.get(s.id) ?? null }))
    .sort((x, y) => Math.abs(y.s.evacuated - (y.b?.evacuated ?? 0)) - Math.abs(x.s.evacuated - (x.b?.evacuated ?? 0)))
    .map(({ s, b }) => [
      text(s.name),
      text(formatCount(s.evacuated)),
      text(b === null ? '—' : formatCount(b.evacuated)),
      el('span', { 'data-change': b === null ? null : s.evacuated - b.evacuated }, text(b === null ? '—' : signed(s.evacuated - b.evacuated))),
      text(formatCount(s.trapped)),
      text(b === null ? '—' : signed(s.trapped - b.trapped)),
      text(clear(s.clearance)),
      text(b === null ? '—' : clear(b.clearance)),
    ]);
  return el('p', { class: 'lead' }, text(`Against ${baseline.label}; largest changes first.`)) + table(
    [{ label: 'settlement' }, { label: 'evacuated', numeric: true }, { label: 'baseline', numeric: true }, { label: 'change', numeric: true },
      { label: 'trapped', numeric: true }, { label: 'change', numeric: true }, { label: 'clear at', numeric: true }, { label: 'baseline', numeric: true }],
    rows, 'comparison');
}
