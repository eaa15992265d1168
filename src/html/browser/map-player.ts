// The map that plays: one slider picks the instant (with play/pause and a
// speed), and everything on the map is redrawn as it was then. Choices of road
// and settlement colouring, zoom (buttons here; wheel, pinch and drag in map-zoom.ts) and downloads of
// the map as SVG or PNG and of the settlements at that instant as CSV.

import { formatDuration } from '../../report/format.js';
import type { MapData } from '../map-data.js';
import { settlementStatesCsv } from '../map-csv.js';
import { mapLegend } from '../map-legend.js';
import { type MapView, type RoadColouring, type SettlementColouring, instantIndex } from '../map-view.js';
import { renderMap } from '../map.js';
import { shortClock } from '../time-axis.js';
import { fileStem, offer, pngBlob, svgFile } from './download.js';
import { attachZoom } from './map-zoom.js';
import { tipify } from './tooltip.js';

const ROAD_NAMES: Record<RoadColouring, string> = { now: 'vehicles on them now', queue: 'most vehicles at once (whole run)', delay: 'delay per vehicle (whole run)' };
const SETTLEMENT_NAMES: Record<SettlementColouring, string> = { state: 'state at the time shown', clearance: 'time to clear', change: 'change from the baseline' };
const SPEEDS: [string, number][] = [['slow', 2], ['normal', 6], ['fast', 24]];

export interface MapPlayer {
  /** Shows the instant at or before `t` seconds. */
  seek(t: number): void;
  /** Redraws with another run's data (the explorer after a re-run), keeping the view. */
  update(data: MapData, baseline: MapData | null): void;
}

/** Fills the `.map-panel` element `panel` with the playing map of `data`. */
export function mountMap(panel: HTMLElement, data: MapData, baseline: MapData | null, scenario: string): MapPlayer {
  const id = panel.dataset.map ?? 'map-svg';
  const figure = panel.querySelector('.map-figure') as HTMLElement;
  const controls = panel.querySelector('.map-controls') as HTMLElement;
  let current = data;
  let against = baseline;
  const view: MapView = { time: data.endTime, id };
  let playing = 0;

  controls.innerHTML = '';
  const row = (className: string) => {
    const div = document.createElement('div');
    div.className = className;
    controls.append(div);
    return div;
  };
  const time = row('map-time-row');
  const play = button(time, 'Play', 'play the evacuation on the map');
  play.classList.add('play');
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.className = 'map-instant';
  slider.min = '0';
  slider.step = '1';
  slider.setAttribute('aria-label', 'instant shown on the map');
  const label = document.createElement('output');
  label.className = 'map-instant-label';
  const speed = select(time, 'speed', SPEEDS.map(([name, n]) => [String(n), name]), '6');
  time.prepend(play);
  time.append(slider, label);
  const choices = row('map-choice-row');
  const roads = select(choices, 'Roads by', [], '');
  const settlements = select(choices, 'Places by', [], '');
  const zoom = row('map-zoom-row');
  const zoomIn = button(zoom, '+', 'zoom in');
  const zoomOut = button(zoom, '−', 'zoom out');
  const zoomReset = button(zoom, 'Whole map', 'show the whole map');
  const downloads = document.createElement('span');
  downloads.className = 'exports';
  zoom.append(downloads);
  const svgButton = button(downloads, 'SVG', 'download the map as SVG');
  const pngButton = button(downloads, 'PNG', 'download the map as PNG');
  const csvButton = button(downloads, 'CSV', 'download the settlements at the time shown as CSV');
  svgButton.dataset.export = 'svg';
  pngButton.dataset.export = 'png';
  csvButton.dataset.export = 'csv';

  const options = () => {
    const roadChoices: RoadColouring[] = current.traced ? ['now', 'queue', 'delay'] : ['queue', 'delay'];
    const placeChoices: SettlementColouring[] = against === null ? ['state', 'clearance'] : ['state', 'clearance', 'change'];
    fill(roads, roadChoices.map((c) => [c, ROAD_NAMES[c]]), view.roads ?? roadChoices[0]);
    fill(settlements, placeChoices.map((c) => [c, SETTLEMENT_NAMES[c]]), view.settlements ?? 'state');
    slider.max = String(current.times.length - 1);
  };
  const svg = () => figure.querySelector('svg') as SVGSVGElement;
  const draw = () => {
    const i = instantIndex(current.times, view.time ?? current.endTime);
    slider.value = String(i);
    const t = current.times[i] ?? 0;
    label.textContent = current.start === null ? formatDuration(t) : `${formatDuration(t)} · ${shortClock(current.start, t, false)}`;
    figure.innerHTML = renderMap(current, { ...view, baseline: against, width: Math.floor(figure.clientWidth) || 720 });
    const legend = panel.querySelector('.map-legend');
    if (legend !== null) legend.outerHTML = mapLegend(current, { ...view, baseline: against });
    tipify(figure);
  };
  const stop = () => {
    cancelAnimationFrame(playing);
    playing = 0;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
  };
  play.addEventListener('click', () => {
    if (playing !== 0) return stop();
    let i = Number(slider.value);
    if (i >= current.times.length - 1) i = 0;
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    let last = performance.now();
    let position = i;
    const tick = (now: number) => {
      position += ((now - last) / 1000) * Number(speed.value);
      last = now;
      const next = Math.min(current.times.length - 1, Math.floor(position));
      if (next !== Number(slider.value)) {
        view.time = current.times[next];
        draw();
      }
      if (next >= current.times.length - 1) return stop();
      playing = requestAnimationFrame(tick);
    };
    playing = requestAnimationFrame(tick);
  });
  slider.addEventListener('input', () => {
    view.time = current.times[Number(slider.value)];
    draw();
  });
  roads.addEventListener('change', () => {
    view.roads = roads.value as RoadColouring;
    draw();
  });
  settlements.addEventListener('change', () => {
    view.settlements = settlements.value as SettlementColouring;
    draw();
  });
  const zoomBy = attachZoom(figure, view, draw);
  zoomIn.addEventListener('click', () => zoomBy(1.6));
  zoomOut.addEventListener('click', () => zoomBy(1 / 1.6));
  zoomReset.addEventListener('click', () => {
    view.zoom = undefined;
    draw();
  });
  svgButton.addEventListener('click', () => offer(new Blob([svgFile(svg())], { type: 'image/svg+xml' }), `${fileStem(scenario, 'map')}.svg`));
  pngButton.addEventListener('click', () => void pngBlob(svg()).then((blob) => offer(blob, `${fileStem(scenario, 'map')}.png`)));
  csvButton.addEventListener('click', () => {
    offer(new Blob([settlementStatesCsv(current, Number(slider.value))], { type: 'text/csv' }), `${fileStem(scenario, 'map')}.csv`);
  });

  options();
  draw();
  let width = figure.clientWidth;
  new ResizeObserver(() => {
    if (figure.clientWidth === width) return;
    width = figure.clientWidth;
    draw();
  }).observe(figure);
  return {
    seek: (t) => {
      view.time = t;
      draw();
    },
    update: (data2, baseline2) => {
      const wasAtEnd = (view.time ?? 0) >= current.endTime;
      current = data2;
      against = baseline2;
      if (wasAtEnd) view.time = current.endTime;
      options();
      draw();
    },
  };
}

function button(parent: HTMLElement, label: string, name: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.setAttribute('aria-label', name);
  parent.append(b);
  return b;
}

function select(parent: HTMLElement, label: string, items: [string, string][], value: string): HTMLSelectElement {
  const wrap = document.createElement('label');
  wrap.append(`${label} `);
  const s = document.createElement('select');
  fill(s, items, value);
  wrap.append(s);
  parent.append(wrap);
  return s;
}

function fill(s: HTMLSelectElement, items: [string, string][], value: string): void {
  s.replaceChildren(...items.map(([v, name]) => {
    const o = document.createElement('option');
    o.value = v;
    o.textContent = name;
    return o;
  }));
  if (items.some(([v]) => v === value)) s.value = value;
}
