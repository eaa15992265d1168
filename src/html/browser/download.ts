// Figures as files: a chart or the map as SVG (with its fonts and colours
// written in, so it opens alone), as PNG (the SVG drawn on a canvas at twice
// its size), and its numbers as CSV.

import { csvTable } from '../../report/csv.js';
import type { TimeChart } from '../time-chart.js';

/** Offers `blob` as a download called `name`. */
export function offer(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 2000);
}

const SVG_STYLE = 'text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#222}' +
  '.muted{fill:#6b6b6b}.axis-title,.legend-heading,.map-time{font-weight:600}' +
  '.labels text{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}.on-mark{fill:#fff;font-size:11px}';

/** The SVG as a standalone file's text. */
export function svgFile(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.querySelectorAll('.readout-rule').forEach((node) => { node.remove(); });
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = SVG_STYLE;
  copy.insertBefore(style, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** The SVG drawn as a PNG at `scale` times its size, on white. */
export function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 960 400').split(/\s+/).map(Number);
  const url = URL.createObjectURL(new Blob([svgFile(svg)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(h * scale);
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob === null ? reject(new Error('the PNG could not be made')) : resolve(blob)), 'image/png');
    };
    image.onerror = () => reject(new Error('the SVG could not be drawn'));
    image.src = url;
  });
}

/** The chart's curves as CSV: one row per instant any curve has, seconds from the start, then each curve's value. */
export function chartCsv(spec: TimeChart): string {
  const times = [...new Set(spec.series.flatMap((s) => s.times))].sort((a, b) => a - b);
  // Each curve's last value at or before each instant: the samples as recorded, not read between them.
  const rows = times.map((t) => [t, ...spec.series.map((s) => curveAt(s.times, s.values, t, true))]);
  return csvTable(['seconds', ...spec.series.map((s) => s.label)], rows);
}

/**
 * The value a curve shows at `t`, as the chart draws it: a step curve's last value at or before `t`,
 * a line's value between its points around `t` (its last value after them; null before its first time).
 */
export function curveAt(times: readonly number[], values: readonly number[], t: number, step = false): number | null {
  let i = -1;
  while (i + 1 < times.length && times[i + 1] <= t) i++;
  if (i < 0) return null;
  if (step || i === times.length - 1 || times[i] === t) return values[i];
  return values[i] + ((t - times[i]) / (times[i + 1] - times[i])) * (values[i + 1] - values[i]);
}

/** "kursk-2024-evacuated" from a scenario name and a figure key. */
export function fileStem(scenario: string, key: string): string {
  return `${scenario}-${key}`.toLowerCase().replace(/[^\w.-]+/g, '-');
}
