import { expect, test } from 'vitest';
import { buildNetwork } from '../../../src/import/osm/build-network.js';
import { parsePopulation, readPlaces, snapPlaces } from '../../../src/import/osm/places.js';
import { osm } from './helpers.js';

test('parsePopulation reads whole numbers with or without digit grouping', () => {
  expect(parsePopulation('5400')).toBe(5400);
  expect(parsePopulation(' 440 000 ')).toBe(440000);
  expect(parsePopulation('1,234,567')).toBe(1234567);
  expect(parsePopulation('5.400')).toBe(5400);
  expect(parsePopulation('12\u00a0500')).toBe(12500);
  expect(parsePopulation('about 300')).toBeNull();
  expect(parsePopulation('1.5k')).toBeNull();
  expect(parsePopulation('12,34')).toBeNull();
});

test('only named cities, towns, villages and hamlets are places', () => {
  const data = osm(
    [
      [1, 0, 0, { place: 'city', name: 'A' }],
      [2, 0, 0, { place: 'town', name: 'B', population: '10' }],
      [3, 0, 0, { place: 'village', name: 'C' }],
      [4, 0, 0, { place: 'hamlet', name: 'D' }],
      [5, 0, 0, { place: 'suburb', name: 'E' }],
      [6, 0, 0, { place: 'village' }],
      [7, 0, 0, { place: 'isolated_dwelling', name: 'G' }],
    ],
    [],
  );
  expect(readPlaces(data).map((p) => [p.name, p.population])).toEqual([['A', null], ['B', 10], ['C', null], ['D', null]]);
});

test('places outside the bbox are left out', () => {
  const data = osm([[1, 0, 0, { place: 'town', name: 'In' }], [2, 5, 5, { place: 'town', name: 'Out' }]], []);
  expect(readPlaces(data, [-1, -1, 1, 1]).map((p) => p.name)).toEqual(['In']);
});

test('a place snaps to the nearest node, and a node inside a segment becomes a junction', () => {
  // 1 ── 2 ── 3 ── 4     place P just above 3
  const data = osm(
    [[1, 0, 0], [2, 0.01, 0], [3, 0.02, 0], [4, 0.03, 0], [9, 0.021, 0.001, { place: 'village', name: 'P' }]],
    [[10, [1, 2, 3, 4], { highway: 'residential' }]],
  );
  const { network } = buildNetwork(data);
  const snap = snapPlaces(readPlaces(data), network);
  expect(snap.node).toEqual([3]);
  expect(snap.distanceM[0]).toBeGreaterThan(100);
  expect(snap.distanceM[0]).toBeLessThan(160);
  expect(snap.network.segments.map((s) => s.refs)).toEqual([[1, 2, 3], [3, 4]]);
});
