// `export geojson --origin` near a pole or the 180th meridian put a planar
// scenario's points beyond ±90° latitude or ±180° longitude (at a pole, at
// longitude 10^13), written with exit 0: now refused, before any run.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportGeoJson } from '../../src/export/index.js';
import { InputError } from '../../src/errors.js';
import { loadScenario } from '../../src/index.js';
import { cli } from '../helpers/cli.js';

const GRID = 'scenarios/grid-city.json';

describe('export geojson --origin off the globe', () => {
  it.each(['90,0', '89.999,0', '-89.99,10', '0,179.99', '-10,179.95'])('--origin %s is refused with exit 2 and nothing written', async (origin) => {
    const out = join(mkdtempSync(join(tmpdir(), 'evacsim-origin-')), 'grid.geojson');
    const r = await cli('export', 'geojson', GRID, `--origin=${origin}`, '--results', '--out', out);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(new RegExp(`^evacsim: --origin ${origin}: x = -?\\d+ m, y = -?\\d+ m lands at longitude .*, off the globe \\(beyond ±180° or ±90°\\); choose an origin farther from the poles and the 180th meridian\\n$`));
    expect(existsSync(out)).toBe(false);
  });

  it('an origin that keeps every point on the globe is written as before', async () => {
    const r = await cli('export', 'geojson', GRID, '--origin', '51,35');
    expect(r.code).toBe(0);
    const collection = JSON.parse(r.out);
    for (const feature of collection.features) {
      const points = feature.geometry.type === 'Point' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      for (const [lon, lat] of points) {
        expect(Math.abs(lon)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      }
    }
  });

  it('the library throws an InputError', () => {
    expect(() => exportGeoJson(loadScenario(GRID), {}, { origin: [0, 90] })).toThrow(InputError);
  });
});
