// Adds timed capacity measures to generated scenarios: a traffic control point on a
// random road (a capacity factor from a tenth to three times, one direction or both)
// and a contraflow on a road of the generator's chain (always two-way), each over a
// random interval that starts and ends mid-run. Their instants end in .123 s, off the
// instants vehicles move at, so which headway or storage holds at a move is never a tie.
import fc from 'fast-check';
import type { HazardSpec, Scenario } from '../../src/scenario/types.js';

const measures = fc.record({
  controlRoad: fc.nat(),
  controlFactor: fc.constantFrom(0.1, 0.3, 0.7, 1.5, 3),
  controlDirection: fc.constantFrom<'forward' | 'backward' | 'both'>('forward', 'backward', 'both'),
  controlFrom: fc.integer({ min: 0, max: 3600 }),
  controlLength: fc.integer({ min: 30, max: 7200 }),
  contraflowRoad: fc.nat(),
  contraflowBackward: fc.boolean(),
  contraflowFrom: fc.integer({ min: 0, max: 3600 }),
  contraflowLength: fc.integer({ min: 30, max: 7200 }),
});

/** `scenarios` with a control point and a contraflow added to their hazards. */
export function withMeasures(scenarios: fc.Arbitrary<Scenario>): fc.Arbitrary<Scenario> {
  return fc.tuple(scenarios, measures).map(([s, m]) => {
    const roads = s.network.roads;
    // The generator's chain: the first roads, one fewer than the nodes, all two-way.
    const chain = s.network.nodes.length - 1;
    const added: HazardSpec[] = [
      {
        kind: 'control', roads: [roads[m.controlRoad % roads.length].id], capacityFactor: m.controlFactor,
        direction: m.controlDirection, from: m.controlFrom + 0.123, until: m.controlFrom + m.controlLength + 0.123,
      },
      {
        kind: 'contraflow', road: roads[m.contraflowRoad % chain].id, direction: m.contraflowBackward ? 'backward' : 'forward',
        from: m.contraflowFrom + 0.123, until: m.contraflowFrom + m.contraflowLength + 0.123,
      },
    ];
    return { ...s, hazards: [...s.hazards, ...added] };
  });
}
