// A chart of values over the run's time: curves, shaded areas, point marks with
// ranges (targets), vertical rules (clearance instants) and horizontal levels
// (capacity, people who complied). Returns an SVG string; no DOM needed.

import { scaleLinear } from 'd3-scale';
import { area, curveLinear, curveStepAfter, line } from 'd3-shape';
import { formatCount } from '../report/format.js';
import { maxOf } from '../report/extremes.js';
import { type LegendItem, legend, legendHeight } from './legend.js';
import { MARK } from './palette.js';
import { el, text } from './svg.js';
import { timeAxis } from './time-axis.js';

export interface TimeSeries {
  label: string;
  color: string;
  /** Seconds from the start, ascending; `values` has one entry per time. */
  times: readonly number[];
  values: readonly number[];
  dashed?: boolean;
  /** Each value holds until the next time (per-bin rates); otherwise points are joined by lines. */
  step?: boolean;
  /** Shade the area below the curve. */
  fill?: boolean;
  /** A dash pattern of its own (telling apart lines that overlap). */
  pattern?: string | null;
}

/** A point with an optional range bar, e.g. a target and its tolerance. */
export interface PointMark {
  t: number;
  value: number;
  color: string;
  /** Filled when met, hollow when missed. */
  filled: boolean;
  low: number | null;
  high: number | null;
  /** Tooltip. */
  title: string;
}

/** A vertical rule at an instant, labelled at the top. */
export interface TimeRule {
  t: number;
  label: string;
  title: string;
}

/** A horizontal rule at a value, labelled at the right. */
export interface LevelRule {
  value: number;
  label: string;
  color: string;
}

export interface TimeChart {
  /** Accessible name of the chart. */
  title: string;
  /** Y axis title, with its unit. */
  yTitle: string;
  endTime: number;
  start: string | null;
  series: readonly TimeSeries[];
  points?: readonly PointMark[];
  rules?: readonly TimeRule[];
  levels?: readonly LevelRule[];
  /** Extra legend entries (for point marks). */
  legend?: readonly LegendItem[];
  /** Values are shares: the axis reads 0–100 %. */
  percent?: boolean;
  /** Plot height in pixels (without legend and axes). */
  height?: number;
  /** Said inside the plot when there is nothing to draw. */
  empty?: string;
  /** Width in pixels the chart is drawn at (its text stays 12 px); default 960. */
  width?: number;
  /** What t = 0 is, in the axis title ("start" when absent). */
  since?: string;
}

export const CHART_WIDTH = 960;

/**
 * Pixels a character of a y tick label takes at 12 px, at most (a digit; a comma takes less). The
 * label ends 8 px left of the plot; the y axis title, centred 12 px from the chart's left edge, reaches
 * about 21 px in: the left margin is at least 31 px more than the widest label.
 */
const TICK_CHAR = 7;
/** Pixels between two rows of rule labels. */
const RULE_ROW = 12;

/**
 * The row of each rule's label (0 the lowest, just above the plot): the lowest row where it
 * keeps 3 px from every label already there, labels placed from left to right, so labels of
 * instants close together (shelters filling within hours of each other on a 17-day axis) stack
 * instead of printing over each other.
 */
export function ruleRows(xs: readonly number[], widths: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b] || a - b);
  const rightEdge: number[] = [];
  const row = new Array<number>(xs.length).fill(0);
  for (const i of order) {
    const left = xs[i] - widths[i] / 2;
    let r = 0;
    while (r < rightEdge.length && left < rightEdge[r] + 3) r++;
    rightEdge[r] = xs[i] + widths[i] / 2;
    row[i] = r;
  }
  return row;
}

/** Margins around the plot; narrower on a phone, where every pixel of plot counts. */
export function chartMargin(width: number): { left: number; right: number; top: number; bottom: number } {
  return width < 600 ? { left: 62, right: 12, top: 10, bottom: 58 } : { left: 82, right: 24, top: 10, bottom: 58 };
}

/** The chart as a standalone `<svg>` element, drawn at `chart.width` pixels. */
export function timeChart(chart: TimeChart): string {
  const width = Math.max(280, Math.round(chart.width ?? CHART_WIDTH));
  const plotHeight = Math.round((chart.height ?? 240) * (width < 600 ? 0.8 : 1));
  const y = scaleLinear().domain([0, yMax(chart)]).range([plotHeight, 0]).nice(5);
  const yTicks = y.ticks(5).filter((v) => chart.percent || Number.isInteger(v));
  const yLabel = (v: number) => (chart.percent ? `${Math.round(v * 100)}%` : formatCount(v));
  // Room on the left for the widest tick label and, beside it, the axis title.
  const labelWidth = maxOf([0, ...yTicks.map((v) => yLabel(v).length)]) * TICK_CHAR;
  const base = chartMargin(width);
  const MARGIN = { ...base, left: Math.max(base.left, Math.ceil(labelWidth + 31)) };
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const items = [...chart.series.map(seriesLegend), ...(chart.legend ?? [])];
  const x = scaleLinear().domain([0, Math.max(chart.endTime, 1)]).range([0, plotWidth]);
  const rules = chart.rules ?? [];
  const ruleRow = ruleRows(rules.map((r) => x(r.t)), rules.map((r) => r.label.length * TICK_CHAR));
  const rows = rules.length === 0 ? 0 : maxOf(ruleRow) + 1;
  const top = MARGIN.top + legendHeight(items, plotWidth) + (items.length > 0 ? 8 : 0) + (rows > 0 ? 14 + RULE_ROW * (rows - 1) : 0);
  const height = top + plotHeight + MARGIN.bottom;
  const axis = timeAxis(chart.endTime, chart.start, Math.max(3, Math.floor(plotWidth / 56)), chart.since);

  const grid = el(
    'g',
    { class: 'grid' },
    ...yTicks.map((v) =>
      el('g', { transform: `translate(0,${y(v)})` },
        el('line', { x1: 0, x2: plotWidth, stroke: MARK.grid }),
        el('text', { x: -8, dy: '0.32em', 'text-anchor': 'end' }, text(yLabel(v)))),
    ),
  );
  const xAxis = el(
    'g',
    { class: 'axis', transform: `translate(0,${plotHeight})` },
    el('line', { x1: 0, x2: plotWidth, stroke: MARK.ink }),
    ...axis.ticks.filter((tick) => tick.t <= chart.endTime + 1e-9 || chart.endTime === 0).map((tick) =>
      el('g', { transform: `translate(${x(tick.t)},0)` },
        el('line', { y2: 5, stroke: MARK.ink }),
        el('text', { y: 18, 'text-anchor': 'middle' }, text(tick.label)),
        tick.date === null ? '' : el('text', { y: 31, 'text-anchor': 'middle', class: 'muted' }, text(tick.date))),
    ),
    el('text', { x: plotWidth / 2, y: 50, 'text-anchor': 'middle', class: 'axis-title' }, text(axis.title)),
  );
  const yTitle = el(
    'text',
    { transform: `translate(${-MARGIN.left + 12},${plotHeight / 2}) rotate(-90)`, 'text-anchor': 'middle', class: 'axis-title' },
    text(chart.yTitle),
  );

  const body: string[] = [grid, xAxis, yTitle];
  for (const s of chart.series) body.push(seriesPath(s, x, y));
  for (const level of chart.levels ?? []) {
    body.push(el('g', { class: 'level', transform: `translate(0,${y(level.value)})` },
      el('line', { x1: 0, x2: plotWidth, stroke: level.color, 'stroke-dasharray': '2 3' }),
      el('text', { x: plotWidth - 4, y: -4, 'text-anchor': 'end', fill: level.color }, text(level.label))));
  }
  rules.forEach((rule, i) => {
    const lift = RULE_ROW * ruleRow[i];
    body.push(el('g', { class: 'rule', transform: `translate(${x(rule.t)},0)` },
      el('title', {}, text(rule.title)),
      el('line', { y1: -6 - lift, y2: plotHeight, stroke: MARK.muted, 'stroke-dasharray': '4 3' }),
      el('text', { y: -10 - lift, 'text-anchor': 'middle' }, text(rule.label))));
  });
  for (const p of chart.points ?? []) body.push(pointMark(p, x, y));
  if (chart.series.every((s) => s.values.every((v) => v === 0)) && chart.empty) {
    body.push(el('text', { x: plotWidth / 2, y: plotHeight / 2, 'text-anchor': 'middle', class: 'muted' }, text(chart.empty)));
  }

  return el(
    'svg',
    {
      class: 'chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': chart.title,
      // Where the plot sits, for the page's value read-out.
      'data-plot': `${MARGIN.left} ${top} ${plotWidth} ${plotHeight}`, 'data-end-time': chart.endTime,
    },
    el('title', {}, text(chart.title)),
    legend(items, MARGIN.left, MARGIN.top, plotWidth),
    el('g', { transform: `translate(${MARGIN.left},${top})` }, ...body),
  );
}

function yMax(chart: TimeChart): number {
  let max = 1;
  for (const s of chart.series) for (const v of s.values) if (v > max) max = v;
  for (const p of chart.points ?? []) max = Math.max(max, p.high ?? p.value, p.value);
  for (const level of chart.levels ?? []) max = Math.max(max, level.value);
  return chart.percent ? max : max * 1.04;
}

function seriesLegend(s: TimeSeries): LegendItem {
  return { label: s.label, color: s.color, shape: s.fill && !s.dashed ? 'box' : s.dashed ? 'dashed' : 'line', pattern: s.pattern ?? null };
}

type Scale = (v: number) => number;

function seriesPath(s: TimeSeries, x: Scale, y: Scale): string {
  const points = s.times.map((t, i): [number, number] => [x(t), y(s.values[i])]);
  const curve = s.step ? curveStepAfter : curveLinear;
  const stroke = line().curve(curve)(points) ?? '';
  const shade = s.fill ? area().curve(curve).y0(y(0))(points) ?? '' : '';
  return el('g', { class: 'series' },
    shade === '' ? '' : el('path', { d: shade, fill: s.color, 'fill-opacity': 0.18, stroke: 'none' }),
    el('path', {
      d: stroke, fill: 'none', stroke: s.color, 'stroke-width': s.dashed ? 2 : 2.25,
      'stroke-dasharray': s.dashed ? '6 4' : s.pattern ?? null, 'stroke-linejoin': 'round',
    }));
}

function pointMark(p: PointMark, x: Scale, y: Scale): string {
  const cx = x(p.t);
  const bar = p.low === null || p.high === null
    ? ''
    : el('g', { stroke: p.color, 'stroke-width': 1.5 },
        el('line', { x1: cx, x2: cx, y1: y(p.low), y2: y(p.high) }),
        el('line', { x1: cx - 5, x2: cx + 5, y1: y(p.low), y2: y(p.low) }),
        el('line', { x1: cx - 5, x2: cx + 5, y1: y(p.high), y2: y(p.high) }));
  return el('g', { class: 'mark' },
    el('title', {}, text(p.title)),
    bar,
    el('circle', {
      cx, cy: y(p.value), r: 5.5, fill: p.filled ? p.color : 'white', stroke: p.filled ? MARK.ink : p.color,
      'stroke-width': p.filled ? 1 : 2.5,
    }));
}
