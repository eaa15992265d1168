// The charts on the page: each `[data-chart]` slot drawn at its own width (and
// redrawn when that changes), with a value read-out that follows the pointer,
// a tap or the arrow keys, and buttons that download it as SVG, PNG or CSV.

import { formatCount, formatDuration } from '../../report/format.js';
import { type ChartKey, type Comparison, chartSpecs } from '../charts.js';
import type { ReportSeries } from '../series.js';
import { type TimeChart, timeChart } from '../time-chart.js';
import { shortClock } from '../time-axis.js';
import { chartCsv, curveAt, fileStem, offer, pngBlob, svgFile } from './download.js';
import { tipify } from './tooltip.js';

/** Draws every chart slot under `root` for `series`, compared with `before` when given. */
export function drawCharts(root: ParentNode, series: ReportSeries, before: Comparison | null): void {
  const specs = chartSpecs(series, before);
  root.querySelectorAll<HTMLElement>('[data-chart]').forEach((slot) => {
    const spec = specs[slot.dataset.chart as ChartKey];
    if (spec === undefined) {
      slot.replaceChildren();
      return;
    }
    drawChart(slot, spec, series);
  });
}

function drawChart(slot: HTMLElement, spec: TimeChart, series: ReportSeries): void {
  const width = Math.floor(slot.clientWidth) || 960;
  slot.innerHTML = timeChart({ ...spec, width });
  const svg = slot.querySelector('svg') as SVGSVGElement;
  tipify(slot);
  const readout = document.createElement('p');
  readout.className = 'readout';
  readout.setAttribute('aria-live', 'polite');
  readout.textContent = 'Point at, tap or focus the chart (then use ← →) to read its values.';
  slot.append(readout, exportButtons(slot.dataset.chart ?? 'chart', series.scenario, svg, spec));
  attachReadout(svg, spec, series.start, readout);
}

function exportButtons(key: string, scenario: string, svg: SVGSVGElement, spec: TimeChart): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'exports';
  const stem = fileStem(scenario, key);
  const button = (label: string, run: () => void | Promise<void>) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.export = label.toLowerCase();
    b.setAttribute('aria-label', `Download the chart "${spec.title}" as ${label}`);
    b.addEventListener('click', () => void run());
    bar.append(b);
  };
  button('SVG', () => offer(new Blob([svgFile(svg)], { type: 'image/svg+xml' }), `${stem}.svg`));
  button('PNG', async () => offer(await pngBlob(svg), `${stem}.png`));
  button('CSV', () => offer(new Blob([chartCsv(spec)], { type: 'text/csv' }), `${stem}.csv`));
  return bar;
}

function attachReadout(svg: SVGSVGElement, spec: TimeChart, start: string | null, out: HTMLElement): void {
  const [left, top, plotWidth, plotHeight] = (svg.dataset.plot ?? '0 0 1 1').split(' ').map(Number);
  const end = Math.max(1, spec.endTime);
  const rule = document.createElementNS('http://www.w3.org/2000/svg', 'line');
  rule.setAttribute('class', 'readout-rule');
  rule.setAttribute('y1', String(top));
  rule.setAttribute('y2', String(top + plotHeight));
  rule.setAttribute('stroke', '#444');
  rule.setAttribute('visibility', 'hidden');
  svg.append(rule);
  let current = end;
  const show = (t: number) => {
    current = Math.min(end, Math.max(0, t));
    const x = left + (current / end) * plotWidth;
    rule.setAttribute('x1', String(x));
    rule.setAttribute('x2', String(x));
    rule.setAttribute('visibility', 'visible');
    const values = spec.series.map((s) => {
      const v = curveAt(s.times, s.values, current, s.step);
      const shown = v === null ? '—' : spec.percent ? `${Math.round(v * 100)} %` : formatCount(Math.round(v));
      return `${s.label}: ${shown}`;
    });
    const when = start === null ? formatDuration(current) : `${formatDuration(current)} (${shortClock(start, current)})`;
    out.textContent = `At ${when}: ${values.join(' · ')}`;
  };
  const fromPointer = (event: PointerEvent) => {
    const box = svg.getBoundingClientRect();
    const scale = Number(svg.getAttribute('width')) / box.width;
    show((((event.clientX - box.left) * scale - left) / plotWidth) * end);
  };
  svg.setAttribute('tabindex', '0');
  svg.addEventListener('pointermove', fromPointer);
  svg.addEventListener('pointerdown', fromPointer);
  svg.addEventListener('focus', () => show(current));
  svg.addEventListener('keydown', (event) => {
    const step = end / 100;
    if (event.key === 'ArrowRight') show(current + step);
    else if (event.key === 'ArrowLeft') show(current - step);
    else if (event.key === 'Home') show(0);
    else if (event.key === 'End') show(end);
    else return;
    event.preventDefault();
  });
}

/** Calls `redraw` when `element` changes width (after the change settles). */
export function onWidthChange(element: HTMLElement, redraw: () => void): void {
  let width = element.clientWidth;
  let timer: ReturnType<typeof setTimeout> | undefined;
  new ResizeObserver(() => {
    if (element.clientWidth === width) return;
    width = element.clientWidth;
    clearTimeout(timer);
    timer = setTimeout(redraw, 100);
  }).observe(element);
}
