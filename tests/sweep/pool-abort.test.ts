// A sweep aborted by its caller (onRow throws: the journal cannot be written) stops
// its worker threads without reporting the runs they held as failed runs: no line
// in failures.jsonl and no "run N failed" for a run nobody let finish.
import { describe, expect, it } from 'vitest';
import { prepareSweep } from '../../src/sweep/sweep.js';
import { runPool, type RunFailure } from '../../src/sweep/pool.js';
import type { SweepDesign } from '../../src/sweep/design.js';
import { sweepFile } from './fixtures.js';

const design: SweepDesign = { parameters: [{ path: 'households.carShare', values: '0.6,0.7,0.8,0.9' }], replications: 2, seed: 7 };

describe('a sweep aborted by its caller', () => {
  it.each([0, 2])('rejects with the caller\'s error and reports no failed run (%i workers)', async (workers) => {
    const raw = sweepFile();
    const plan = prepareSweep(raw, design);
    const failures: RunFailure[] = [];
    let rows = 0;
    const stop = new Error('cannot write runs.jsonl: no space left on the device');
    const pool = runPool(raw, plan, [0, 1, 2, 3, 4, 5, 6, 7], workers, () => { rows++; throw stop; }, (f) => { failures.push(f); });
    await expect(pool).rejects.toBe(stop);
    expect(rows).toBe(1);
    expect(failures).toEqual([]);
  });
});
