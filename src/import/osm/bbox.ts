// The area an import keeps: a [minLon, minLat, maxLon, maxLat] box, as given on
// the command line (`--bbox 34.9,51.0,35.6,51.5`).
import { InputError } from '../../errors.js';

/** [minLon, minLat, maxLon, maxLat], degrees, edges included. */
export type Bbox = [number, number, number, number];

/** True when [lon, lat] is on the globe: latitude within ±90°, longitude within ±180°. */
export function onTheGlobe(lon: number, lat: number): boolean {
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

/** True when [lon, lat] lies inside `bbox` (or there is none). */
export function insideBbox(bbox: Bbox | undefined, lon: number, lat: number): boolean {
  return bbox === undefined || (lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]);
}

/** Checks a [minLon, minLat, maxLon, maxLat] box; throws a InputError naming what is wrong, and the box as `name`. */
export function checkBbox(bbox: readonly number[], name = 'bbox'): asserts bbox is Bbox {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  if (bbox.length !== 4 || !bbox.every(Number.isFinite)) {
    throw new InputError(`${name} must be four numbers minLon,minLat,maxLon,maxLat, got ${bbox.join(',')}`);
  }
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90 || minLon >= maxLon || minLat >= maxLat) {
    throw new InputError(`${name} ${bbox.join(',')} is not minLon,minLat,maxLon,maxLat within ±180, ±90 with min < max`);
  }
}

/** Parses the `--bbox minLon,minLat,maxLon,maxLat` option; throws a InputError when it is malformed. */
export function parseBbox(text: string): Bbox {
  const parts = text.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
  // Quoted as typed: a word that is not a number would otherwise read NaN.
  if (parts.length !== 4 || !parts.every(Number.isFinite)) throw new InputError(`--bbox must be four numbers minLon,minLat,maxLon,maxLat, got ${text}`);
  checkBbox(parts, '--bbox');
  return parts;
}
