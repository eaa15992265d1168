// Times in the written summary are whole milliseconds: the same rounding the CSV
// files apply, so summary.json, run --json, settlements.csv and the text agree, and
// no float noise (1000.1999999999999) reaches a file. Shares keep full precision.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/report/summary.js';
import { settlementsCsv } from '../../src/report/csv.js';
import { toMillisecond } from '../../src/report/millisecond.js';
import {
  BUSES, Departed, Evacuated, Stayed, Told, makeResult, makeScenario, settlement, target,
} from './fixtures.js';

// Alpha told at 0.1 s, its last person out at 1000.3 s: 1000.3 − 0.1 is 1000.1999999999999 in binary floating point.
const rows = [
  [0.1, Told, 0, 10],
  [0.1, Stayed, 0, 0],
  [1.0004, Departed, 0, 10],
  [400.1234567, Evacuated, 0, 5, 1],
  [1000.3, Evacuated, 0, 5, 1],
] as const;

const result = makeResult(rows.map((r) => [...r]), {
  settlements: [{ ...settlement('a', 'Alpha', 'North', 'Kursk', 10), capturedAt: 2000.0004999 }],
  fleets: [{ ...BUSES, meanWaitSeconds: 123.45678, maxWaitSeconds: 1000 / 3, utilisation: 1 / 3, firstLostAt: 7.0000001 }],
  gridlocks: [{ time: 60.00049, links: ['a'] }],
  endTime: 3600,
});

describe('summary times', () => {
  it('are rounded to the millisecond, with clearanceAfterOrder the difference of the two written times', () => {
    const s = summarize(result, makeScenario({ targets: [target({ metric: 'clearance.p100', max: 2000 }), target({ metric: 'fleets.buses.utilisation', min: 0.3 })] }));
    expect(s.clearance).toEqual({ p50: 400.123, p90: 1000.3, p95: 1000.3, p100: 1000.3 });
    expect(s.settlements[0]).toMatchObject({ orderedAt: 0.1, clearance: 1000.3, clearanceAfterOrder: 1000.2, capturedAt: 2000 });
    expect(s.fleets[0]).toMatchObject({ meanWaitSeconds: 123.457, maxWaitSeconds: 333.333, utilisation: 1 / 3, firstLostAt: 7 });
    expect(s.gridlocks).toEqual([{ time: 60, links: ['a'] }]);
    expect(s.targets.map((t) => t.actual)).toEqual([1000.3, 1 / 3]);
    expect(settlementsCsv(s.settlements).split('\n')[1]).toBe('a,Alpha,North,Kursk,10,10,10,0,0,0,0,1000.3,2000,0.1,1000.2,');
  });

  it('leave whole seconds and null alone, and round as the CSV files do', () => {
    expect(toMillisecond(3600)).toBe(3600);
    expect(toMillisecond(0.0005)).toBe(0.001);
    expect(toMillisecond(1000.1999999999999)).toBe(1000.2);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (t) => {
        const ms = toMillisecond(t);
        expect(Math.abs(ms - t)).toBeLessThanOrEqual(0.0005 + 1e-9 * t);
        expect(toMillisecond(ms)).toBe(ms);
        expect(String(ms)).toMatch(/^\d+(\.\d{1,3})?$/);
      }),
    );
  });
});
