// When a run ends before its horizon (nothing can happen any more), it ends with the
// report bin of its last event: at a multiple of reportBinSeconds, whatever the period
// of the routing refresh, which goes on beside the bins and never ends a run, and not a
// bin later for a waiting check asked by a head that has long left.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { expectSame } from '../helpers/loop-expect.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

describe('the end of a run', () => {
  it('is the horizon or the end of a report bin, whatever the routing period (property)', () => {
    fc.assert(
      fc.property(
        arbitraryScenario({ fleets: true, hazards: true }),
        fc.integer({ min: 60, max: 7200 }),
        fc.integer({ min: 30, max: 3000 }),
        (s, bin, period) => {
          const r = simulate({ ...s, reportBinSeconds: bin, routing: { ...s.routing, periodSeconds: period } });
          expectSame(r.endTime === s.horizon || r.endTime % bin === 0, true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is the end of the bin of the last arrival when everyone arrives (property)', () => {
    fc.assert(
      fc.property(arbitraryScenario(), fc.integer({ min: 60, max: 7200 }), (s, bin) => {
        const r = simulate({ ...s, reportBinSeconds: bin });
        if (r.endTime === s.horizon || r.log.length === 0) return;
        const last = r.log.time[r.log.length - 1];
        expectSame(r.endTime, Math.max(1, Math.ceil(last / bin)) * bin);
      }),
      { numRuns: 150 },
    );
  });

  //   town ──3 km, 36 km/h (300 s)──► out; 10 cars of 2 ready at 3,000 s, one a second.
  it('ends with the bin of the last arrival, not the bin of the checks its queue asked for', () => {
    const s = scenario({ nodes: ['town', 'out'], households: { size: 2, carShare: 1 }, orders: [order(['town'], { at: 3000 })] });
    s.network.roads = [road('r', 'town', 'out', { lengthKm: 3, speedKmh: 36, capacityVehPerHour: 3600 })];
    s.settlements = [settlement('town', 'town', 20)];
    s.shelters = [exit('out', 'out')];
    // The last car leaves at 3,009 s and arrives at 3,309 s: the first hour's bin.
    expect(simulate(s).endTime).toBe(3600);
    expect(simulate({ ...s, reportBinSeconds: 100, orders: [order(['town'])] }).endTime).toBe(400);
  });
});
