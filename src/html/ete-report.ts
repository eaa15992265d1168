// The HTML page of an ETE study: the two classic tables of an evacuation time
// estimate report (90 % and 100 % of each zone's people, zones × variants), the
// same two of trip generation (people ready to set out), each zone's cars, and each zone's
// cumulative curve, one line per variant, after the study's warnings when it has
// any. Self-contained, no script.

import type { EteStudy } from '../ete/study.js';
import { eteCell, peopleCell, shadowLines, tableZones, variantWords, zoneCars, type EteMeasure } from '../ete/output.js';
import { ETE_PERCENTS, type EtePercent } from '../ete/percents.js';
import { facilityTables, groupsOf, groupTitle, isFacilityGroup, type EteGroup } from '../ete/groups.js';
import { maxOf } from '../report/extremes.js';
import { formatCount } from '../report/format.js';
import { CATEGORY } from './palette.js';
import { REPORT_CSS } from './style.js';
import { el, text } from './svg.js';
import { timeChart } from './time-chart.js';
import { ETE_WARNINGS_LEAD, warningsList } from './warnings.js';

/** The page of `study`, a study of scenario `name`. Deterministic. */
export function renderEteReport(study: EteStudy, name: string): string {
  const endWords = study.end === 'zone' ? 'leave their zone' : 'reach a shelter or exit';
  const runs = study.replications === 1 ? 'one run per variant' : `the mean and 95 % confidence interval of ${study.replications} runs per variant`;
  // As the terminal shows them: a table of each kind of facility only when there are two kinds or more.
  const groups = [...groupsOf(study.rows).filter((g) => !isFacilityGroup(g)), ...facilityTables(study.rows)];
  const warnings = [...study.warnings, ...study.unfinished];
  const sections = [
    // First, so a reader sees them before the times they qualify; left out when there are none.
    ...(warnings.length === 0 ? [] : [section('warnings', 'Warnings', ETE_WARNINGS_LEAD, warningsList(warnings))]),
    section('ete90', 'Time to evacuate 90 % of the people',
      `Time from each zone's order until 90 % of its people who could leave ${endWords}; ${runs}.`,
      ...groups.map((g) => groupTable(study, 'p90', g))),
    section('ete100', 'Time to evacuate 100 % of the people',
      `Time from each zone's order until the last of its people who could leave ${endWords}. "not reached" means some were still on their way, or waiting, when the run ended.`,
      ...groups.map((g) => groupTable(study, 'p100', g))),
    section('trips', 'Trip generation',
      "Time from each zone's order until 90 % and 100 % of its people who chose to leave were ready to set out, whatever the roads did after: an ETE close to it is set by mobilization, one far beyond it by the network.",
      ...groups.flatMap((g) => [groupTable(study, 'p90', g, 'ready'), groupTable(study, 'p100', g, 'ready')])),
    section('cars', 'Vehicle demand',
      'Cars of the people who chose to leave, one per household that drives its own (those captured before they were ready left out); fleets carry the others.',
      carsTable(study)),
    section('curves', 'Cumulative curves',
      "Share of each zone's people who could leave that had reached their end point, by time after the zone's order (first replication).",
      ...study.zones.map((zone) => curveChart(study, zone))),
  ];
  const body = el('main', {},
    el('header', {}, el('h1', {}, text(`${name}: evacuation time estimates`)),
      el('p', { class: 'meta' }, text(`Variants ${study.variants.join(', ')} · ${seedsText(study.seeds)} · end point: ${study.end === 'zone' ? 'leaving the zone' : 'a shelter or exit'}${study.regions ? ' · each zone evacuated alone ("all": the scenario as written)' : ''}`)),
      variantList(study),
      ...shadowParagraphs(study)),
    ...sections,
    el('footer', {}, text(`Evacuation time estimates of evacsim scenario "${name}". Same scenario, zones and seeds, same page.`)));
  return '<!doctype html>\n' + el('html', { lang: 'en' },
    el('head', {},
      el('meta', { charset: 'utf-8' }),
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('title', {}, text(`${name}: evacuation time estimates`)),
      el('style', {}, REPORT_CSS)),
    el('body', {}, body)) + '\n';
}

/** The shadow evacuees as the terminal gives them: a line, or under `regions` a line and its zones × variants table, kept in columns. */
function shadowParagraphs(study: EteStudy): string[] {
  const [first, ...table] = shadowLines(study);
  if (first === undefined) return [];
  return [el('p', { class: 'meta' }, text(first)), ...(table.length === 0 ? [] : [el('pre', { class: 'meta' }, text(table.join('\n')))])];
}

/** "seeds 7, 12": one list when every variant ran on the same seeds, else each variant's ("seeds base 7; wet 9"). */
function seedsText(seeds: EteStudy['seeds']): string {
  const lists = seeds.map((s) => s.seeds.join(', '));
  if (lists.every((l) => l === lists[0])) return `seeds ${lists[0] ?? ''}`;
  return `seeds ${seeds.map((s, i) => `${s.variant} ${lists[i]}`).join('; ')}`;
}

function section(id: string, title: string, lead: string, ...content: string[]): string {
  return el('section', { id }, el('h2', {}, text(title)), el('p', { class: 'lead' }, text(lead)), ...content);
}

function groupTable(study: EteStudy, key: EtePercent, group: EteGroup, measure: EteMeasure = 'ete'): string {
  const rows = study.rows.filter((r) => r.group === group);
  if (rows.every((r) => r.people <= 0)) return '';
  const index = new Map(rows.map((r) => [`${r.zone}\u0000${r.variant}`, r]));
  const head = el('tr', {}, el('th', {}, text('zone')), el('th', { class: 'num' }, text('people')),
    ...study.variants.map((v) => el('th', { class: 'num' }, text(v))));
  const body = tableZones(study, group).map((zone) => {
    const cells = study.variants.map((v) => index.get(`${zone}\u0000${v}`));
    return el('tr', {}, el('td', {}, text(zone)), el('td', { class: 'num' }, text(peopleCell(cells, measure))),
      ...cells.map((row) => el('td', { class: 'num' }, text(eteCell(row, key, measure)))));
  });
  const title = measure === 'ete' ? groupTitle(group) : `${groupTitle(group)}: ${ETE_PERCENTS[key]} % ready`;
  return el('h3', {}, text(title)) +
    el('table', {}, el('thead', {}, head), el('tbody', {}, body));
}

/** Zones × variants of each zone's cars (the mean of the replications). */
function carsTable(study: EteStudy): string {
  const carsOf = zoneCars(study);
  const head = el('tr', {}, el('th', {}, text('zone')), ...study.variants.map((v) => el('th', { class: 'num' }, text(v))));
  const body = study.zones.map((zone) => el('tr', {}, el('td', {}, text(zone)), ...study.variants.map((v) => {
    const cars = carsOf(zone, v);
    return el('td', { class: 'num' }, text(cars === undefined ? '' : formatCount(cars)));
  })));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, body));
}

function curveChart(study: EteStudy, zone: string): string {
  const series = study.curves.map(({ variant, curves }, i) => {
    const points = curves.find((c) => c.zone === zone)?.points ?? [];
    return { label: variant, color: CATEGORY[i % CATEGORY.length], times: points.map((p) => p[0]), values: points.map((p) => p[1]), step: true };
  });
  const endTime = maxOf(series.flatMap((s) => s.times), 3600);
  return el('figure', {}, el('figcaption', {}, text(zone)), timeChart({
    title: `Cumulative share evacuated in ${zone}`,
    yTitle: 'share of people who could leave',
    endTime,
    start: null,
    series: series.map((s) => ({ ...s, times: [0, ...s.times], values: [0, ...s.values] })),
    percent: true,
    height: 180,
    empty: emptyCurve(study, zone),
    since: "the zone's order",
  }));
}

/** Why a zone's chart has no curve: nobody living there, nobody told, nobody able to leave, or nobody who reached the end point. */
function emptyCurve(study: EteStudy, zone: string): string {
  const rows = study.rows.filter((r) => r.group === 'all' && r.zone === zone);
  if (rows.some((r) => r.people > 0)) return `none of the people who could leave ${study.end === 'zone' ? 'left the zone' : 'reached a shelter or exit'} by the end of the run`;
  if (rows.some((r) => r.told > 0)) return 'nobody told in this zone could leave: they stayed or were trapped';
  if (rows.every((r) => r.zonePopulation <= 0)) return 'nobody lives in this zone';
  return 'nobody in this zone was ordered to leave';
}

/** What each variant (a column of the tables) stands for, as the file describes it; nothing when no variant has a description. */
function variantList(study: EteStudy): string {
  if (study.descriptions.every((d) => d === '')) return '';
  return el('ul', { class: 'variants' }, ...study.variants.map((v, i) =>
    el('li', {}, el('strong', {}, text(v)), text(variantWords(v, study.descriptions[i])))));
}
