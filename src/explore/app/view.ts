// Draws an outcome into the explorer page: key figures with the change from the
// comparison run (the pinned baseline, else the previous run), the charts with
// that run dashed, the map that plays, the "why" line and the tables.

import { type Baseline, comparisonTable } from '../../html/compare.js';
import { figureCards } from '../../html/figures.js';
import { drawCharts } from '../../html/browser/charts-view.js';
import { type MapPlayer, mountMap } from '../../html/browser/map-player.js';
import { tipify } from '../../html/browser/tooltip.js';
import type { Outcome } from '../evaluate.js';

/** A run shown on the page, and what to call it when compared. */
export interface Shown {
  outcome: Outcome;
  label: string;
}

let player: MapPlayer | null = null;

/** Replaces the page's results with `now`, compared with `before` (and its map, when it is the pinned baseline). */
export function showOutcome(now: Outcome, before: Shown | null, pinned: boolean): void {
  const b = before?.outcome ?? null;
  fill('#figures', figureCards(now.figures, b?.figures ?? null));
  drawOutcomeCharts(now, before);
  const note = document.querySelector('#baseline-note') as HTMLElement;
  note.hidden = before === null;
  note.textContent = before === null ? '' : `Compared with ${before.label}: its values are under each figure and dashed on the charts.`;
  const baseline: Baseline | null = before === null || !pinned ? null : {
    label: before.label, figures: before.outcome.figures, settlements: before.outcome.settlements, series: before.outcome.series, map: before.outcome.map,
  };
  slot('comparison', baseline === null ? '<p class="muted">No baseline pinned.</p>' : comparisonTable(now.settlements, baseline));
  slot('targets', now.targets || '<p class="muted">The scenario sets no targets.</p>');
  slot('districts', now.districts);
  slot('settlements', now.settlementTable);
  slot('fleets', now.fleets);
  slot('warnings', now.warnings);
  const panel = document.querySelector('.map-panel') as HTMLElement;
  if (player === null) player = mountMap(panel, now.map, baseline?.map ?? null, now.series.scenario);
  else player.update(now.map, baseline?.map ?? null);
  tipify(document.body);
}

/** Draws the charts again (after a change of width). */
export function drawOutcomeCharts(now: Outcome, before: Shown | null): void {
  drawCharts(document, now.series, before === null ? null : { series: before.outcome.series, label: before.label });
}

function fill(selector: string, html: string): void {
  (document.querySelector(selector) as HTMLElement).innerHTML = html;
}

function slot(section: string, html: string): void {
  fill(`#${section} .slot`, html);
}
