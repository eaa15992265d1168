// The HTML report as one self-contained page, from a run, its summary and its
// scenario: charts and the map as inline SVG (drawn for a laptop, redrawn by the
// page's script at the reader's width and instant), the style and the bundled
// script inline, the data the script needs as JSON. Opens offline; fetches nothing.
// Pure: the script's text is passed in (render-report.ts reads the bundle).

import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { clockAt } from '../report/clock.js';
import { counted, formatDuration } from '../report/format.js';
import type { LinkCongestion } from '../report/link-congestion.js';
import type { Summary } from '../report/summary.js';
import { type ChartKey, type Comparison, chartSvg, trappedIsSmall } from './charts.js';
import { type Baseline, comparisonTable } from './compare.js';
import { facilityWords } from './unserved.js';
import { figureCards, keyFigures } from './figures.js';
import { type MapData, mapData } from './map-data.js';
import { mapLegend } from './map-legend.js';
import { colourings } from './map-view.js';
import { renderMap } from './map.js';
import { REPORT_DATA_ID, type ReportData, embedJson } from './report-data.js';
import { reportSeries } from './series.js';
import { REPORT_CSS } from './style.js';
import { el, text } from './svg.js';
import type { NetworkAnalysis } from '../analysis/analyze.js';
import { buildGraph, type RoadGraph } from '../network/build-graph.js';
import { compile } from '../network/compile.js';
import { networkTables } from './network-tables.js';
import { bottleneckTable, districtTable, fleetTable, settlementTable, shelterTable, targetsTable } from './tables.js';
import { shortClock } from './time-axis.js';
import type { TrafficSeries } from './traffic.js';
import { runWarnings } from '../check/run-warnings.js';
import { WARNINGS_LEAD, warningsList } from './warnings.js';

export interface ReportOptions {
  /** The run's traffic over time (simulateWithTraffic): roads, origin queues and fleets on the map at each instant. */
  traffic?: TrafficSeries | null;
  /** A run to compare with: on the cards, the charts (dashed), the map and a settlement table. */
  baseline?: Baseline | null;
  /** Each link's queue over time (report/link-congestion.ts), for the bottleneck table's queue times. */
  congestion?: readonly LinkCongestion[];
  /** The road network's analysis before the run (analyzeNetwork): a section on critical roads and minimum cuts. */
  network?: NetworkAnalysis | null;
  /** The scenario's road graph, when the caller has built it already (the map reads positions and storage from it). */
  graph?: RoadGraph;
}

/** The HTML report of `result`, a run of `scenario` summarized as `summary`, with `script` as its page script. Deterministic. */
export function reportPage(result: SimulationResult, summary: Summary, scenario: Scenario, script: string, options: ReportOptions = {}): string {
  const series = reportSeries(result, scenario, summary);
  const graph = options.graph ?? buildGraph(scenario);
  const map = mapData(result, scenario, options.traffic ?? null, summary, undefined, graph);
  const baseline = options.baseline ?? null;
  const congestion = options.congestion;
  const before: Comparison | null = baseline?.series ? { series: baseline.series, label: baseline.label } : null;
  const chart = (key: ChartKey) => el('div', { class: 'chart-slot', 'data-chart': key }, chartSvg(series, key, before));
  const start = scenario.start;
  const data: ReportData = { series, map, baseline };
  const warnings = runWarnings(scenario, result, compile(graph));
  const sections = [
    // First, so a reader sees them before the figures they qualify; left out when there are none.
    ...(warnings.length === 0 ? [] : [section('warnings', 'Warnings', WARNINGS_LEAD, warningsList(warnings))]),
    section('over-time', 'People evacuated over time',
      'Everyone told to leave who reached a shelter or exit, who set off, and who was trapped. Points are the ' +
      "scenario's targets (filled when met); p50, p90 and p100 mark when half, 90 % and all of the people who " +
      'complied had been evacuated.',
      chart('evacuated') + (trappedIsSmall(series) ? chart('trapped') : '')),
    section('flow', 'Departures and arrivals per hour',
      'People setting off and people reaching safety in each interval: the gap between the two is the traffic on the roads.',
      chart('flow')),
    section('vehicles', 'Vehicles on the road',
      'Cars and fleet vehicles on links, and vehicles ready to leave but held at their origin because the first road was full.',
      chart('vehicles')),
    section('waiting', 'People waiting',
      'Compliant people who have not left yet, and among them those without a car who are ready at a pickup point and wait for a fleet.',
      chart('waiting')),
    section('occupancy', 'Shelter occupancy',
      'People in each accommodation centre as a share of its places. Exits (the region edge, relatives, own housing) have no limit and are left out.',
      chart('occupancy')),
    section('map', 'Map',
      'The network at the instant on the slider: settlements sized by population and shown by what their people were doing, ' +
      'roads by the vehicles on them, vehicles waiting at their origin, fleets on the road, shelters filling up, and the hazards ' +
      'in force. Press play to watch the evacuation; hover, tap or focus a mark for its numbers.',
      mapSection(map, baseline?.map ?? null)),
    section('targets', 'Targets', 'What the scenario says was observed, and what this run gives.',
      summary.targets.length === 0 ? el('p', { class: 'muted' }, text('The scenario sets no targets.')) : targetsTable(summary.targets, start)),
    section('districts', 'Districts', 'People by what became of them at the end of the run.', districtTable(result, summary, start)),
    section('settlements', 'Settlements', 'People by what became of them at the end of the run; "clear at" is when the last compliant person was evacuated.',
      settlementTable(result, summary, start, undefined, scenario.settlements.map((s) => facilityWords(scenario, s, summary.fleets, start)))),
    section('bottlenecks', 'Bottleneck links', 'The links where vehicles lost the most time beyond free-flow travel, and when they held a queue.', bottleneckTable(result, scenario, 12, congestion)),
    section('fleets', 'Fleets', 'Buses and trains: trips made, people carried, and how long people waited at their pickup' +
      (summary.fleets.some((f) => f.lost > 0) ? '; vehicles a capture took, with the people aboard, and when it took the first.' : '.'), fleetTable(summary, scenario, start)),
    section('shelters', 'Shelters and exits', 'Where people went' +
      (summary.shelters.some((s) => s.capturedAt !== null) ? '; when a capture took a shelter, those in it stayed there (they count as evacuated).' : '.'), shelterTable(summary, start)),
    ...(options.network ? [section('network', 'Road network before the run',
      'What the roads allow whatever people do, on free-flow times and car roads only (evacsim network): the links every route of a ' +
      'settlement uses, the links its people load on their fastest routes, and the narrowest cut between each zone and safety.',
      networkTables(options.network))] : []),
    ...(baseline === null ? [] : [section('comparison', 'Against the baseline', 'Settlements whose outcome changed most.',
      comparisonTable(summary.settlements, baseline))]),
  ];
  const nav = el('nav', {}, ...[...(warnings.length === 0 ? [] : [['warnings', 'warnings']]), ...NAV, ...(options.network ? [['network', 'network']] : []), ...(baseline === null ? [] : [['comparison', 'comparison']])]
    .map(([id, label]) => el('a', { href: `#${id}` }, text(label))));
  const body = el('main', {},
    header(summary, scenario),
    baseline === null ? '' : el('p', { class: 'baseline-note' }, text(baselineNote(baseline))),
    figureCards(keyFigures(summary), baseline?.figures ?? null),
    nav,
    ...sections,
    el('footer', {}, text(
      `Report of evacsim scenario "${scenario.name}"${summary.variant === undefined ? '' : `, variant "${summary.variant}"`}, seed ${summary.seed}. Counts are exact from the run's movement log; ` +
      `vehicle counts are sampled every ${formatDuration(scenario.reportBinSeconds)}. Same scenario and seed, same report.`,
    )),
  );
  return '<!doctype html>\n' + el('html', { lang: 'en' },
    el('head', {},
      el('meta', { charset: 'utf-8' }),
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('title', {}, text(`${scenario.name}: evacuation report`)),
      el('style', {}, REPORT_CSS)),
    el('body', {}, body,
      el('script', { type: 'application/json', id: REPORT_DATA_ID }, embedJson(data)),
      el('script', {}, script))) + '\n';
}

const NAV: [string, string][] = [
  ['over-time', 'over time'], ['flow', 'per hour'], ['vehicles', 'vehicles'], ['waiting', 'waiting'],
  ['occupancy', 'shelters'], ['map', 'map'], ['targets', 'targets'], ['districts', 'districts'],
  ['settlements', 'settlements'], ['bottlenecks', 'bottlenecks'], ['fleets', 'fleets'], ['shelters', 'exits'],
];

function header(summary: Summary, scenario: Scenario): string {
  const when = scenario.start === null
    ? `ran ${formatDuration(summary.endTime)}`
    : `${shortClock(scenario.start, 0, false)} to ${shortClock(scenario.start, summary.endTime, false)} ` +
      `(${formatDuration(summary.endTime)}; times are ${zoneName(scenario.start)})`;
  const people = scenario.settlements.reduce((sum, s) => sum + s.population, 0);
  return el('header', {},
    el('h1', {}, text(scenario.name)),
    description(scenario.description),
    el('p', { class: 'meta' }, text(
      `${summary.variant === undefined ? '' : `Variant ${summary.variant} · `}Seed ${summary.seed} · ${when} · ${counted(scenario.settlements.length, 'settlement')} with ` +
      `${counted(people, 'person', 'people')} · ${counted(scenario.network.roads.length, 'road')} · ` +
      `${counted(scenario.fleets.length, 'fleet')} · ${counted(scenario.hazards.length, 'hazard')}`,
    )));
}

/** "UTC+03:00", or "UTC" for a start at UTC or without an offset. */
function zoneName(start: string): string {
  const offset = clockAt(start, 0).slice(19);
  return offset === 'Z' ? 'UTC' : `UTC${offset}`;
}

/** The scenario's description; a long one shows its first sentence and folds the rest. */
function description(full: string): string {
  if (full === '') return '';
  const cut = full.indexOf('. ', 60);
  if (full.length <= 320 || cut < 0) return el('p', { class: 'description' }, text(full));
  return el('details', { class: 'description' },
    el('summary', {}, text(full.slice(0, cut + 1))),
    el('p', {}, text(full.slice(cut + 2))));
}

function section(id: string, title: string, lead: string, content: string): string {
  return el('section', { id }, el('h2', {}, text(title)), el('p', { class: 'lead' }, text(lead)), content);
}

/** The map's controls (filled in by the page's script), the map at the end of the run, and its legend. */
export function mapSection(map: MapData, baseline: MapData | null, id = 'map-svg'): string {
  const choices = colourings(map, baseline);
  return el('div', { class: 'map-panel', 'data-map': id, 'data-road-colourings': choices.roads.join(' '), 'data-settlement-colourings': choices.settlements.join(' ') },
    el('div', { class: 'map-controls' }),
    el('div', { class: 'map-body' },
      el('figure', { class: 'map-figure' }, renderMap(map, { id, baseline })),
      mapLegend(map, { baseline })));
}

/** What the page shows of `baseline`: a summary JSON has no curves over time, so nothing of it is dashed on the charts. */
function baselineNote(baseline: Baseline): string {
  return baseline.series === null
    ? `Compared with ${baseline.label}: its values are under each figure and in the settlement table (a summary has no curves over time to draw).`
    : `Compared with ${baseline.label}: its values are under each figure and dashed on the charts.`;
}
