// renderReport: one self-contained HTML page for planners, from a run, its
// summary and its scenario. Charts and the map are inline SVG, the style is
// inline and uses system fonts, and the only script (the map's time slider) is
// inline too: the file opens offline and fetches nothing.

import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { clockAt } from '../report/clock.js';
import { formatCount, formatDuration } from '../report/format.js';
import type { LinkCongestion } from '../report/link-congestion.js';
import type { Summary } from '../report/summary.js';
import { evacuatedChart, flowChart, occupancyChart, vehiclesChart, waitingChart } from './charts.js';
import { figureCards, keyFigures } from './figures.js';
import { mapData } from './map-data.js';
import { applyMapTime, mapTimeLabel } from './map-time.js';
import { renderMap } from './map.js';
import { reportSeries } from './series.js';
import { REPORT_CSS } from './style.js';
import { el, text } from './svg.js';
import { bottleneckTable, districtTable, fleetTable, settlementTable, shelterTable, targetsTable } from './tables.js';
import { shortClock } from './time-axis.js';

/** The HTML report of `result`, a run of `scenario` summarized as `summary`. Deterministic: no clock, no locale. */
export function renderReport(result: SimulationResult, summary: Summary, scenario: Scenario, congestion?: readonly LinkCongestion[]): string {
  const series = reportSeries(result, scenario);
  const start = scenario.start;
  const sections = [
    section('over-time', 'People evacuated over time',
      'Everyone told to leave who reached a shelter or exit, who set off, and who was trapped. Points are the ' +
      "scenario's targets (filled when met); p50, p90 and p100 mark when half, 90 % and all of the people who " +
      'complied had been evacuated.',
      evacuatedChart(series)),
    section('flow', 'Departures and arrivals per hour',
      'People setting off and people reaching safety in each interval: the gap between the two is the traffic on the roads.',
      flowChart(series)),
    section('vehicles', 'Vehicles on the road',
      'Cars and fleet vehicles on links, and vehicles ready to leave but held at their origin because the first road was full.',
      vehiclesChart(series)),
    section('waiting', 'People waiting',
      'Compliant people who have not left yet, and among them those without a car who are ready at a pickup point and wait for a fleet.',
      waitingChart(series)),
    section('occupancy', 'Shelter occupancy',
      'People in each accommodation centre as a share of its places. Exits (the region edge, relatives, own housing) have no limit and are left out.',
      occupancyChart(series)),
    section('map', 'Map',
      'Roads coloured by congestion and drawn wider the more vehicles used them; settlements sized by population and ' +
      'coloured by how long after their order they were clear. Hover over a mark for its numbers.',
      mapSection(result, scenario)),
    section('targets', 'Targets', 'What the scenario says was observed, and what this run gives.',
      summary.targets.length === 0 ? el('p', { class: 'muted' }, text('The scenario sets no targets.')) : targetsTable(summary.targets, start)),
    section('districts', 'Districts', 'People by what became of them at the end of the run.', districtTable(result, summary, start)),
    section('settlements', 'Settlements', 'People by what became of them at the end of the run; "clear at" is when the last compliant person was evacuated.',
      settlementTable(result, summary, start)),
    section('bottlenecks', 'Bottleneck links', 'The links where vehicles lost the most time beyond free-flow travel, and when they held a queue.', bottleneckTable(result, scenario, 12, congestion)),
    section('fleets', 'Fleets', 'Buses and trains: trips made, people carried, and how long people waited at their pickup.', fleetTable(summary, scenario, start)),
    section('shelters', 'Shelters and exits', 'Where people went.', shelterTable(summary)),
  ];
  const nav = el('nav', {}, ...NAV.map(([id, label]) => el('a', { href: `#${id}` }, text(label))));
  const body = el('main', {},
    header(summary, scenario),
    figureCards(keyFigures(summary)),
    nav,
    ...sections,
    el('footer', {}, text(
      `Report of evacsim scenario "${scenario.name}", seed ${summary.seed}. Counts are exact from the run's movement log; ` +
      `vehicle counts are sampled every ${formatDuration(scenario.reportBinSeconds)}. Same scenario and seed, same report.`,
    )),
  );
  return '<!doctype html>\n' + el('html', { lang: 'en' },
    el('head', {},
      el('meta', { charset: 'utf-8' }),
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('title', {}, text(`${scenario.name}: evacuation report`)),
      el('style', {}, REPORT_CSS)),
    el('body', {}, body, el('script', {}, SCRIPT))) + '\n';
}

const NAV: [string, string][] = [
  ['over-time', 'over time'], ['flow', 'per hour'], ['vehicles', 'vehicles'], ['waiting', 'waiting'],
  ['occupancy', 'shelters'], ['map', 'map'], ['targets', 'targets'], ['districts', 'districts'],
  ['settlements', 'settlements'], ['bottlenecks', 'bottlenecks'], ['fleets', 'fleets'],
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
      `Seed ${summary.seed} · ${when} · ${formatCount(scenario.settlements.length)} settlements with ` +
      `${formatCount(people)} people · ${formatCount(scenario.network.roads.length)} roads · ` +
      `${formatCount(scenario.fleets.length)} fleets · ${formatCount(scenario.hazards.length)} hazards`,
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

/** The map with its two road colourings (switched by radio buttons, no script) and the hazards' time slider. */
export function mapSection(result: SimulationResult, scenario: Scenario, id = 'map-svg'): string {
  const data = mapData(result, scenario);
  // The radios stay siblings of the figure: the stylesheet switches the layers with `~`.
  const radio = (value: string, label: string, checked: boolean) =>
    el('input', { type: 'radio', name: 'map-color', id: `map-color-${value}`, checked }) +
    el('label', { for: `map-color-${value}` }, text(label));
  return el('div', { class: 'map-controls' },
    el('span', {}, text('Colour roads by')),
    radio('queue', 'peak queue', true),
    radio('delay', 'delay per vehicle', false),
    el('label', { class: 'map-time-control', hidden: true }, text('Hazards at '),
      el('input', {
        type: 'range', class: 'map-time', 'data-map': id, min: 0, max: data.endTime,
        step: Math.max(60, Math.round(scenario.reportBinSeconds)), value: data.endTime,
        'aria-label': 'time at which hazards are shown',
      })),
    el('figure', { class: 'map-figure' }, renderMap(data, { id })));
}

// The slider is hidden until this runs, so without scripts the page still reads true.
const SCRIPT = `(function () {
  var label = ${mapTimeLabel.toString()};
  var apply = ${applyMapTime.toString()};
  document.querySelectorAll('input.map-time').forEach(function (input) {
    var svg = document.getElementById(input.getAttribute('data-map'));
    var node = svg && svg.querySelector('[data-time-label]');
    if (!svg || !node) return;
    var startMs = node.hasAttribute('data-start-ms') ? Number(node.getAttribute('data-start-ms')) : null;
    var offset = Number(node.getAttribute('data-offset-minutes'));
    input.closest('label').hidden = false;
    input.addEventListener('input', function () {
      apply(svg, Number(input.value), function (t) { return 'hazards at ' + label(t, startMs, offset); });
    });
  });
})();`;
