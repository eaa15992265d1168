// The report's five time charts, each from ReportSeries: evacuated people with
// targets and clearance, departures and arrivals per hour, vehicles on the road,
// people waiting, and shelter occupancy. The explorer draws the same charts,
// passing the previous run as `before` to show it dashed.

import { CLEARANCE_PERCENTS } from '../report/clearance.js';
import { formatCount, formatDuration } from '../report/format.js';
import { CATEGORY, SCOPE, STATE } from './palette.js';
import type { ReportSeries } from './series.js';
import { type PointMark, type TimeRule, type TimeSeries, timeChart } from './time-chart.js';
import { shortClock } from './time-axis.js';

/** Cumulative people who left, were evacuated and were trapped; targets as points; p50, p90, p100 marked. */
export function evacuatedChart(s: ReportSeries, before: ReportSeries | null = null): string {
  const series: TimeSeries[] = [
    { label: 'evacuated (reached a shelter or exit)', color: STATE.evacuated, times: s.times, values: s.evacuated },
    { label: 'left home', color: STATE.left, times: s.times, values: s.left },
    { label: 'trapped', color: STATE.trapped, times: s.times, values: s.trapped },
  ];
  s.scoped.forEach((scoped, i) => {
    series.push({ label: `evacuated, ${scoped.label}`, color: scopeColor(i), times: s.times, values: scoped.evacuated });
  });
  if (before !== null) {
    series.push({ label: 'evacuated, before the change', color: STATE.before, times: before.times, values: before.evacuated, dashed: true });
  }
  const points: PointMark[] = s.targets.map((t) => ({
    t: t.at,
    value: t.value,
    low: t.low,
    high: t.high,
    color: t.curve < 0 ? STATE.evacuated : scopeColor(t.curve),
    filled: t.ok,
    title:
      `target${t.curve < 0 ? '' : ` (${s.scoped[t.curve].label})`} at ${when(s, t.at)}: ${formatCount(t.value)} ` +
      `(${formatCount(t.low)}–${formatCount(t.high)}), run: ${t.actual === null ? '—' : formatCount(t.actual)} ` +
      `${t.ok ? 'met' : 'missed'}${t.note ? `. ${t.note}` : ''}`,
  }));
  const rules: TimeRule[] = (['p50', 'p90', 'p100'] as const).flatMap((key) => {
    const t = s.clearance[key];
    if (t === null) return [];
    const share = CLEARANCE_PERCENTS[key];
    return [{ t, label: key, title: `${share}% of the ${formatCount(s.complied)} compliant people evacuated at ${when(s, t)}` }];
  });
  return timeChart({
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
  });
}

/** People departing and arriving per hour, per report bin. */
export function flowChart(s: ReportSeries, before: ReportSeries | null = null): string {
  const series: TimeSeries[] = [
    { label: 'departures (people/h)', color: STATE.left, times: s.binTimes, values: s.departedPerHour, step: true, fill: true },
    { label: 'arrivals at shelters and exits (people/h)', color: STATE.evacuated, times: s.binTimes, values: s.evacuatedPerHour, step: true },
  ];
  if (before !== null) {
    series.push({ label: 'arrivals, before the change', color: STATE.before, times: before.binTimes, values: before.evacuatedPerHour, step: true, dashed: true });
  }
  return timeChart({
    title: 'Departures and arrivals per hour',
    yTitle: `people per hour (bins of ${formatDuration(s.binSeconds)})`,
    endTime: s.endTime,
    start: s.start,
    series,
    empty: 'nobody moved',
  });
}

/** Vehicles on the road and vehicles held at their origin, sampled at each bin end. */
export function vehiclesChart(s: ReportSeries, before: ReportSeries | null = null): string {
  const series: TimeSeries[] = [
    { label: 'vehicles on the road', color: STATE.evacuated, times: s.sampleTimes, values: s.vehiclesOnRoad, fill: true },
    { label: 'vehicles queued at their origin', color: STATE.waiting, times: s.sampleTimes, values: s.vehiclesQueuedAtOrigin },
  ];
  if (before !== null) {
    series.push({ label: 'on the road, before the change', color: STATE.before, times: before.sampleTimes, values: before.vehiclesOnRoad, dashed: true });
  }
  return timeChart({
    title: 'Vehicles on the road',
    yTitle: 'vehicles (cars, buses, trains)',
    endTime: s.endTime,
    start: s.start,
    series,
    empty: 'no vehicle moved',
  });
}

/** Compliant people not yet gone, and among them those ready and waiting for a fleet. */
export function waitingChart(s: ReportSeries, before: ReportSeries | null = null): string {
  const series: TimeSeries[] = [
    { label: 'not yet left (preparing, queued or waiting)', color: STATE.waiting, times: s.times, values: s.waiting },
    { label: 'ready at a pickup point, waiting for a fleet', color: STATE.fleet, times: s.times, values: s.waitingForFleet, fill: true },
  ];
  if (before !== null) {
    series.push({ label: 'waiting for a fleet, before the change', color: STATE.before, times: before.times, values: before.waitingForFleet, dashed: true });
  }
  return timeChart({
    title: 'People waiting',
    yTitle: 'people',
    endTime: s.endTime,
    start: s.start,
    series,
    empty: 'nobody waited',
  });
}

/** People in each shelter with a capacity, as a share of its places. */
export function occupancyChart(s: ReportSeries): string {
  const series: TimeSeries[] = s.shelters.map((shelter, i) => ({
    label: `${shelter.name} (${formatCount(shelter.capacity)} places)`,
    color: CATEGORY[i % CATEGORY.length],
    times: s.times,
    values: shelter.occupancy.map((n) => (shelter.capacity > 0 ? n / shelter.capacity : 0)),
  }));
  return timeChart({
    title: 'Shelter occupancy',
    yTitle: 'share of places taken',
    endTime: s.endTime,
    start: s.start,
    series,
    percent: true,
    levels: [{ value: 1, label: 'full', color: STATE.trapped }],
    empty: s.shelters.length === 0 ? 'no shelter with a capacity' : 'no one reached a shelter',
  });
}

function scopeColor(i: number): string {
  return SCOPE[i % SCOPE.length];
}

function when(s: ReportSeries, t: number): string {
  return s.start === null ? formatDuration(t) : `${formatDuration(t)} (${shortClock(s.start, t)})`;
}
