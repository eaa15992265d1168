// Nearest-point look-up for snapping settlements to road nodes: a kdbush index
// searched with geokdbush on [lon, lat] points, a plain scan on planar ones.
import KDBush from 'kdbush';
import { around } from 'geokdbush';

/**
 * Returns a function giving the index of the point of `points` nearest to a
 * query point, or −1 when `points` is empty. `geographic` points are [lon, lat]
 * (great-circle distance); planar ones [x, y] metres.
 */
export function nearestFinder(points: readonly (readonly [number, number])[], geographic: boolean): (p: readonly [number, number]) => number {
  if (points.length === 0) return () => -1;
  if (!geographic) {
    return (p) => {
      let best = 0;
      let bestD = Infinity;
      for (let i = 0; i < points.length; i++) {
        const d = (points[i][0] - p[0]) ** 2 + (points[i][1] - p[1]) ** 2;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      return best;
    };
  }
  const index = new KDBush(points.length);
  for (const [lon, lat] of points) index.add(lon, lat);
  index.finish();
  return (p) => around(index, p[0], p[1], 1)[0];
}
