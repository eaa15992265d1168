// An OpenStreetMap extract worked through by hand: a roundabout drawn as one closed
// way, approach roads of every kind of tag the import reads or refuses, a one-way
// dead end and two places. Every road, warning and settlement below is derived from
// the tag tables of docs/bring-your-own-map.md before running.
//
//                        80
//                        │ 800 residential, maxspeed "fast"
//                        70
//                        │ 700 secondary, access=no + motor_vehicle=yes, lanes "2.5", RU:urban
//        400 footway ─── 1
//   20 ◄─ 300 ── 4      ↙ ↖      2 ──── 200 primary, lanes 4, "50 mph" ──── 10 ─► 600 motorway_link ─► 60
//   ▲             ↘    ↗             (roundabout 100: 1 → 2 → 3 → 4 → 1)    │ 500 service
//   └ 301 ─ 30 ─◄─ 3                                                         50
//
// 300 is tagged oneway=-1 and drawn 4 → 20, so it runs 20 → 4; 301 runs 3 → 30 → 20.
import { describe, expect, test } from 'vitest';
import { analyzeNetwork } from '../../../src/analysis/analyze.js';
import { convertOsm } from '../../../src/import/osm/index.js';
import { parseScenario } from '../../../src/scenario/index.js';
import { simulate } from '../../../src/simulation/simulate.js';
import { summarize } from '../../../src/report/summary.js';
import { osm } from './helpers.js';

const data = osm(
  [
    [1, 35, 51.001], [2, 35.0016, 51], [3, 35, 50.999], [4, 34.9984, 51],
    [10, 35.01, 51], [20, 34.99, 51], [30, 34.995, 50.995], [40, 35, 51.003], [50, 35.01, 50.99], [60, 35.02, 51],
    [70, 35, 51.005], [80, 35, 51.01],
    [90, 35.0095, 51.0002, { place: 'village', name: 'Malaya Loknya', population: '1 200' }],
    [91, 35.2, 51.2, { place: 'hamlet', name: 'Far' }],
  ],
  [
    [100, [1, 2, 3, 4, 1], { highway: 'tertiary', junction: 'roundabout' }],
    [200, [10, 2], { highway: 'primary', lanes: '4', maxspeed: '50 mph' }],
    [300, [4, 20], { highway: 'residential', oneway: '-1' }],
    [301, [3, 30, 20], { highway: 'residential', oneway: 'yes' }],
    [400, [1, 40], { highway: 'footway' }],
    [500, [10, 50], { highway: 'service' }],
    [600, [10, 60], { highway: 'motorway_link' }],
    [700, [1, 70], { highway: 'secondary', access: 'no', motor_vehicle: 'yes', lanes: '2.5', maxspeed: 'RU:urban' }],
    [800, [70, 80], { highway: 'residential', maxspeed: 'fast' }],
  ],
);

describe('a roundabout and its approaches', () => {
  const imported = convertOsm(data, { name: 'roundabout' });
  const roads = imported.scenario.network.roads;

  test('becomes nine roads between eight junctions, each with the class, lanes, speed and direction its tags give', () => {
    expect(imported.scenario.network.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n10', 'n20', 'n70', 'n80']);
    expect(roads.map((r) => [r.id, r.from, r.to, r.class, r.lanes, r.speedKmh ?? null, r.oneway])).toEqual([
      // The roundabout is one-way in drawing order and cut at each of its four junctions.
      ['w100-1', 'n1', 'n2', 'tertiary', 1, null, true],
      ['w100-2', 'n2', 'n3', 'tertiary', 1, null, true],
      ['w100-3', 'n3', 'n4', 'tertiary', 1, null, true],
      ['w100-4', 'n4', 'n1', 'tertiary', 1, null, true],
      // Four lanes on a two-way road: two each way; 50 mph is 80.4672 km/h, written to two decimals.
      ['w200', 'n10', 'n2', 'primary', 2, 80.47, false],
      // oneway=-1: the road runs against its drawing.
      ['w300', 'n20', 'n4', 'local', 1, null, true],
      ['w301', 'n3', 'n20', 'local', 1, null, true],
      // motor_vehicle=yes overrides access=no; "2.5" lanes counts as untagged; RU:urban is 60 km/h.
      ['w700', 'n1', 'n70', 'secondary', 1, 60, false],
      ['w800', 'n70', 'n80', 'local', 1, null, false],
    ]);
    // Node 30 only shapes 301; the other roads are straight.
    expect(roads.find((r) => r.id === 'w301')?.geometry).toEqual([[35, 50.999], [34.995, 50.995], [34.99, 51]]);
    expect(roads.filter((r) => r.geometry !== undefined).map((r) => r.id)).toEqual(['w301']);
  });

  test('warns of the unreadable tags, the one-way dead end, the missing population, the far hamlet and the placeholder exit', () => {
    expect(imported.dropped).toEqual({ nodes: 1, roads: 1 });
    expect(imported.warnings.slice(0, 4)).toEqual([
      'maxspeed unreadable on 1 way(s), class default speed used: way 800 "fast"',
      'lanes unreadable on 1 way(s), taken as untagged: way 700 lanes="2.5"',
      'dropped 1 road(s) and 1 node(s) that are not in the largest strongly connected part of the network',
      'settlement "far" (Far, OSM node 91) has no population tag; population set to 0',
    ]);
    expect(imported.warnings[4]).toMatch(/^settlement "far" \(Far, OSM node 91\) is 25\.\d km from the nearest road node "n80"$/);
    expect(imported.warnings[5]).toBe('no shelters in OpenStreetMap data: added placeholder exit "exit" at node "n20"; replace it with real shelters and exits');
    expect(imported.warnings).toHaveLength(6);
  });

  test('places the village on the road end nearest to it, with its population read', () => {
    expect(imported.scenario.settlements).toEqual([
      { id: 'malaya-loknya', name: 'Malaya Loknya', node: 'n10', population: 1200 },
      { id: 'far', name: 'Far', node: 'n80', population: 0 },
    ]);
  });

  test('validates, runs, and routes the village round the roundabout over the only roads out', () => {
    const raw: Record<string, unknown> = { ...structuredClone(imported.scenario) };
    raw.orders = [{ at: '0h', settlements: ['malaya-loknya'], compliance: 1, mobilization: { kind: 'fixed', median: '0h' } }];
    raw.households = { size: 2.5, carShare: 1 };
    const scenario = parseScenario(raw);
    const a = analyzeNetwork(scenario);
    // Out of 10 only by 200; round the roundabout only to 3 (2 → 3); to 20 only by 301.
    expect(a.settlements[0].criticalLinks).toEqual(['w200', 'w100-2', 'w301']);
    const summary = summarize(simulate(scenario, { seed: 1 }), scenario);
    expect(summary.people.evacuated).toBe(1200);
  });
});
