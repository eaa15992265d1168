// A GeoJSON Point placed on a road end more than 2 km away is legal and probably a
// mistake (a village drawn where no road was traced): `validate` lists it with the other
// warnings, and `run`, `ete`, `network` and `export` print it on stderr.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { collection, line, point } from '../helpers/geojson.js';

const WARNING = 'warning: network.geojson.features[3]: roads.geojson: settlement "farm" is 3.0 km from the nearest road end, "town", where it is placed; give it a "node" or draw the road that reaches it';

/** A folder with a scenario whose network is roads.geojson: village ── town ── city (exit), and a farm 3 km east of town. */
function scenarioFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-far-point-'));
  const roads = {
    ...collection(
      line([[0, 0], [3000, 4000]], { id: 'r1', from: 'village', to: 'town' }),
      line([[3000, 4000], [3000, 10000]], { id: 'r2', from: 'town', to: 'city' }),
      point([3000, 10000], { kind: 'shelter', id: 'city-exit' }),
      point([6000, 4000], { kind: 'settlement', id: 'farm', population: 20 }),
    ),
    planar: true,
  };
  writeFileSync(join(dir, 'roads.geojson'), JSON.stringify(roads));
  const scenario = {
    name: 'far-point',
    network: { geojson: 'roads.geojson' },
    settlements: [{ id: 'village', node: 'village', population: 100 }],
    orders: [{ at: 0, settlements: ['village', 'farm'], compliance: 1 }],
    variants: [{ name: 'late', set: { 'orders[0].at': '1h' } }],
  };
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  return join(dir, 'scenario.json');
}

describe('a GeoJSON Point far from every road end', () => {
  it('is a warning of validate', async () => {
    const { code, out } = await cli('validate', scenarioFile());
    expect(code).toBe(0);
    expect(out.split('\n')).toContain(WARNING);
  });

  it('is printed on stderr by run, before the run, also for a variant', async () => {
    for (const extra of [[], ['--variant', 'late']]) {
      const { code, err, out } = await cli('run', scenarioFile(), '--quiet', ...extra);
      expect(code).toBe(0);
      expect(err.split('\n')).toContain(WARNING);
      expect(out).not.toContain('farm" is');
    }
  });

  it('is printed on stderr by network and export, which read the same placement', async () => {
    for (const argv of [['network', scenarioFile()], ['export', 'geojson', scenarioFile(), '--origin', '51.2,35.3']]) {
      const { code, err, out } = await cli(...argv);
      expect(code).toBe(0);
      expect(err.split('\n')).toContain(WARNING);
      expect(out).not.toContain('warning');
    }
  });

  it('is printed once on stderr by ete, which runs every variant', async () => {
    const { code, err } = await cli('ete', scenarioFile());
    expect(code).toBe(0);
    expect(err.split('\n').filter((line) => line === WARNING)).toHaveLength(1);
  });
});
