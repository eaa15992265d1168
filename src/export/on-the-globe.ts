// A planar scenario's x/y metres turned into lon/lat for GeoJSON around an
// origin: a point that lands beyond ±90° latitude or ±180° longitude (an origin
// near a pole or the 180th meridian) would make a file no GIS tool can place.
import { InputError } from '../errors.js';
import { unprojector } from '../network/geometry.js';
import { onTheGlobe } from '../scenario/distance.js';

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * `unprojector(origin)` that throws InputError for a point it would put off the
 * globe (or at no number), naming the point and where it landed.
 */
export function unprojectorOnTheGlobe(origin: readonly [number, number]): (p: readonly [number, number]) => [number, number] {
  const unproject = unprojector(origin);
  return (p) => {
    const [lon, lat] = unproject(p);
    if (!onTheGlobe(lon, lat)) {
      throw new InputError(
        `x = ${p[0]} m, y = ${p[1]} m lands at longitude ${round(lon)}, latitude ${round(lat)}, off the globe (beyond ±180° or ±90°); ` +
          'choose an origin farther from the poles and the 180th meridian',
      );
    }
    return [lon, lat];
  };
}
