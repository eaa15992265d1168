// A network across the 180th meridian (Fiji's Vanua Levu and Taveuni, Chukotka)
// was projected around the mean of its longitudes, near 0°: a town at −179.95°
// lay 38,000 km from one at 179.95°, so "within 10 km of" a line beside both
// told only one of them, and distance rings missed the other side.
import { describe, expect, it } from 'vitest';
import { buildZones, parseScenario, simulate, summarize } from '../../src/index.js';
import { placement } from '../../src/network/build-graph.js';
import { lonDelta, projector } from '../../src/network/geometry.js';

function acrossTheMeridian() {
  return {
    name: 'antimeridian',
    horizon: '1d',
    network: {
      nodes: [
        { id: 'west', lat: -16.8, lon: 179.95 },
        { id: 'east', lat: -16.8, lon: -179.95 },
        { id: 'hill', lat: -16.7, lon: -179.9 },
      ],
      roads: [
        { id: 'a', from: 'west', to: 'east', class: 'primary' },
        { id: 'b', from: 'east', to: 'hill', class: 'primary' },
      ],
    },
    settlements: [
      { id: 'w', node: 'west', population: 100, district: 'D' },
      { id: 'e', node: 'east', population: 100, district: 'D' },
    ],
    shelters: [{ id: 'hill', node: 'hill' }],
    households: { carShare: 1 },
    orders: [{ at: 0, withinKmOf: { line: [[179.99, -17.0], [179.99, -16.6]], km: 10 }, compliance: 1 }],
  };
}

describe('a network across the 180th meridian', () => {
  it('is centred on the meridian, and its two sides are neighbours in the plane', () => {
    const place = placement(parseScenario(acrossTheMeridian()));
    expect(Math.abs(place.origin?.[0] ?? 0)).toBeGreaterThan(179.9);
    const [wx] = place.toPlanar([179.95, -16.8]);
    const [ex] = place.toPlanar([-179.95, -16.8]);
    expect(ex - wx).toBeGreaterThan(10_000);
    expect(ex - wx).toBeLessThan(11_000);
  });

  it('an order within 10 km of a line beside both sides tells both', () => {
    const scenario = parseScenario(acrossTheMeridian());
    const summary = summarize(simulate(scenario, { seed: 1 }), scenario);
    expect(summary.settlements.map((s) => [s.id, s.told])).toEqual([['w', 100], ['e', 100]]);
  });

  it('a ring round a point on one side reaches across', () => {
    const scenario = parseScenario(acrossTheMeridian());
    const zones = buildZones(scenario, [{ kind: 'rings', radiiKm: [5, 8], centre: { line: [[179.99, -16.8]] }, label: 'x' }]);
    expect(zones.map((z) => [z.id, z.settlements])).toEqual([['all', [0, 1]], ['5km@x', [0]], ['8km@x', [0, 1]]]);
  });

  it('leaves differences within ±180° as they are', () => {
    for (const d of [0, 1e-9, -179.5, 179.999, 180, -180]) expect(lonDelta(d)).toBe(d);
    expect(lonDelta(359.9)).toBeCloseTo(-0.1, 9);
    expect(projector([35, 51])([36, 51])).toEqual([(1 * Math.cos((51 * Math.PI) / 180) * Math.PI * 6_371_008.8) / 180, 0]);
  });
});
