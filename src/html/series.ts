// The numbers behind the report's charts, as plain data: cumulative people by
// state at every bin end, departures and arrivals per hour, vehicle gauges,
// people waiting for a fleet and shelter occupancy. Plain arrays, so the
// explorer can send them from its worker to the page and keep the previous run.

import type { SimulationResult } from '../result.js';
import type { Scenario, TargetScope } from '../scenario/types.js';
import { binEnds } from '../report/bins.js';
import { ratesPerHour } from '../report/throughput.js';
import { type Clearance, clearance } from '../report/clearance.js';
import { describeScope, isWholeScope } from '../report/scope.js';
import { type LogTimeline, logTimeline } from './log-timeline.js';
import { type Summary, clearanceInMilliseconds } from '../report/summary.js';
import { type TargetResult, evaluateTargets } from '../report/targets.js';

/** A target of `people.evacuated` placed on the chart. */
export interface TargetPoint {
  /** Index into `scoped`, or −1 for the whole scenario. */
  curve: number;
  at: number;
  value: number;
  /** The band's ends; null on the open side of a target with only `min` or only `max`. */
  low: number | null;
  high: number | null;
  actual: number | null;
  ok: boolean;
  note: string;
}

export interface ReportSeries {
  scenario: string;
  start: string | null;
  endTime: number;
  binSeconds: number;
  /** 0 and every bin end. */
  times: number[];
  /** People by state at each of `times`. */
  evacuated: number[];
  /** People who had left their settlement (departed), whatever became of them after. */
  left: number[];
  trapped: number[];
  /** Compliant people not yet departed: still preparing, queued or waiting for a fleet. */
  waiting: number[];
  /** Ready, at their pickup point, waiting for a fleet. */
  waitingForFleet: number[];
  /** People evacuated at each of `times` within each scope the targets name. */
  scoped: { label: string; evacuated: number[] }[];
  targets: TargetPoint[];
  /** People who complied by the end: the base of the clearance percentiles. */
  complied: number;
  clearance: Clearance;
  /** Width of the departure and arrival bins, chosen for the run's length (not the report bin). */
  flowBinSeconds: number;
  /** Start of each flow bin, then `endTime`; the rates hold over each bin. */
  binTimes: number[];
  /** People per hour departing and arriving, per bin (the last value repeated at `endTime`). */
  departedPerHour: number[];
  evacuatedPerHour: number[];
  /** Sampled gauges at the end of each sampled bin, with 0 at the start. */
  sampleTimes: number[];
  vehiclesOnRoad: number[];
  vehiclesQueuedAtOrigin: number[];
  /** Shelters with a capacity: people there at each of `times`. */
  shelters: { id: string; name: string; capacity: number; occupancy: number[] }[];
}

/** The instants of a run's charts and map: 0 and every report-bin end. */
export function reportTimes(result: SimulationResult): number[] {
  return [0, ...binEnds(result.endTime, result.samples.binSeconds)];
}

/** The log of `result` read at its charts' instants, for everything reportSeries and mapData draw. */
export function reportTimeline(result: SimulationResult, scenario: Scenario): LogTimeline {
  const flowBin = flowBinSeconds(result.endTime);
  return logTimeline(result, reportTimes(result), targetScopes(scenario), flowBin, binEnds(result.endTime, flowBin).length);
}

/**
 * The chart data of a run of `scenario`; its `summary`, when given, saves evaluating the targets and clearance
 * again, and `timeline` (reportTimeline), reading the log again.
 */
export function reportSeries(
  result: SimulationResult,
  scenario: Scenario,
  summary?: Pick<Summary, 'clearance' | 'targets'>,
  timeline: LogTimeline = reportTimeline(result, scenario),
): ReportSeries {
  const times = [...timeline.times];
  const people = timeline.people;
  const scopes = targetScopes(scenario);
  const flowBin = flowBinSeconds(result.endTime);
  const flowEnds = binEnds(result.endTime, flowBin);
  const perHour = (byBin: readonly number[]) => {
    const counts = ratesPerHour(byBin, flowBin, result.endTime, result.horizon);
    return [...counts, counts[counts.length - 1]];
  };
  const occupancy = timeline.occupancy;
  const { samples } = result;
  return {
    scenario: result.scenario,
    start: result.start,
    endTime: result.endTime,
    binSeconds: samples.binSeconds,
    times,
    evacuated: people.map((p) => p.evacuated),
    left: [...timeline.left],
    trapped: people.map((p) => p.trapped),
    waiting: people.map((p) => p.waiting),
    waitingForFleet: [...timeline.waitingForFleet],
    scoped: scopes.map((scope, k) => ({
      label: describeScope(scope),
      evacuated: timeline.scoped[k].map((p) => p.evacuated),
    })),
    targets: targetPoints(result, summary?.targets ?? evaluateTargets(result, scenario.targets), scopes),
    complied: people[people.length - 1].complied,
    clearance: summary?.clearance ?? clearanceInMilliseconds(clearance(result)),
    flowBinSeconds: flowBin,
    binTimes: [...flowEnds.map((_, i) => i * flowBin), result.endTime],
    departedPerHour: perHour(timeline.departedByBin),
    evacuatedPerHour: perHour(timeline.evacuatedByBin),
    sampleTimes: [0, ...samples.time],
    vehiclesOnRoad: [0, ...samples.vehiclesOnRoad],
    vehiclesQueuedAtOrigin: [0, ...samples.vehiclesQueuedAtOrigin],
    shelters: result.destinations.flatMap((d, i) =>
      d.capacity === null ? [] : [{ id: d.id, name: d.name, capacity: d.capacity, occupancy: occupancy.map((o) => o[i]) }],
    ),
  };
}

const FLOW_BINS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** A bin width that gives a run of `endTime` seconds at most 100 bars (and about a third of that at least): 2 min for a 2-hour run, 6 h for 17 days. */
export function flowBinSeconds(endTime: number): number {
  return FLOW_BINS.find((b) => endTime / b <= 100) ?? FLOW_BINS[FLOW_BINS.length - 1];
}

/** Distinct scopes, other than the whole scenario, of the `people.evacuated` targets. */
function targetScopes(scenario: Scenario): TargetScope[] {
  const seen = new Map<string, TargetScope>();
  for (const t of scenario.targets) {
    if (t.metric !== 'people.evacuated' || isWholeScope(t.scope) || t.scope === null) continue;
    seen.set(describeScope(t.scope), t.scope);
  }
  return [...seen.values()];
}

function targetPoints(result: SimulationResult, evaluated: readonly TargetResult[], scopes: TargetScope[]): TargetPoint[] {
  const labels = scopes.map((s) => describeScope(s));
  return evaluated.flatMap((t): TargetPoint[] => {
    if (t.metric !== 'people.evacuated') return [];
    const curve = isWholeScope(t.scope) ? -1 : labels.indexOf(describeScope(t.scope));
    const bounded = t.min !== null || t.max !== null;
    const slack = t.tolerance * Math.abs(t.value);
    return [{
      curve,
      at: t.at ?? result.endTime,
      value: t.value,
      low: bounded ? t.min : t.value - slack,
      high: bounded ? t.max : t.value + slack,
      actual: t.actual,
      ok: t.ok,
      note: t.note,
    }];
  });
}

/**
 * People ready at a pickup point and not yet boarded, at each of `times`
 * (ascending): ready rows add, fleet departures take away, and a capture
 * empties the settlement's pickup.
 */
export function waitingForFleet(result: SimulationResult, times: readonly number[]): number[] {
  return logTimeline(result, times).waitingForFleet;
}
