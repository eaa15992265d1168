// Distances between node positions, used for road lengths a file leaves out:
// great-circle (haversine) for lat/lon, straight-line for x/y in metres.

/** Mean Earth radius, km (IUGG). */
const EARTH_RADIUS_KM = 6371.0088;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km between two lat/lon points in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = radians(lat2 - lat1);
  const dLon = radians(lon2 - lon1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether `lon`, `lat` (degrees) is a point on the globe: longitude within ±180°, latitude within ±90° (NaN is not). */
export function onTheGlobe(lon: number, lat: number): boolean {
  return Math.abs(lon) <= 180 && Math.abs(lat) <= 90;
}

/** Straight-line distance in km between two planar points in metres. */
export function planarKm(x1: number, y1: number, x2: number, y2: number): number {
  return Math.hypot(x2 - x1, y2 - y1) / 1000;
}
