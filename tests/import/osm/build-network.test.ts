import { expect, test } from 'vitest';
import { buildNetwork, splitAt, type Segment } from '../../../src/import/osm/build-network.js';
import { osm } from './helpers.js';

const road = { highway: 'residential' };
const refsOf = (segments: Segment[]) => segments.map((s) => s.refs);

test('nodes between junctions collapse into one segment that keeps them', () => {
  const { network } = buildNetwork(osm([[1, 0, 0], [2, 0.001, 0], [3, 0.002, 0], [4, 0.003, 0]], [[10, [1, 2, 3, 4], road]]));
  expect(refsOf(network.segments)).toEqual([[1, 2, 3, 4]]);
  expect(network.coords.get(3)).toEqual([0.002, 0]);
});

test('a node shared by two ways splits both there', () => {
  //      4
  //      |
  // 1 ── 2 ── 3
  //      |
  //      5
  const data = osm(
    [[1, 0, 0], [2, 0.001, 0], [3, 0.002, 0], [4, 0.001, 0.001], [5, 0.001, -0.001]],
    [[10, [1, 2, 3], road], [11, [4, 2, 5], road]],
  );
  expect(refsOf(buildNetwork(data).network.segments)).toEqual([[1, 2], [2, 3], [4, 2], [2, 5]]);
});

test('a way that is not kept does not make junctions', () => {
  const data = osm(
    [[1, 0, 0], [2, 0.001, 0], [3, 0.002, 0], [4, 0.001, 0.001]],
    [[10, [1, 2, 3], road], [11, [4, 2], { highway: 'footway' }]],
  );
  expect(refsOf(buildNetwork(data).network.segments)).toEqual([[1, 2, 3]]);
});

test('a oneway=-1 way runs against its drawing order', () => {
  const data = osm([[1, 0, 0], [2, 0.001, 0], [3, 0.002, 0]], [[10, [1, 2, 3], { highway: 'primary', oneway: '-1' }]]);
  const [segment] = buildNetwork(data).network.segments;
  expect(segment).toMatchObject({ refs: [3, 2, 1], oneway: true, class: 'primary' });
});

test('ways are cut where they leave the bbox', () => {
  const data = osm(
    [[1, 0, 0], [2, 0.001, 0], [3, 0.5, 0], [4, 0.003, 0], [5, 0.004, 0]],
    [[10, [1, 2, 3, 4, 5], road]],
  );
  expect(refsOf(buildNetwork(data, { bbox: [-0.1, -0.1, 0.1, 0.1] }).network.segments)).toEqual([[1, 2], [4, 5]]);
});

test('a reference to a node missing from the file cuts the way and is reported', () => {
  const data = osm([[1, 0, 0], [2, 0.001, 0], [4, 0.003, 0], [5, 0.004, 0]], [[10, [1, 2, 3, 4, 5], road]]);
  const { network, warnings } = buildNetwork(data);
  expect(refsOf(network.segments)).toEqual([[1, 2], [4, 5]]);
  expect(warnings).toEqual([expect.stringContaining('1 node reference(s)')]);
});

test('a loop with a single junction is left out and reported', () => {
  // 1 ── 2 ─ 3
  //       \  |
  //        ─ 4
  const data = osm([[1, 0, 0], [2, 0.001, 0], [3, 0.002, 0], [4, 0.002, -0.001]], [[10, [1, 2, 3, 4, 2], road]]);
  const { network, warnings } = buildNetwork(data);
  expect(refsOf(network.segments)).toEqual([[1, 2]]);
  expect(warnings).toEqual([expect.stringContaining('1 road loop(s)')]);
});

test('segments come in way-id order whatever the order of the file', () => {
  const nodes: [number, number, number][] = [[1, 0, 0], [2, 0.001, 0], [3, 0.002, 0]];
  const a = buildNetwork(osm(nodes, [[20, [2, 3], road], [10, [1, 2], road]])).network.segments;
  expect(a.map((s) => s.way)).toEqual([10, 20]);
});

test('an unreadable maxspeed falls back to the class default and is reported', () => {
  const data = osm([[1, 0, 0], [2, 0.001, 0]], [[10, [1, 2], { highway: 'primary', maxspeed: 'fast' }]]);
  const { network, warnings } = buildNetwork(data);
  expect(network.segments[0].speedKmh).toBeNull();
  expect(warnings).toEqual([expect.stringContaining('way 10 "fast"')]);
});

test('a maxspeed too small to write (below 0.005 km/h) is reported and falls back to the class default', () => {
  // Written to two decimals it would be 0 km/h, which no scenario accepts: the whole import would fail on one tag.
  const data = osm([[1, 0, 0], [2, 0.001, 0]], [[10, [1, 2], { highway: 'primary', maxspeed: '0.004' }]]);
  const { network, warnings } = buildNetwork(data);
  expect(network.segments[0].speedKmh).toBeNull();
  expect(warnings).toEqual([expect.stringContaining('way 10 "0.004"')]);
});

test('splitAt cuts at the chosen interior nodes only', () => {
  const segment: Segment = { way: 1, refs: [1, 2, 3, 4, 5], class: 'local', lanes: 1, speedKmh: null, oneway: false };
  expect(refsOf(splitAt([segment], (ref) => ref === 3 || ref === 5).segments)).toEqual([[1, 2, 3], [3, 4, 5]]);
});

test('an unreadable lanes tag falls back to one lane and is reported', () => {
  const data = osm([[1, 0, 0], [2, 0.001, 0]], [[10, [1, 2], { highway: 'primary', oneway: 'yes', lanes: '1e99' }]]);
  const { network, warnings } = buildNetwork(data);
  expect(network.segments.map((s) => s.lanes)).toEqual([1]);
  expect(warnings).toEqual([expect.stringContaining('lanes unreadable on 1 way(s), taken as untagged: way 10 lanes="1e99"')]);
});

test('a ring that starts and ends at its one junction with the rest is left out; drawn from another node, that node is met twice and the ring kept', () => {
  //   5 ── 3 ── 4        a ring 1 → 2 → 3 → 4 → 1 joined to the street 5–3 at 3 only
  //        │    │
  //        2 ── 1
  const nodes: [number, number, number][] = [[1, 0.002, -0.001], [2, 0.001, -0.001], [3, 0.001, 0], [4, 0.002, 0], [5, 0, 0]];
  const street: [number, number[], typeof road] = [20, [5, 3], road];
  const fromThree = buildNetwork(osm(nodes, [[10, [3, 4, 1, 2, 3], road], street]));
  expect(refsOf(fromThree.network.segments)).toEqual([[5, 3]]);
  expect(fromThree.warnings).toEqual(['1 road loop(s) with a single junction left out']);
  const fromOne = buildNetwork(osm(nodes, [[10, [1, 2, 3, 4, 1], road], street]));
  expect(refsOf(fromOne.network.segments)).toEqual([[1, 2, 3], [3, 4, 1], [5, 3]]);
  expect(fromOne.warnings).toEqual([]);
});
