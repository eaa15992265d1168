// The import on random small extracts: ways of every kept and refused class, with
// oneway, roundabout, lanes and maxspeed tags good and bad, over a few shared nodes,
// and places with or without a population. Whatever it is given, it either refuses
// with an InputError or writes a scenario that validates, in which every road node
// reaches every other (the largest strongly connected part) and so every settlement
// reaches the placeholder exit.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { convertOsm } from '../../../src/import/osm/index.js';
import type { OsmData } from '../../../src/import/osm/model.js';
import { compileScenario } from '../../../src/network/compile.js';
import { unreachableSettlements } from '../../../src/network/reachability.js';
import { parseScenario } from '../../../src/scenario/index.js';

const optional = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

const extract: fc.Arbitrary<OsmData> = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc.record({
    nodes: fc.constant(Array.from({ length: n }, (_, i) => ({ id: i + 1, lon: 35 + (i % 3) * 0.002, lat: 51 + Math.floor(i / 3) * 0.002, tags: {} }))),
    ways: fc.array(
      fc.record({
        refs: fc.array(fc.integer({ min: 1, max: n }), { minLength: 2, maxLength: 5 }),
        highway: fc.constantFrom('motorway', 'motorway_link', 'primary', 'tertiary', 'residential', 'service', 'footway'),
        oneway: optional(['yes', '-1', 'no', 'reversible']),
        junction: optional(['roundabout']),
        lanes: optional(['1', '2', '4', '2.5', 'many']),
        maxspeed: optional(['50', '30 mph', 'RU:urban', 'none', 'fast']),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    places: fc.array(fc.record({ at: fc.nat(), population: optional(['1200', '5 400', 'about 300']) }), { maxLength: 3 }),
  }).map(({ nodes, ways, places }) => ({
    nodes: [
      ...nodes,
      ...places.map((p, i) => ({
        id: 100 + i, lon: 35.0005 + (p.at % 5) * 0.001, lat: 51.0005,
        tags: { place: 'village', name: `Village ${i % 2}`, ...(p.population === undefined ? {} : { population: p.population }) },
      })),
    ],
    ways: ways.map((w, i) => ({
      id: 10 + i,
      refs: w.refs,
      tags: Object.fromEntries(Object.entries({ highway: w.highway, oneway: w.oneway, junction: w.junction, lanes: w.lanes, maxspeed: w.maxspeed }).filter(([, v]) => v !== undefined)) as Record<string, string>,
    })),
  })),
);

describe('convertOsm on random extracts', () => {
  test('refuses with an InputError or writes a scenario that validates, whose every road node reaches every other', () => {
    fc.assert(
      fc.property(extract, (data) => {
        let imported: ReturnType<typeof convertOsm>;
        try {
          imported = convertOsm(data);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        const scenario = parseScenario(imported.scenario);
        expect(unreachableSettlements(scenario)).toEqual([]);
        // Every node reaches every other over the roads: a settlement anywhere reaches an exit anywhere.
        const net = compileScenario(scenario);
        for (let from = 0; from < net.nodeCount; from++) {
          const seen = new Set([from]);
          const queue = [from];
          while (queue.length > 0) {
            const v = queue.shift() as number;
            for (let i = net.outStart[v]; i < net.outStart[v + 1]; i++) {
              const w = net.linkTo[net.outLinks[i]];
              if (!seen.has(w)) {
                seen.add(w);
                queue.push(w);
              }
            }
          }
          expect(seen.size).toBe(net.nodeCount);
        }
        expect(new Set(scenario.network.roads.map((r) => r.id)).size).toBe(scenario.network.roads.length);
      }),
      { numRuns: 300 },
    );
  });
});
