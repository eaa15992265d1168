// The key figures at the top of the report and the explorer: people by state,
// clearance and targets, as small cards a reader takes in at a glance.

import { formatCount, formatDuration, formatShare } from '../report/format.js';
import type { Summary } from '../report/summary.js';
import { el, text } from './svg.js';

export interface Figure {
  /** Stable key, written as `data-figure`, so pages and tests can find a card. */
  key: string;
  label: string;
  /** The number behind the card, written as `data-value` (null when not reached). */
  value: number | null;
  shown: string;
  sub: string;
}

/** The figures of a run. */
export function keyFigures(summary: Summary): Figure[] {
  const p = summary.people;
  const c = summary.clearance;
  const clear = (key: 'p50' | 'p90' | 'p100', share: string): Figure => ({
    key: `clearance-${key}`,
    label: `${share} clear`,
    value: c[key],
    shown: c[key] === null ? 'not reached' : formatDuration(c[key] as number),
    sub: `of compliant people evacuated`,
  });
  const met = summary.targets.filter((t) => t.ok).length;
  return [
    { key: 'told', label: 'told to leave', value: p.told, shown: formatCount(p.told), sub: `${formatCount(p.complied)} complied` },
    { key: 'evacuated', label: 'evacuated', value: p.evacuated, shown: formatCount(p.evacuated), sub: `${formatShare(p.evacuated, p.told)} of told` },
    { key: 'stayed', label: 'stayed', value: p.stayed, shown: formatCount(p.stayed), sub: `${formatShare(p.stayed, p.told)} of told` },
    { key: 'on-the-way', label: 'not yet out', value: p.waiting + p.inTransit, shown: formatCount(p.waiting + p.inTransit), sub: `${formatCount(p.waiting)} waiting, ${formatCount(p.inTransit)} on the road` },
    { key: 'trapped', label: 'trapped', value: p.trapped, shown: formatCount(p.trapped), sub: `${formatShare(p.trapped, p.told)} of told` },
    clear('p50', 'half'),
    clear('p90', '90 %'),
    clear('p100', 'all'),
    {
      key: 'peak', label: 'peak arrivals', value: summary.throughput.peakPeoplePerHour,
      shown: formatCount(summary.throughput.peakPeoplePerHour), sub: 'people per hour',
    },
    ...(summary.targets.length === 0 ? [] : [{
      key: 'targets', label: 'targets met', value: met, shown: `${met} of ${summary.targets.length}`,
      sub: met === summary.targets.length ? 'all met' : `${summary.targets.length - met} missed`,
    }]),
  ];
}

/** The figures as HTML cards; `before` adds the change from a previous run under each value. */
export function figureCards(figures: readonly Figure[], before: readonly Figure[] | null = null): string {
  return el('div', { class: 'figures' }, ...figures.map((f) => {
    const previous = before?.find((b) => b.key === f.key) ?? null;
    return el('div', { class: 'figure', 'data-figure': f.key, 'data-value': f.value === null ? 'null' : String(f.value) },
      el('span', { class: 'label' }, text(f.label)),
      el('span', { class: 'value' }, text(f.shown)),
      el('span', { class: 'sub' }, text(f.sub)),
      previous === null ? '' : el('span', { class: 'sub change' }, text(change(f, previous))));
  }));
}

function change(now: Figure, before: Figure): string {
  if (now.value === before.value) return 'before: same';
  if (now.value === null || before.value === null) return `before: ${before.shown}`;
  const delta = now.value - before.value;
  const shown = now.key.startsWith('clearance-') ? formatDuration(Math.abs(delta)) : formatCount(Math.abs(delta));
  return `before: ${before.shown} (${delta > 0 ? '+' : '−'}${shown})`;
}
