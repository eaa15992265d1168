// One what-if run, from a raw scenario file to everything the explorer page
// draws: the summary's key figures, the chart series, the map over time, the
// tables and the facts the "why" line reasons with. Pure, so the browser's
// worker and the tests compute the very same numbers.

import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import type { SimulationResult } from '../result.js';
import { type Summary, summarize } from '../report/summary.js';
import type { SettlementOutcome } from '../html/compare.js';
import { facilityWords } from '../html/unserved.js';
import { type Figure, keyFigures } from '../html/figures.js';
import { type MapData, mapData } from '../html/map-data.js';
import { type ReportSeries, reportSeries, reportTimeline } from '../html/series.js';
import { districtTable, fleetTable, settlementTable, targetsTable } from '../html/tables.js';
import { type TrafficSeries, simulateWithTraffic } from '../html/traffic.js';
import { warningsList } from '../html/warnings.js';
import { runWarnings } from '../check/run-warnings.js';
import type { WhyFacts } from './why.js';

export interface Outcome {
  people: Summary['people'];
  figures: Figure[];
  series: ReportSeries;
  map: MapData;
  settlements: SettlementOutcome[];
  facts: WhyFacts;
  /** HTML tables and lists, already escaped. */
  targets: string;
  districts: string;
  settlementTable: string;
  fleets: string;
  /** The warnings that apply to the run (runWarnings), or "None.". */
  warnings: string;
}

/** A run with everything needed to write its report. */
export interface Run {
  scenario: Scenario;
  result: SimulationResult;
  summary: Summary;
  traffic: TrafficSeries;
}

/** The steps of a run, in order: `lap` in runRaw is called at the end of each. */
export type RunStep = 'parse' | 'simulate' | 'summary';

/**
 * Parses and simulates the raw scenario `raw`, recording its traffic, and calls
 * `lap` after each step (the worker times them). `check`, when given, is called
 * with the parsed scenario before anything is simulated (the server's limits).
 * Throws ScenarioError when it is invalid.
 */
export function runRaw(raw: unknown, lap: (step: RunStep) => void = () => {}, check: (scenario: Scenario) => void = () => {}): Run {
  const scenario = parseScenario(withoutVariants(raw));
  check(scenario);
  lap('parse');
  const { result, traffic } = simulateWithTraffic(scenario);
  lap('simulate');
  const summary = summarize(result, scenario);
  lap('summary');
  return { scenario, result, summary, traffic };
}

/**
 * `raw` without its `variants`: the explorer runs the scenario as written, never a variant, and
 * parseScenario checks each variant as a scenario of its own (Kursk's three made its parse about
 * eight times as long). The server checked them when it loaded the file.
 */
function withoutVariants(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, 'variants')) return raw;
  const { variants: _, ...rest } = raw as Record<string, unknown>;
  return rest;
}

/** What the page draws of `run`. */
export function outcomeOf({ scenario, result, summary, traffic }: Run): Outcome {
  // The log read once for the charts, the map and the tables.
  const timeline = reportTimeline(result, scenario);
  const series = reportSeries(result, scenario, summary, timeline);
  const figures = keyFigures(summary);
  // The timeline's last instant is the end of the run.
  const left = timeline.settlements.map((s) => s.left[s.left.length - 1]);
  return {
    people: summary.people,
    figures,
    series,
    map: mapData(result, scenario, traffic, summary, timeline),
    settlements: summary.settlements.map((s) => ({ id: s.id, name: s.name, evacuated: s.evacuated, trapped: s.trapped, clearance: s.clearance })),
    facts: { figures, left: series.left[series.left.length - 1] ?? 0, peakOnRoad: Math.max(0, ...series.vehiclesOnRoad) },
    targets: summary.targets.length === 0 ? '' : targetsTable(summary.targets, scenario.start),
    districts: districtTable(result, summary, scenario.start, left),
    settlementTable: settlementTable(result, summary, scenario.start, left, scenario.settlements.map((s) => facilityWords(scenario, s, summary.fleets, scenario.start))),
    fleets: fleetTable(summary, scenario, scenario.start),
    warnings: warningsList(runWarnings(scenario, result)),
  };
}

/** Parses, simulates and summarizes the raw scenario `raw`. Throws ScenarioError when it is invalid. */
export function evaluate(raw: unknown): Outcome {
  return outcomeOf(runRaw(raw));
}
