// Moving the map to another instant: the front's reach, captured settlements and
// active closures are redrawn from data attributes. Both functions are
// self-contained (no outer names) because the report inlines their source as its
// only script; the explorer imports them.

/** "3d 4h 10m · 9 Aug 07:10" for `t` seconds; the date only when `startMs` is a number. */
export function mapTimeLabel(t: number, startMs: number | null, offsetMinutes: number): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const minutes = Math.round(t / 60);
  const rest = minutes % 60 === 0 ? '' : ` ${minutes % 60}m`;
  let out = `${Math.floor(minutes / 1440)}d ${Math.floor((minutes % 1440) / 60)}h${rest}`;
  if (startMs !== null) {
    const local = new Date(startMs + minutes * 60000 + offsetMinutes * 60000);
    out += ` · ${local.getUTCDate()} ${months[local.getUTCMonth()]} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  }
  return out;
}

/** Redraws the time-dependent marks of the map `svg` at instant `t`, labelling it with `label(t)`. */
export function applyMapTime(svg: Element, t: number, label: (t: number) => string): void {
  const read = (node: Element, name: string) => Number(node.getAttribute(name));
  svg.querySelectorAll('[data-front-from]').forEach((zone) => {
    const reach = Math.min(read(zone, 'data-front-max'), Math.max(0, (t - read(zone, 'data-front-from')) * read(zone, 'data-front-speed')));
    zone.setAttribute('stroke-width', String(2 * reach));
  });
  svg.querySelectorAll('[data-captured-at]').forEach((mark) => {
    mark.setAttribute('display', read(mark, 'data-captured-at') <= t ? 'inline' : 'none');
  });
  svg.querySelectorAll('[data-active-from]').forEach((road) => {
    const until = road.hasAttribute('data-active-until') ? read(road, 'data-active-until') : Infinity;
    road.setAttribute('opacity', t >= read(road, 'data-active-from') && t < until ? '1' : '0.3');
  });
  svg.querySelectorAll('[data-time-label]').forEach((node) => {
    node.textContent = label(t);
  });
}
