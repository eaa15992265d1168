// Distances to a line on a lat/lon map are measured along great circles: a front, an
// order "within N km" of a border and an ETE ring reach a place as far as it is on the
// ground, however far from the map's centre it lies. On a map from 50° to 70° N centred
// at 56° N, the flat projection put a town 1° east of the meridian line at 52° N
// 62,179 m away (cos 56° of a degree); on the ground it is R · asin(cos 52° · sin 1°) =
// 68,456 m.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignOrders } from '../../src/demand/orders.js';
import { buildZones } from '../../src/ete/zones.js';
import { arcDistanceM, arcPolylineDistanceM } from '../../src/network/arc-distance.js';
import { haversineM, polylineDistance } from '../../src/network/geometry.js';
import { placement } from '../../src/network/build-graph.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/index.js';

const R = 6_371_008.8;
const RAD = Math.PI / 180;
/** R · asin(cos φ · sin Δλ): a point at latitude φ, Δλ east of a meridian. */
const offMeridian = (lat: number, dLon: number) => R * Math.asin(Math.cos(lat * RAD) * Math.sin(dLon * RAD));

describe('arcDistanceM', () => {
  it('from a meridian: R · asin(cos φ · sin Δλ), where the foot falls on the arc', () => {
    expect(arcDistanceM([1, 60], [0, 50], [0, 70])).toBeCloseTo(offMeridian(60, 1), 3);
    expect(arcDistanceM([-2, 55], [0, 50], [0, 70])).toBeCloseTo(offMeridian(55, 2), 3);
  });

  it('beyond an end of the arc: the distance to that end', () => {
    expect(arcDistanceM([0.5, 72], [0, 50], [0, 70])).toBeCloseTo(haversineM([0.5, 72], [0, 70]), 6);
    expect(arcDistanceM([0, 40], [0, 50], [0, 70])).toBeCloseTo(haversineM([0, 40], [0, 50]), 6);
  });

  it('on an end, exactly 0; an arc of one point is that point', () => {
    expect(arcDistanceM([0, 50], [0, 50], [0, 70])).toBe(0);
    expect(arcDistanceM([3, 51], [2, 51], [2, 51])).toBe(haversineM([3, 51], [2, 51]));
    expect(arcPolylineDistanceM([3, 51], [[2, 51]])).toBe(haversineM([3, 51], [2, 51]));
  });

  it('never more than the distance to either end, and within 0.1 % of the flat distance over a few km', () => {
    const lonLat = fc.tuple(fc.double({ min: -0.05, max: 0.05, noNaN: true }), fc.double({ min: -0.05, max: 0.05, noNaN: true }));
    fc.assert(
      fc.property(lonLat, lonLat, lonLat, fc.double({ min: -60, max: 60, noNaN: true }), (p, a, b, lat) => {
        const at = (q: [number, number]): [number, number] => [30 + q[0], lat + q[1]];
        const d = arcDistanceM(at(p), at(a), at(b));
        expect(d).toBeLessThanOrEqual(Math.min(haversineM(at(p), at(a)), haversineM(at(p), at(b))) + 1e-6);
        const flat = placement(parseScenario(twoNodes(at(a), at(b)))).toPlanar;
        const planar = polylineDistance(flat(at(p)), [flat(at(a)), flat(at(b))]);
        expect(Math.abs(d - planar)).toBeLessThanOrEqual(1e-3 * planar + 0.5);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

function twoNodes(a: [number, number], b: [number, number]) {
  return {
    name: 'two-nodes',
    network: { nodes: [{ id: 'a', lon: a[0], lat: a[1] }, { id: 'b', lon: b[0], lat: b[1] }], roads: [{ id: 'ab', from: 'a', to: 'b', lengthKm: 1 }] },
    settlements: [],
    shelters: [{ id: 'b', node: 'b' }],
    orders: [],
  };
}

// A map from 50° to 70° N (centred at 56° N): a town 1° east of the 0° meridian at 52° N,
// its exit far east, and the front's line on the meridian from 50° to 70° N.
function wideMap(extra: Record<string, unknown> = {}) {
  return parseScenario({
    name: 'wide-map',
    horizon: '10d',
    network: {
      nodes: [
        { id: 'south', lon: 0, lat: 50 },
        { id: 'town', lon: 1, lat: 52 },
        { id: 'north', lon: 0, lat: 70 },
        { id: 'out', lon: 8, lat: 52 },
      ],
      roads: [
        { id: 's', from: 'south', to: 'town', class: 'primary' },
        { id: 'n', from: 'north', to: 'town', class: 'primary' },
        { id: 'o', from: 'town', to: 'out', class: 'primary' },
      ],
    },
    settlements: [{ id: 'town', node: 'town', population: 10 }],
    shelters: [{ id: 'out', node: 'out' }],
    orders: [],
    ...extra,
  });
}

describe('on a wide lat/lon map', () => {
  const ground = offMeridian(52, 1);
  const flat = 62_179;

  it('a front at 24 km a day reaches the town when it has crossed the ground between them', () => {
    const s = wideMap({ hazards: [{ kind: 'front', line: [[0, 50], [0, 70]], speedKmPerDay: 24, maxDepthKm: 100, from: '0h' }] });
    const captured = simulate(s).settlements[0].capturedAt as number;
    expect(ground).toBeCloseTo(68_455, -1);
    expect(captured).toBeCloseTo((ground / 24_000) * 86_400, 0);
    // In the flat projection it came 9 % sooner: at its 62,179 m.
    expect(captured).toBeGreaterThan(1.05 * ((flat / 24_000) * 86_400));
  });

  it('an order within 69 km of the meridian tells the town, one within 68 km does not', () => {
    const told = (km: number) => {
      const scenario = wideMap({ orders: [{ at: '0h', withinKmOf: { line: [[0, 50], [0, 70]], km }, compliance: 1 }] });
      return assignOrders(scenario, placement(scenario))[0] === 0 ? 10 : 0;
    };
    expect(told(69)).toBe(10);
    expect(told(68)).toBe(0);
  });

  it('an ETE ring of 69 km around the meridian holds the town, one of 68 km does not', () => {
    const s = wideMap();
    const zones = buildZones(s, [{ kind: 'rings', radiiKm: [68, 69], centre: { line: [[0, 50], [0, 70]] }, label: 'line' }]);
    expect(zones.map((z) => [z.id, z.settlements])).toEqual([['all', [0]], ['68km@line', []], ['69km@line', [0]]]);
  });
});
