// Zooming and panning the map by hand: Ctrl + wheel, a drag once zoomed in,
// and a two-finger pinch. The zoom lives in the map's view, and every change
// redraws the map, so labels are placed again and text keeps its size.

import type { MapView } from '../map-view.js';

/** Wires `figure` (holding the map's SVG) to zoom `view`, calling `draw` after each change; returns "zoom by a factor". */
export function attachZoom(figure: HTMLElement, view: MapView, draw: () => void): (factor: number) => void {
  const svg = () => figure.querySelector('svg') as SVGSVGElement;
  const zoomBy = (factor: number) => {
    const z = view.zoom ?? { x: figure.clientWidth / 2, y: Number(svg().getAttribute('height')) / 2, k: 1 };
    const k = Math.min(16, Math.max(1, z.k * factor));
    view.zoom = k === 1 ? undefined : { ...z, k };
    draw();
  };
  // Ctrl + wheel (a touchpad pinch sends the same): a plain wheel still scrolls the page.
  figure.addEventListener('wheel', (event) => {
    if (!event.ctrlKey) return;
    event.preventDefault();
    zoomBy(event.deltaY < 0 ? 1.25 : 0.8);
  }, { passive: false });
  // One pointer drags the zoomed map; two pinch it.
  const pointers = new Map<number, { x: number; y: number }>();
  const spread = () => {
    const [a, b] = [...pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  };
  let pinch = 0;
  figure.addEventListener('pointerdown', (event) => {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) pinch = spread();
  });
  figure.addEventListener('pointermove', (event) => {
    const last = pointers.get(event.pointerId);
    if (last === undefined) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) {
      const now = spread();
      if (pinch > 0 && Math.abs(now / pinch - 1) > 0.05) {
        zoomBy(now / pinch);
        pinch = now;
      }
      return;
    }
    if (view.zoom === undefined) return;
    const scale = Number(svg().getAttribute('width')) / svg().getBoundingClientRect().width;
    const { k } = view.zoom;
    view.zoom = { k, x: view.zoom.x - ((event.clientX - last.x) * scale) / k, y: view.zoom.y - ((event.clientY - last.y) * scale) / k };
    draw();
  });
  for (const end of ['pointerup', 'pointercancel', 'pointerleave'] as const) {
    figure.addEventListener(end, (event) => {
      pointers.delete(event.pointerId);
      pinch = 0;
    });
  }
  return zoomBy;
}
