// Builders of GeoJSON features for tests of networks drawn as GeoJSON.

export const line = (coordinates: number[][], properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates },
  properties,
});

export const point = (coordinates: number[], properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});

export const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
