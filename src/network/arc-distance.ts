// Distance on the sphere from a [lon, lat] point to a line of great-circle arcs, for
// fronts, "within 10 km of the border" orders and ETE rings on lat/lon maps. Measured
// in the scenario's flat projection instead, distances east–west were off by the ratio
// of cosines of the point's latitude and the map's centre: −7 % to +18 % over a map
// from 51° to 60° N, 0.7 % at most within Kursk's 60 km of the border.
import { haversineM } from './geometry.js';

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

type Vector = [number, number, number];

function unit(p: readonly [number, number]): Vector {
  const lat = p[1] * RAD;
  const lon = p[0] * RAD;
  return [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
}

function cross(a: Vector, b: Vector): Vector {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function dot(a: Vector, b: Vector): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/**
 * Metres from `p` to the shorter great-circle arc from `a` to `b` (all [lon, lat]): the
 * cross-track distance where the foot of the perpendicular falls on the arc, else the
 * nearer end. The ends are measured too, so a point on an end is exactly 0 away.
 */
export function arcDistanceM(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]): number {
  const ends = Math.min(haversineM(p, a), haversineM(p, b));
  const P = unit(p);
  const A = unit(a);
  const B = unit(b);
  const normal = cross(A, B);
  const length = Math.hypot(normal[0], normal[1], normal[2]);
  if (length < 1e-15) return ends; // a and b the same point (or opposite)
  const n: Vector = [normal[0] / length, normal[1] / length, normal[2] / length];
  const off = dot(P, n);
  // The foot of the perpendicular lies on the arc when it is past a and short of b, turning with n.
  const foot: Vector = [P[0] - off * n[0], P[1] - off * n[1], P[2] - off * n[2]];
  if (dot(cross(A, foot), n) < 0 || dot(cross(foot, B), n) < 0) return ends;
  return Math.min(ends, Math.asin(Math.min(1, Math.abs(off))) * EARTH_RADIUS_M);
}

/** Metres from `p` to a line of arcs (all [lon, lat]); to its one point when it has one; Infinity when empty. */
export function arcPolylineDistanceM(p: readonly [number, number], line: readonly (readonly [number, number])[]): number {
  if (line.length === 1) return haversineM(p, line[0]);
  let best = Infinity;
  for (let i = 1; i < line.length; i++) best = Math.min(best, arcDistanceM(p, line[i - 1], line[i]));
  return best;
}
