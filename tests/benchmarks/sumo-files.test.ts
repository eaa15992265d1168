// The SUMO comparison's file writers and tripinfo readings (benchmarks/sumo), without SUMO.
import { describe, expect, it } from 'vitest';
import { generateCorridor } from '../../src/generate/corridor.js';
import {
  corridorEdges, corridorNodes, corridorRoutes, quantile, saturationFlow, tripArrivals,
} from '../../benchmarks/sumo/sumo-files.js';

const corridor = generateCorridor({ people: 4, seed: 1 });

describe('SUMO corridor files', () => {
  it('writes the corridor roads with their lanes, speeds in m/s and lengths in m', () => {
    expect(corridorNodes(corridor)).toContain('<node id="b" x="5000" y="0" type="priority"/>');
    const edges = corridorEdges(corridor);
    expect(edges).toContain('<edge id="approach" from="town" to="b" numLanes="2" speed="27.7778" length="5000"/>');
    expect(edges).toContain('<edge id="bottleneck" from="b" to="c" numLanes="1" speed="13.8889" length="500"/>');
  });

  it('departs the vehicles evenly over the spread along the whole chain', () => {
    const routes = corridorRoutes(corridor, 4, 3600);
    expect(routes).toContain('<route id="corridor" edges="approach bottleneck exit-road"/>');
    expect(Array.from(routes.matchAll(/depart="([\d.]+)"/g), (m) => m[1])).toEqual(['0.00', '900.00', '1800.00', '2700.00']);
  });

  it('reads arrivals, nearest-rank quantiles and the saturation flow', () => {
    const info = Array.from({ length: 10 }, (_, i) => `<tripinfo id="v${i}" depart="0.00" arrival="${100 + 4 * (9 - i)}.00" duration="1"/>`).join('\n');
    const arrivals = tripArrivals(info);
    expect(arrivals).toEqual(Array.from({ length: 10 }, (_, i) => 100 + 4 * i));
    expect(quantile(arrivals, 0.5)).toBe(116);
    expect(quantile(arrivals, 1)).toBe(136);
    // 8 arrivals between the 10th and 90th percentile, 4 s apart: 900 veh/h
    expect(saturationFlow(arrivals)).toBe(900);
  });
});
