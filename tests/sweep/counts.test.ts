// Counts of runs, points, replications and parameters in what a sweep prints
// and writes are singular for one ("1 point × 1 replication = 1 run", not "1 runs").
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationMarkdown } from '../../src/sweep/calibration.js';
import { checkDesignCounts } from '../../src/sweep/design.js';
import { cli } from '../helpers/cli.js';

const ONE = ['sweep', 'scenarios/bottleneck.json', '--set', 'households.carShare=0.8', '--replications', '1', '--workers', '0'];

describe('a sweep of one point and one replication', () => {
  it('--dry-run counts 1 point × 1 replication = 1 run', async () => {
    const r = await cli(...ONE, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('sweep of bottleneck: grid, 1 point × 1 replication = 1 run; seed 1');
  });

  it('its run says 1/1 run done', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'evacsim-counts-')), 'sweep');
    const r = await cli(...ONE, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^sweep of bottleneck: 1\/1 run done \(1 new in /);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('1 parameter point × 1 replication = 1 run');
  });
});

describe('counts of one elsewhere', () => {
  it('a design above the run limit with one parameter and one replication', () => {
    expect(() => checkDesignCounts('morris', 1, null, 1e9, 1)).toThrow(
      'trajectories 1000000000 × (1 parameter + 1) = 2,000,000,000 points × 1 replication = 2,000,000,000 runs, above the limit of 10,000,000',
    );
  });

  it('a calibration of one run', () => {
    expect(calibrationMarkdown({ runs: 1, accepted: [], rate: 0, ranges: [] })).toContain('0 of 1 run met every target of the scenario');
  });
});
