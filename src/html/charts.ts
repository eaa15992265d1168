// The report's time charts as specifications, each from ReportSeries: evacuated
// people with targets and clearance, trapped people on their own scale when
// they are few, departures and arrivals per hour, vehicles on the road, people
// waiting, and shelter occupancy. A comparison run (the baseline, or the
// explorer's previous run) adds its curves dashed. timeChart() draws a spec at
// any width; the page's script reads values and exports data from the same spec.

import { CLEARANCE_PERCENTS } from '../report/clearance.js';
import { maxOf } from '../report/extremes.js';
import { formatCount, formatDuration } from '../report/format.js';
import { CATEGORY, SCOPE, STATE } from './palette.js';
import type { ReportSeries } from './series.js';
import { type PointMark, type TimeChart, type TimeRule, type TimeSeries, timeChart } from './time-chart.js';
import { shortClock } from './time-axis.js';

export type ChartKey = 'evacuated' | 'trapped' | 'flow' | 'vehicles' | 'waiting' | 'occupancy';

/** A run drawn dashed beside the current one, and what to call it ("baseline", "previous run"). */
export interface Comparison {
  series: ReportSeries;
  label: string;
}

/** Trapped people get their own chart when their peak is under this share of the evacuated axis. */
const SMALL_SHARE = 0.1;

/** Every chart of the run, by key; `trapped` only when trapped people would be a flat line on the first chart. */
export function chartSpecs(s: ReportSeries, before: Comparison | null = null): Partial<Record<ChartKey, TimeChart>> {
  const specs: Partial<Record<ChartKey, TimeChart>> = {
    evacuated: evacuatedSpec(s, before),
    flow: flowSpec(s, before),
    vehicles: vehiclesSpec(s, before),
    waiting: waitingSpec(s, before),
    occupancy: occupancySpec(s),
  };
  if (trappedIsSmall(s)) specs.trapped = trappedSpec(s, before);
  return specs;
}

/** The chart `key` drawn at `width` pixels (default 960); empty when the run has no such chart. */
export function chartSvg(s: ReportSeries, key: ChartKey, before: Comparison | null = null, width?: number): string {
  const spec = chartSpecs(s, before)[key];
  return spec === undefined ? '' : timeChart({ ...spec, width });
}

export function trappedIsSmall(s: ReportSeries): boolean {
  const trapped = maxOf(s.trapped, 0);
  const top = Math.max(maxOf(s.evacuated, 1), maxOf(s.left), s.complied);
  return trapped > 0 && trapped < SMALL_SHARE * top;
}

function evacuatedSpec(s: ReportSeries, before: Comparison | null): TimeChart {
  const series: TimeSeries[] = [
    { label: 'evacuated (reached a shelter or exit)', color: STATE.evacuated, times: s.times, values: s.evacuated },
    { label: 'left home', color: STATE.left, times: s.times, values: s.left },
    { label: trappedIsSmall(s) ? 'trapped (own scale below)' : 'trapped', color: STATE.trapped, times: s.times, values: s.trapped },
  ];
  s.scoped.forEach((scoped, i) => {
    series.push({ label: `evacuated, ${scoped.label}`, color: scopeColor(i), times: s.times, values: scoped.evacuated });
  });
  if (before !== null) {
    series.push({ label: `evacuated, ${before.label}`, color: STATE.before, times: before.series.times, values: before.series.evacuated, dashed: true });
  }
  const points: PointMark[] = s.targets.map((t) => ({
    t: t.at,
    value: t.value,
    low: t.low,
    high: t.high,
    color: t.curve < 0 ? STATE.evacuated : scopeColor(t.curve),
    filled: t.ok,
    title:
      `target${t.curve < 0 ? '' : ` (${s.scoped[t.curve].label})`} at ${when(s, t.at)}: ${band(t.value, t.low, t.high)}, ` +
      `run: ${t.actual === null ? '—' : formatCount(t.actual)} ` +
      `${t.ok ? 'met' : 'missed'}${t.note ? `. ${t.note}` : ''}`,
  }));
  const rules: TimeRule[] = (['p50', 'p90', 'p100'] as const).flatMap((key) => {
    const t = s.clearance[key];
    if (t === null) return [];
    const share = CLEARANCE_PERCENTS[key];
    return [{ t, label: key, title: `${share}% of the ${formatCount(s.complied)} compliant people evacuated at ${when(s, t)}` }];
  });
  return {
    title: 'People evacuated over time',
    yTitle: 'people',
    endTime: s.endTime,
    start: s.start,
    series,
    points,
    rules,
    levels: s.complied > 0 ? [{ value: s.complied, label: `complied: ${formatCount(s.complied)}`, color: STATE.complied }] : [],
    legend: points.length === 0 ? [] : [
      { label: 'target met (bar: tolerance)', color: STATE.evacuated, shape: 'point' },
      { label: 'target missed', color: STATE.evacuated, shape: 'hollow' },
    ],
    height: 300,
  };
}

/** A target's expected value as the text summary gives it: its band, or one bound ("≥ 8,000"). */
function band(value: number, low: number | null, high: number | null): string {
  if (low === null) return high === null ? formatCount(value) : `≤ ${formatCount(high)}`;
  if (high === null) return `≥ ${formatCount(low)}`;
  return `${formatCount(value)} (${formatCount(low)}–${formatCount(high)})`;
}

function trappedSpec(s: ReportSeries, before: Comparison | null): TimeChart {
  const series: TimeSeries[] = [{ label: 'trapped (captured before getting out)', color: STATE.trapped, times: s.times, values: s.trapped, fill: true }];
  if (before !== null) {
    series.push({ label: `trapped, ${before.label}`, color: STATE.before, times: before.series.times, values: before.series.trapped, dashed: true });
  }
  return { title: 'People trapped', yTitle: 'people', endTime: s.endTime, start: s.start, series, height: 140, empty: 'nobody was trapped' };
}

function flowSpec(s: ReportSeries, before: Comparison | null): TimeChart {
  const series: TimeSeries[] = [
    { label: 'departures (people/h)', color: STATE.left, times: s.binTimes, values: s.departedPerHour, step: true, fill: true },
    { label: 'arrivals at shelters and exits (people/h)', color: STATE.evacuated, times: s.binTimes, values: s.evacuatedPerHour, step: true },
  ];
  if (before !== null) {
    series.push({ label: `arrivals, ${before.label}`, color: STATE.before, times: before.series.binTimes, values: before.series.evacuatedPerHour, step: true, dashed: true });
  }
  return {
    title: 'Departures and arrivals per hour',
    yTitle: `people per hour (bins of ${formatDuration(s.flowBinSeconds)})`,
    endTime: s.endTime,
    start: s.start,
    series,
    empty: 'nobody moved',
  };
}

function vehiclesSpec(s: ReportSeries, before: Comparison | null): TimeChart {
  const series: TimeSeries[] = [
    { label: 'vehicles on the road', color: STATE.evacuated, times: s.sampleTimes, values: s.vehiclesOnRoad, fill: true },
    { label: 'vehicles queued at their origin', color: STATE.waiting, times: s.sampleTimes, values: s.vehiclesQueuedAtOrigin },
  ];
  if (before !== null) {
    series.push({ label: `on the road, ${before.label}`, color: STATE.before, times: before.series.sampleTimes, values: before.series.vehiclesOnRoad, dashed: true });
  }
  return {
    title: 'Vehicles on the road',
    yTitle: 'vehicles (cars, buses, trains)',
    endTime: s.endTime,
    start: s.start,
    series,
    empty: 'no vehicle moved',
  };
}

function waitingSpec(s: ReportSeries, before: Comparison | null): TimeChart {
  const series: TimeSeries[] = [
    { label: 'not yet left (preparing, queued or waiting)', color: STATE.waiting, times: s.times, values: s.waiting },
    { label: 'ready at a pickup point, waiting for a fleet', color: STATE.fleet, times: s.times, values: s.waitingForFleet, fill: true },
  ];
  if (before !== null) {
    series.push({ label: `not yet left, ${before.label}`, color: STATE.before, times: before.series.times, values: before.series.waiting, dashed: true });
  }
  return {
    title: 'People waiting',
    yTitle: 'people',
    endTime: s.endTime,
    start: s.start,
    series,
    empty: 'nobody waited',
  };
}

/** Dash patterns that, with the colours, keep eight shelter lines apart once several sit at 100 %. */
const DASHES = [null, '8 3', '2 3', '12 3 2 3', '4 4', '1 5', '10 6', '6 2 2 2'];

function occupancySpec(s: ReportSeries): TimeChart {
  const series: TimeSeries[] = s.shelters.map((shelter, i) => ({
    label: `${shelter.name} (${formatCount(shelter.capacity)} places)`,
    color: CATEGORY[i % CATEGORY.length],
    times: s.times,
    values: shelter.occupancy.map((n) => (shelter.capacity > 0 ? n / shelter.capacity : 0)),
    pattern: DASHES[i % DASHES.length],
  }));
  // Where each shelter fills, a labelled rule: the lines merge at 100 %, the instants do not.
  const rules: TimeRule[] = s.shelters.flatMap((shelter, i) => {
    const k = shelter.occupancy.findIndex((n) => shelter.capacity > 0 && n >= shelter.capacity);
    if (k < 0) return [];
    return [{ t: s.times[k], label: `${i + 1}`, title: `${shelter.name} full at ${when(s, s.times[k])}` }];
  });
  return {
    title: 'Shelter occupancy',
    yTitle: 'share of places taken',
    endTime: s.endTime,
    start: s.start,
    series: series.map((x, i) => ({ ...x, label: `${i + 1} ${x.label}` })),
    rules,
    percent: true,
    levels: [{ value: 1, label: 'full', color: STATE.trapped }],
    empty: s.shelters.length === 0 ? 'no shelter with a capacity' : 'no one reached a shelter',
  };
}

function scopeColor(i: number): string {
  return SCOPE[i % SCOPE.length];
}

function when(s: ReportSeries, t: number): string {
  return s.start === null ? formatDuration(t) : `${formatDuration(t)} (${shortClock(s.start, t)})`;
}
