// A network drawn as GeoJSON, read as a scenario's network.geojson, every node, road,
// default and placement worked out by hand from docs/bring-your-own-map.md, then the
// network analysis of what was read.
//
//   n2 ◄── north (MultiLineString of one part, one-way) ── a ── ab (primary, 2 lanes) ── b ── r2 ── n1
//                                                               ▲                               │
//                             cross: n3 → (35.005, 51) → n4     └──── r3, bent through (35.01, 51.01)
//   (its middle vertex is not a road end: it joins nothing)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { analyzeNetwork } from '../../src/analysis/analyze.js';
import { scenarioWarnings } from '../../src/check/warnings.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { collection, line, point } from '../helpers/geojson.js';

const roads = collection(
  line([[35, 51], [35.01, 51]], { id: 'ab', class: 'primary', lanes: 2, from: 'a', to: 'b' }),
  line([[35.01, 51], [35.02, 51]], {}),
  line([[35.02, 51], [35.01, 51.01], [35.01, 51]], { class: null }),
  point([35.0201, 51.0001], { kind: 'shelter', id: 'hall', capacity: 500 }),
  point([35, 51], { kind: 'settlement', id: 'a-town', population: 1000 }),
  { type: 'Feature', geometry: { type: 'MultiLineString', coordinates: [[[35, 51], [35, 51.01]]] }, properties: { id: 'north', oneway: true } },
  line([[35.005, 50.995], [35.005, 51], [35.005, 51.005]], { id: 'cross' }),
);

test('a drawn network reads as the nodes, roads and places derived by hand, and the analysis finds its cut', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-geojson-'));
  writeFileSync(join(dir, 'roads.geojson'), JSON.stringify(roads));
  writeFileSync(join(dir, 'town.json'), JSON.stringify({
    name: 'drawn', network: { geojson: 'roads.geojson' }, settlements: [], shelters: [], households: { size: 2.5, carShare: 1 },
  }));
  const s = loadScenarioFile(join(dir, 'town.json'));
  // Named ends keep their ids; the others are n1, n2, … in order of appearance.
  expect(s.network.nodes).toEqual([
    { id: 'a', lat: 51, lon: 35 }, { id: 'b', lat: 51, lon: 35.01 }, { id: 'n1', lat: 51, lon: 35.02 },
    { id: 'n2', lat: 51.01, lon: 35 }, { id: 'n3', lat: 50.995, lon: 35.005 }, { id: 'n4', lat: 51.005, lon: 35.005 },
  ]);
  // Roads without an id are r<feature number>; class local, one lane, two-way unless said.
  expect(s.network.roads.map((r) => [r.id, r.from, r.to, r.class, r.lanes, r.oneway])).toEqual([
    ['ab', 'a', 'b', 'primary', 2, false],
    ['r2', 'b', 'n1', 'local', 1, false],
    ['r3', 'n1', 'b', 'local', 1, false],
    ['north', 'a', 'n2', 'local', 1, true],
    ['cross', 'n3', 'n4', 'local', 1, false],
  ]);
  // 0.01° of longitude at 51° north is 699.77 m; the bend of r3 is 1,313.8 m + 1,112.0 m; along a meridian 0.01° is 1,112.0 m.
  expect(s.network.roads.map((r) => Math.round(r.lengthKm * 100) / 100)).toEqual([0.7, 0.7, 2.43, 1.11, 1.11]);
  // The shelter is at no road end: it sits on the nearest, n1. The settlement is at a's end.
  expect(s.shelters).toEqual([{ id: 'hall', name: 'hall', node: 'n1', capacity: 500 }]);
  expect(s.settlements.map((x) => [x.id, x.node, x.population])).toEqual([['a-town', 'a', 1000]]);
  // The line through (35.005, 51) crosses nothing: it is a part of its own, and validate says so.
  expect(scenarioWarnings(s).map((w) => w.message)).toContain(
    '2 nodes ("n3", "n4") and their roads are not connected to the rest of the network, and no settlement, shelter or exit is on them',
  );
  // From a: only ab leads on; from b both r2 and r3's way back reach n1. The cut is those two,
  // 600 veh/h each (local, one lane), below ab's 3,000: 400 cars in a third of an hour.
  const a = analyzeNetwork(s);
  expect(a.settlements[0].criticalLinks).toEqual(['ab']);
  const cut = a.cuts.find((c) => c.zone === 'a-town');
  expect(cut).toMatchObject({ capacityVehPerHour: 1200, cut: ['r2', 'r3:back'] });
  expect(cut?.lowerBoundHours).toBeCloseTo(1 / 3, 12);
});
