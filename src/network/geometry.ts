// Distances on the ground: great-circle between lat/lon points, euclidean between
// planar x/y points in metres, and point-to-polyline distance for "within 10 km
// of the border" orders and advancing fronts.

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres between two [lon, lat] points. */
export function haversineM(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** A point in a plane, metres. */
export type Planar = [number, number];

/**
 * Projects [lon, lat] points to local metres around `origin` (equirectangular):
 * accurate to well under 1 % over the ~100 km a scenario spans.
 */
export function projector(origin: readonly [number, number]): (p: readonly [number, number]) => Planar {
  const kx = Math.cos(origin[1] * RAD) * RAD * EARTH_RADIUS_M;
  const ky = RAD * EARTH_RADIUS_M;
  return (p) => [lonDelta(p[0] - origin[0]) * kx, (p[1] - origin[1]) * ky];
}

/**
 * A difference of longitudes taken the short way round, within ±180° (returned
 * as is when it already is): 179.95° and −179.95° are 0.1° apart, not 359.9°.
 */
export function lonDelta(degrees: number): number {
  return degrees > 180 ? degrees - 360 : degrees < -180 ? degrees + 360 : degrees;
}

/** The inverse of `projector(origin)`: local metres around `origin` back to [lon, lat]. */
export function unprojector(origin: readonly [number, number]): (p: readonly [number, number]) => [number, number] {
  const kx = Math.cos(origin[1] * RAD) * RAD * EARTH_RADIUS_M;
  const ky = RAD * EARTH_RADIUS_M;
  return (p) => [origin[0] + p[0] / kx, origin[1] + p[1] / ky];
}

/** Distance from point `p` to segment `a`–`b`, all planar metres. */
export function segmentDistance(p: Planar, a: Planar, b: Planar): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance from point `p` to a polyline, planar metres; Infinity for an empty line. */
export function polylineDistance(p: Planar, line: readonly Planar[]): number {
  if (line.length === 1) return Math.hypot(p[0] - line[0][0], p[1] - line[0][1]);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistance(p, line[i - 1], line[i]));
  return best;
}

/**
 * Which side of a polyline `p` lies on, relative to `towards`: true when each lies on
 * the same side (left or right, walking the line from its first point) of the segment
 * nearest to it. Read against the segment nearest to `p` alone, a bent line put a
 * `towards` beyond that segment's extension on the wrong side: south of an L's first
 * leg, `towards` made the nodes east of its second leg the other side.
 */
export function sameSide(p: Planar, towards: Planar, line: readonly Planar[]): boolean {
  if (line.length < 2) return true;
  return sideOf(p, line) * sideOf(towards, line) >= 0;
}

/** The sign of `q`'s cross product with the segment of `line` nearest to it: > 0 left, < 0 right, 0 on its line. */
export function sideOf(q: Planar, line: readonly Planar[]): number {
  let best = Infinity;
  let seg = 1;
  for (let i = 1; i < line.length; i++) {
    const d = segmentDistance(q, line[i - 1], line[i]);
    if (d < best) {
      best = d;
      seg = i;
    }
  }
  const a = line[seg - 1];
  const b = line[seg];
  return Math.sign((b[0] - a[0]) * (q[1] - a[1]) - (b[1] - a[1]) * (q[0] - a[0]));
}
