// When a run ends before its horizon (nothing can happen any more), it ends with the
// report bin of its last event: at a multiple of reportBinSeconds, whatever the period
// of the routing refresh, which goes on beside the bins and never ends a run.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { expectSame } from '../helpers/loop-expect.js';

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
});
