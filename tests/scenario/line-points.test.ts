// On a lat/lon network the points of an order's line and of a front are [lon, lat] pairs
// on the globe, as the nodes' positions are; on an x/y network any metres go.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { issuesOf, minimalFile } from './fixtures.js';

const OFF = 'is not a [lon, lat] pair (lon from -180 to 180, lat from -90 to 90), as the nodes\' positions are';

/** minimalFile on lat/lon, with an order within 10 km of `line` and a front along `front` towards `towards`. */
function geographic(line: [number, number][], front: [number, number][], towards: [number, number] | null) {
  const file = minimalFile();
  const nodes = file.network.nodes.map((n, i) => ({ id: n.id, lat: 51 + i * 0.05, lon: 35 }));
  return {
    ...file,
    network: { ...file.network, nodes },
    orders: [{ at: 0, withinKmOf: { line, km: 10 }, compliance: 1 }],
    hazards: [{ kind: 'front', line: front, towards, speedKmPerDay: 3, maxDepthKm: 5, from: 0 }],
  };
}

describe('points of lines on a lat/lon network', () => {
  it('are taken on the globe', () => {
    expect(() => parseScenario(geographic([[35, 51], [35.2, 51]], [[-180, 90], [180, -90]], [35, 50]))).not.toThrow();
  });

  it('are refused off it, each at its path', () => {
    expect(issuesOf(() => parseScenario(geographic([[500, 500], [35, 51]], [[35, 51], [35, 91]], [181, 50])))).toEqual([
      { path: 'orders[0].withinKmOf.line[0]', message: `[500, 500] ${OFF}` },
      { path: 'hazards[0].line[1]', message: `[35, 91] ${OFF}` },
      { path: 'hazards[0].towards', message: `[181, 50] ${OFF}` },
    ]);
  });

  it('are any metres on an x/y network', () => {
    const file = { ...minimalFile(), orders: [{ at: 0, withinKmOf: { line: [[500, 500], [60000, -4000]], km: 10 }, compliance: 1 }] };
    expect(() => parseScenario(file)).not.toThrow();
  });
});
