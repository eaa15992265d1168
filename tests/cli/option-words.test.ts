// Counts and seeds given to sweep, calibrate and ete are refused in the words of
// the option as typed (`--samples must be …`, not `samples must be …`), with the
// same range for --seed as run's; options that do nothing in the combination
// given are refused rather than ignored.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const TOWNS = 'scenarios/two-towns.json';
const SET = ['--set', 'households.carShare=0.6,0.8', '--dry-run', '--workers', '0'];
const SEED = (seed: string) => `evacsim: --seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${seed}\n`;

describe('option words', () => {
  it.each([
    [['sweep', TOWNS, ...SET, '--replications', '0'], 'evacsim: --replications must be a whole number of at least 1, got 0\n'],
    [['sweep', TOWNS, ...SET, '--design', 'lhs', '--samples', '0'], 'evacsim: --samples must be a whole number of at least 1, got 0\n'],
    [['sweep', TOWNS, ...SET, '--method', 'sobol', '--samples', '1'], 'evacsim: --samples must be a whole number of at least 2, got 1\n'],
    [['sweep', TOWNS, ...SET, '--method', 'morris', '--trajectories', '1.5'], 'evacsim: --trajectories must be a whole number of at least 2, got 1.5\n'],
    [['sweep', TOWNS, ...SET, '--seed', '1.5'], SEED('1.5')],
    [['sweep', TOWNS, ...SET, '--design', 'lhs', '--samples', '2000000'], 'evacsim: --samples must be at most 1000000, got 2000000\n'],
    [['sweep', TOWNS, ...SET, '--method', 'morris', '--trajectories', '1e9'], 'evacsim: --trajectories 1000000000 × (1 parameter + 1) = 2,000,000,000 points × 1 replication = 2,000,000,000 runs, above the limit of 10,000,000\n'],
    [['sweep', TOWNS, ...SET, '--method', 'sobol', '--samples', '1000000', '--replications', '4'], 'evacsim: --samples 1000000 × (1 parameter + 2) = 3,000,000 points × 4 replications = 12,000,000 runs, above the limit of 10,000,000\n'],
    [['calibrate', TOWNS, '--free', 'households.carShare=0.5:0.9', '--dry-run', '--workers', '0', '--samples', '2000000'], 'evacsim: --samples must be at most 1000000, got 2000000\n'],
    [['calibrate', TOWNS, '--free', 'households.carShare=0.5:0.9', '--dry-run', '--workers', '0', '--samples', '0'], 'evacsim: --samples must be a whole number of at least 1, got 0\n'],
    [['calibrate', TOWNS, '--free', 'households.carShare=0.5:0.9', '--dry-run', '--workers', '0', '--seed', '-1'], SEED('-1')],
    [['ete', TOWNS, '--seed', '-1'], SEED('-1')],
    [['run', TOWNS, '--seed', '-1'], SEED('-1')],
    // past 2^53 the number reads rounded (100000000000000000000): the message quotes the text given
    [['run', TOWNS, '--seed', '99999999999999999999'], SEED('99999999999999999999')],
    [['sweep', TOWNS, ...SET, '--seed=99999999999999999999'], SEED('99999999999999999999')],
    [['ete', TOWNS, '--seed', '1.50'], SEED('1.50')],
    [['generate', 'grid', '--people', '10', '--seed', '99999999999999999999'], SEED('99999999999999999999')],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect([r.code, r.err, r.out]).toEqual([2, message, '']);
  });

  it('sweep --max-replications without --ci-width is refused (it was ignored)', async () => {
    const r = await cli('sweep', TOWNS, ...SET, '--max-replications', '-3');
    expect([r.code, r.err]).toEqual([2, 'evacsim: --max-replications is the cap of --ci-width; give it with --ci-width\n']);
  });

  it('sweep --ci-width without --max-replications caps at 200', async () => {
    const r = await cli('sweep', TOWNS, ...SET, '--ci-width', '1', '--replications', '201');
    expect([r.code, r.err]).toEqual([2, 'evacsim: --max-replications 200 is below --replications 201; --ci-width adds replications up to the cap, so give a cap of at least 201\n']);
  });

  it('sweep --ci-width with a cap the run limit does not allow is refused before any run (it stopped half-way)', async () => {
    const r = await cli('sweep', TOWNS, ...SET, '--ci-width', '10', '--max-replications', '1e9');
    expect([r.code, r.err, r.out]).toEqual([2, 'evacsim: --max-replications 1000000000 × 2 points = 2,000,000,000 runs, above the limit of 10,000,000; give a cap of at most 5000000\n', '']);
  });

  it.each([['district'], ['rings:5km@junction']])('ete --zones %s twice is refused (the zones were repeated under prefixed names)', async (spec) => {
    const r = await cli('ete', TOWNS, '--zones', spec, '--zones', spec);
    expect([r.code, r.err, r.out]).toEqual([2, `evacsim: --zones ${spec} is given twice; give each zone spec once\n`, '']);
  });

  it('ete --zones district and settlement together still work', async () => {
    const r = await cli('ete', TOWNS, '--zones', 'district', '--zones', 'settlement', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).zones).toEqual(['all', 'North', 'South', 'north', 'south']);
  });
});
