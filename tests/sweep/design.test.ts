// Designs: full grids, Latin hypercubes (one sample per stratum on every axis),
// and run seeds that depend only on the sweep seed, the point and the replication.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { planSweep, resolveDesign, runRef, type SweepDesign } from '../../src/sweep/design.js';
import { latinHypercube } from '../../src/sweep/lhs.js';
import { runSeed } from '../../src/sweep/seeds.js';
import { inShard, parseShard, shardRuns } from '../../src/sweep/shard.js';

const plan = (design: SweepDesign, scenarioSeed = 1) => planSweep(resolveDesign(design, scenarioSeed));

describe('grid designs', () => {
  it('hold every combination, the first parameter varying slowest', () => {
    const p = plan({ parameters: [{ path: 'a', values: '1:3:1' }, { path: 'b', values: 'x,y' }], replications: 2 });
    expect(p.points).toEqual([[1, 'x'], [1, 'y'], [2, 'x'], [2, 'y'], [3, 'x'], [3, 'y']]);
    expect(p.runs).toBe(12);
  });

  it('without parameters are one point: replications of the scenario as it is', () => {
    const p = plan({ parameters: [], replications: 5 });
    expect(p.points).toEqual([[]]);
    expect(p.runs).toBe(5);
  });

  it('take lists of values as given by the library', () => {
    expect(plan({ parameters: [{ path: 'a', values: [0.5, 'x', true] }] }).points).toEqual([[0.5], ['x'], [true]]);
  });

  it('refuse a parameter given twice, a bad count and an unknown design', () => {
    expect(() => plan({ parameters: [{ path: 'a', values: '1' }, { path: 'a', values: '2' }] })).toThrow(/given twice/);
    expect(() => plan({ parameters: [], replications: 0 })).toThrow(InputError);
    expect(() => plan({ parameters: [], replications: 1.5 })).toThrow(/whole number/);
    expect(() => plan({ parameters: [], kind: 'lhs' })).toThrow(/at least one parameter/);
    expect(() => plan({ parameters: [], kind: 'taguchi' as 'lhs' })).toThrow(/grid, lhs, points, sobol or morris/);
    expect(() => plan({ parameters: [{ path: 'seed', values: '1,2' }] })).toThrow(/parameter seed \(a --set, --free or a design file's column\): run seeds derive from the sweep seed; give it with --seed/);
  });

  it('refuse, from code, a design that is not an object of parameters, a commonSeeds that is not a boolean, and a count given as text', () => {
    for (const design of [null, undefined, 7, { parameters: null }, {}]) {
      expect(() => resolveDesign(design as unknown as SweepDesign, 1)).toThrow(new InputError(`a sweep design must be an object with a list of parameters, got ${JSON.stringify(design)}`));
    }
    expect(() => plan({ parameters: [], commonSeeds: 'false' as unknown as boolean })).toThrow(new InputError('commonSeeds must be true or false, got "false"'));
    expect(() => plan({ parameters: [], replications: '3' as unknown as number })).toThrow(new InputError('replications must be a whole number of at least 1, got "3"'));
  });

  it('refuse a Morris or Sobol design of more runs than a sweep holds before drawing it', () => {
    // --trajectories 1e9 drew points for minutes (sweep --dry-run never ended), to be refused by the run count after
    const started = performance.now();
    expect(() => resolveDesign({ parameters: [{ path: 'a', values: '0:1' }], kind: 'morris', trajectories: 1e9 }, 1)).toThrow(
      'trajectories 1000000000 × (1 parameter + 1) = 2,000,000,000 points × 1 replication = 2,000,000,000 runs, above the limit of 10,000,000',
    );
    expect(() => resolveDesign({ parameters: [{ path: 'a', values: '0:1' }, { path: 'b', values: '0:1' }], kind: 'sobol', samples: 1_000_000, replications: 3 }, 1)).toThrow(
      'samples 1000000 × (2 parameters + 2) = 4,000,000 points × 3 replications = 12,000,000 runs, above the limit of 10,000,000',
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(plan({ parameters: [{ path: 'a', values: '0:1' }], kind: 'morris', trajectories: 5 }).runs).toBe(10);
  });

  it('fill the defaults: one replication, the scenario seed, common seeds, the default metrics', () => {
    expect(resolveDesign({ parameters: [] }, 2024, ['people.evacuated'])).toEqual({
      kind: 'grid',
      parameters: [],
      samples: null,
      trajectories: null,
      points: null,
      replications: 1,
      seed: 2024,
      commonSeeds: true,
      metrics: ['people.evacuated'],
    });
    expect(resolveDesign({ parameters: [{ path: 'a', values: '0:1' }, { path: 'b', values: '0:1' }], kind: 'lhs' }, 1).samples).toBe(20);
  });
});

describe('Latin hypercube designs', () => {
  it('put exactly one sample in each of the n strata of every axis (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 5 }), fc.nat(), (n, k, seed) => {
        const points = latinHypercube(n, k, seed);
        expect(points.length).toBe(n);
        for (let d = 0; d < k; d++) {
          const strata = points.map((p) => Math.floor(p[d] * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
    );
  });

  it('map each parameter range so that its samples fall one per stratum of the range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.nat(), (n, seed) => {
        const p = plan({ kind: 'lhs', samples: n, seed, parameters: [{ path: 'a', values: '0.5:0.9' }, { path: 'b', values: '10:20' }] });
        for (const [d, [from, to]] of [[0.5, 0.9], [10, 20]].entries()) {
          const strata = p.points.map((pt) => Math.min(n - 1, Math.floor((((pt[d] as number) - from) / (to - from)) * n))).sort((x, y) => x - y);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
    );
  });

  it('are the same for the same seed and differ for another', () => {
    const design: SweepDesign = { kind: 'lhs', samples: 10, parameters: [{ path: 'a', values: '0:1' }], seed: 7 };
    expect(plan(design).points).toEqual(plan(design).points);
    expect(plan({ ...design, seed: 8 }).points).not.toEqual(plan(design).points);
  });

  it('snap stepped ranges to their grid and draw list values evenly', () => {
    const p = plan({ kind: 'lhs', samples: 30, seed: 3, parameters: [{ path: 'n', values: '100:200:10' }, { path: 'k', values: 'a,b,c' }] });
    for (const [n, k] of p.points) {
      expect(Number.isInteger(n)).toBe(true);
      expect((n as number) % 10).toBe(0);
      expect(['a', 'b', 'c']).toContain(k);
    }
    const counts = ['a', 'b', 'c'].map((v) => p.points.filter((pt) => pt[1] === v).length);
    expect(counts).toEqual([10, 10, 10]);
  });

  it('draw every level of a stepped range equally often, the end levels included', () => {
    const p = plan({ kind: 'lhs', samples: 300, seed: 9, parameters: [{ path: 'n', values: '1:3:1' }] });
    expect([1, 2, 3].map((v) => p.points.filter(([n]) => n === v).length)).toEqual([100, 100, 100]);
  });

  it('keep the unit of duration ranges', () => {
    const p = plan({ kind: 'lhs', samples: 4, seed: 1, parameters: [{ path: 'm', values: '1h:5h' }] });
    for (const [m] of p.points) expect(m).toMatch(/^\d+(\.\d+)?h$/);
  });
});

describe('run seeds', () => {
  it('depend only on the sweep seed, the point and the replication, whatever order runs are made in (property)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat({ max: 100 }), fc.nat({ max: 100 })), { minLength: 1, maxLength: 30 }), (seed, order) => {
        const forward = order.map(([point, r]) => runSeed(seed, point, r));
        const backward = [...order].reverse().map(([point, r]) => runSeed(seed, point, r)).reverse();
        expect(backward).toEqual(forward);
        for (const s of forward) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 31).toBe(true);
      }),
    );
  });

  it('differ between the runs of a sweep and between sweep seeds', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => runSeed(7, i % 40, Math.floor(i / 40))));
    expect(seeds.size).toBe(1000);
    expect(runSeed(8, 0, 0)).not.toBe(runSeed(7, 0, 0));
  });

  it('number runs replication by replication, points inside, so more replications only add runs', () => {
    const p = plan({ parameters: [{ path: 'a', values: '1,2' }], replications: 3, seed: 5, commonSeeds: false });
    expect(runRef(p, 3)).toEqual({ run: 3, point: 1, replication: 1, seed: runSeed(5, 1, 1) });
    const more = plan({ parameters: [{ path: 'a', values: '1,2' }], replications: 7, seed: 5, commonSeeds: false });
    for (let run = 0; run < p.runs; run++) expect(runRef(more, run)).toEqual(runRef(p, run));
  });

  it('with common seeds (the default), give replication r the same seed at every point', () => {
    const p = plan({ parameters: [{ path: 'a', values: '1,2,3' }], replications: 2, seed: 5 });
    expect([0, 1, 2].map((point) => runRef(p, 3 + point).seed)).toEqual([runSeed(5, null, 1), runSeed(5, null, 1), runSeed(5, null, 1)]);
    expect(runRef(p, 0).seed).not.toBe(runRef(p, 3).seed);
  });
});

describe('shards', () => {
  it('split the runs into disjoint shares that together hold every run (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 500 }), fc.integer({ min: 1, max: 12 }), (total, count) => {
        const shards = Array.from({ length: count }, (_, index) => shardRuns(total, { index, count }));
        const all = shards.flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: total }, (_, i) => i));
        // Each in order, each run where inShard puts it, and sizes within one of each other.
        shards.forEach((runs, index) => {
          expect(runs).toEqual([...runs].sort((a, b) => a - b));
          for (const run of runs) expect(inShard(run, { index, count })).toBe(true);
        });
        const sizes = shards.map((runs) => runs.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('give every shard points from across the design, also when the points share a factor with the shards', () => {
    const pointsOf = (points: number, replications: number, count: number) =>
      Array.from({ length: count }, (_, index) => new Set(shardRuns(points * replications, { index, count }).map((run) => run % points)).size);
    // Ten points, three replications, ten shards: three points each (one each, by run mod 10).
    expect(pointsOf(10, 3, 10)).toEqual(Array(10).fill(3));
    // Six points on two shards: all six each (three of one half, by run mod 2).
    expect(pointsOf(6, 3, 2)).toEqual([6, 6]);
    // Twenty points, twenty replications, ten shards: ten points each, not two.
    expect(pointsOf(20, 20, 10)).toEqual(Array(10).fill(10));
  });
});

describe('parseShard', () => {
  it('reads INDEX/COUNT with INDEX from 0', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 0 / 1 ')).toEqual({ index: 0, count: 1 });
  });

  it.each(['3/3', '1/0', '-1/2', 'a/b', '1', '1/2/3'])('rejects %j', (text) => {
    expect(() => parseShard(text)).toThrow(InputError);
  });
});
