// The SUMO comparison's file writers and tripinfo readings (benchmarks/sumo), without SUMO.
import { describe, expect, it } from 'vitest';
import { generateCorridor } from '../../src/generate/corridor.js';
import { parseScenario } from '../../src/scenario/index.js';
import { compileScenario } from '../../src/network/compile.js';
import {
  arrivalsById, corridorEdges, corridorNodes, corridorRoutes, junctionTrips, networkEdges, networkNodes, peopleQuantile, quantile,
  saturationFlow, teleports, tripArrivals,
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

describe('SUMO files of a compiled network', () => {
  const net = compileScenario(parseScenario({
    name: 'two-way', seed: 1,
    network: {
      nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }],
      roads: [{ id: 'ab', from: 'a', to: 'b', class: 'local', lanes: 2, lengthKm: 1.5 }],
    },
    settlements: [{ id: 't', node: 'a', population: 10 }],
    shelters: [{ id: 'edge', node: 'b' }],
    orders: [{ at: 0, settlements: ['t'], compliance: 1 }],
  }));

  it('writes both directions of a two-way road, the way back with `_` for `:`', () => {
    expect(networkNodes(net)).toContain('<node id="b" x="1000" y="0" type="priority"/>');
    const edges = networkEdges(net);
    expect(edges).toContain('<edge id="ab" from="a" to="b" numLanes="2" speed="11.1111" length="1500"/>');
    expect(edges).toContain('<edge id="ab_back" from="b" to="a" numLanes="2" speed="11.1111" length="1500"/>');
  });

  it('writes a trip per car from junction to junction, none for a car already at its destination', () => {
    const trips = junctionTrips(net, [
      { id: 'c0', depart: 12.345, from: 0, to: 1, people: 3 },
      { id: 'c1', depart: 20, from: 1, to: 1, people: 2 },
    ]);
    expect(trips).toContain('<trip id="c0" type="car" depart="12.35" fromJunction="a" toJunction="b" departLane="best" departSpeed="max"/>');
    expect(trips).not.toContain('"c1"');
  });

  it('reads arrivals by id and teleports', () => {
    const info = '<tripinfo id="c0" depart="1.00" arrival="99.00" duration="98"/>\n<tripinfo id="c7" depart="2.00" arrival="150.50"/>';
    expect(arrivalsById(info)).toEqual(new Map([['c0', 99], ['c7', 150.5]]));
    expect(teleports('<statistics><teleports total="4" jam="4" yield="0" wrongLane="0"/></statistics>')).toBe(4);
    expect(teleports('<statistics></statistics>')).toBe(0);
  });

  it('counts a quantile of people, not of cars, as evacsim clearance does', () => {
    const arrivals = [{ time: 30, people: 1 }, { time: 10, people: 3 }, { time: 20, people: 1 }, { time: 40, people: 5 }];
    // 10 people: half have arrived at 30 s (3 + 1 + 1); 90 % and all of them at 40 s.
    expect(peopleQuantile(arrivals, 0.5)).toBe(30);
    expect(peopleQuantile(arrivals, 0.3)).toBe(10);
    expect(peopleQuantile(arrivals, 0.9)).toBe(40);
    expect(peopleQuantile(arrivals, 1)).toBe(40);
  });
});
