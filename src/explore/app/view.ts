// Draws an outcome into the explorer page: key figures with the change from the
// previous run, the charts with that run dashed, the map at the slider's
// instant, and the tables.

import { evacuatedChart, flowChart, occupancyChart, vehiclesChart, waitingChart } from '../../html/charts.js';
import { figureCards } from '../../html/figures.js';
import { applyMapTime, mapTimeLabel } from '../../html/map-time.js';
import { renderMap } from '../../html/map.js';
import type { Outcome } from '../evaluate.js';

const MAP_ID = 'map-svg';

/** Replaces the page's results with `now`, comparing with `before` when there is one. */
export function showOutcome(now: Outcome, before: Outcome | null): void {
  const s = now.series;
  const b = before?.series ?? null;
  fill('#figures', figureCards(now.figures, before?.figures ?? null));
  slot('over-time', evacuatedChart(s, b));
  slot('flow', flowChart(s, b));
  slot('vehicles', vehiclesChart(s, b));
  slot('waiting', waitingChart(s, b));
  slot('occupancy', occupancyChart(s));
  slot('targets', now.targets || '<p class="muted">The scenario sets no targets.</p>');
  slot('districts', now.districts);

  const slider = document.querySelector('#map-time') as HTMLInputElement;
  const wasAtEnd = Number(slider.value) >= Number(slider.max);
  slider.max = String(s.endTime);
  slider.step = String(s.binSeconds);
  if (wasAtEnd || Number(slider.value) > s.endTime) slider.value = String(s.endTime);
  fill('.map-figure', renderMap(now.map, { id: MAP_ID, time: Number(slider.value) }));
  showMapTime(now);
  slider.oninput = () => showMapTime(now);
}

function showMapTime(now: Outcome): void {
  const svg = document.getElementById(MAP_ID);
  const slider = document.querySelector('#map-time') as HTMLInputElement;
  const node = svg?.querySelector('[data-time-label]');
  if (!svg || !node) return;
  const startMs = node.hasAttribute('data-start-ms') ? Number(node.getAttribute('data-start-ms')) : null;
  const offset = Number(node.getAttribute('data-offset-minutes'));
  applyMapTime(svg, Math.min(Number(slider.value), now.series.endTime), (t) => `hazards at ${mapTimeLabel(t, startMs, offset)}`);
}

function fill(selector: string, html: string): void {
  (document.querySelector(selector) as HTMLElement).innerHTML = html;
}

function slot(section: string, html: string): void {
  fill(`#${section} .slot`, html);
}
