// A `stuckSeconds` far below a second: a waiting head looked at itself again
// `stuckSeconds` after its last look, and 1e-300 s after an instant is that same
// instant, so the run (and `validate`, which runs it) never ended. The periods a run
// repeats something at count as one second at least.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';

//   town ──a (1 km, 36 km/h: 100 s, 3,600 veh/h)──► mid ──b (1 km, 100 s, 60 veh/h)──► out
// Three cars at 0 enter a at 0, 1 and 2 s and reach mid at 100, 101 and 102 s, where
// the heads wait for b's headway of 60 s: b takes them at 100, 160 and 220 s, and they
// arrive 100 s later.
function file(stuckSeconds: number) {
  return {
    name: 'tiny-stuck',
    stuckSeconds,
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'mid', x: 1000, y: 0 }, { id: 'out', x: 2000, y: 0 }],
      roads: [
        { id: 'a', from: 'town', to: 'mid', lengthKm: 1, speedKmh: 36, capacityVehPerHour: 3600, oneway: true },
        { id: 'b', from: 'mid', to: 'out', lengthKm: 1, speedKmh: 36, capacityVehPerHour: 60, oneway: true },
      ],
    },
    settlements: [{ id: 'town', node: 'town', population: 3 }],
    shelters: [{ id: 'out', node: 'out' }],
    households: { size: 1, carShare: 1 },
    orders: [{ at: 0, settlements: ['town'], compliance: 1, mobilization: { kind: 'fixed', median: 0 } }],
  };
}

describe('stuckSeconds far below a second', () => {
  it('counts as one second, and the run ends with the arrivals worked out by hand', () => {
    for (const stuck of [1e-300, 1e-6, 0.5]) {
      const s = parseScenario(file(stuck));
      expect(s.stuckSeconds).toBe(1);
      const r = simulate(s);
      const arrivals: number[] = [];
      for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) arrivals.push(r.log.time[i]);
      expect(arrivals).toEqual([200, 260, 320]);
    }
  });

  it('is kept as given from one second on', () => {
    expect(parseScenario(file(1)).stuckSeconds).toBe(1);
    expect(parseScenario(file(2.5)).stuckSeconds).toBe(2.5);
  });
});
