// A run that gridlocked says so after it, as run, validate, the report and the explorer
// print their warnings: when the first ring locked, its links in ring order, and how many
// locked in all.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { gridlockReplications, gridlockWarnings } from '../../src/check/gridlock-warning.js';
import { runEteStudy } from '../../src/ete/study.js';
import { runWarnings } from '../../src/check/run-warnings.js';
import { unfinishedAtHorizon } from '../../src/check/unfinished.js';
import type { SimulationResult } from '../../src/result.js';
import { ring } from '../helpers/gridlock-ring.js';

// The ring of tests/helpers/gridlock-ring.ts: under seed 4 it locks at 1,122.6 s.
describe('the gridlock warning', () => {
  it('names the first ring, when it locked and its links, from the run', () => {
    const result = simulate(ring);
    const [g] = result.gridlocks;
    expect(g.time).toBeCloseTo(1122.6, 6);
    const warning = {
      path: 'network.roads',
      message: `the run gridlocked at 18m 43s (1,123 s): a ring of 4 full links, ${g.links.map((l) => `"${l}"`).join(', ')}, ` +
        'whose heads each wait for the next, and nothing on it moves until the network changes; ' +
        'give the ring a way out, more capacity or storage, or keep traffic from turning back into it',
    };
    expect(gridlockWarnings(result)).toEqual([warning]);
    // The report's and explorer's list, and validate's run, end with it.
    expect(runWarnings(ring, result).at(-1)).toEqual(warning);
    expect(unfinishedAtHorizon(ring).at(-1)).toEqual(warning);
  });

  it('counts the others, and says nothing of a run without any', () => {
    const result = simulate(ring);
    const three: SimulationResult = { ...result, gridlocks: [result.gridlocks[0], { time: 9000, links: ['ab', 'bc'] }, { time: 9500, links: ['cd'] }] };
    expect(gridlockWarnings(three)[0].message).toContain("at 18m 43s (1,123 s), the first of 3 (all in the summary's gridlocks): a ring of 4 full links");
    const many: SimulationResult = { ...result, gridlocks: [{ time: 60, links: Array.from({ length: 10 }, (_, i) => `l${i}`) }] };
    expect(gridlockWarnings(many)[0].message).toContain('a ring of 10 full links, "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", …, whose');
    expect(gridlockWarnings({ ...result, gridlocks: [] })).toEqual([]);
  });

  it('is said of an ETE variant: of its run, or of how many of its replications locked', () => {
    const study = runEteStudy([{ name: 'ring', scenario: ring }], { zones: [{ kind: 'district' }] });
    const [g] = simulate(ring).gridlocks;
    const links = g.links.map((l) => `"${l}"`).join(', ');
    expect(study.unfinished.at(-1)?.message).toBe(
      `the run of variant "ring" gridlocked at 18m 43s (1,123 s): a ring of 4 full links, ${links}, whose heads each wait for the next, ` +
        'and nothing on it moves until the network changes; give the ring a way out, more capacity or storage, or keep traffic from turning back into it',
    );
    const some = gridlockReplications('ring', [[], [g], [g, { time: 9000, links: ['ab'] }]]);
    expect(some[0].message).toMatch(/^in 2 of 3 replications of variant "ring" the run gridlocked at 18m 43s \(1,123 s\): a ring of 4 full links/);
    expect(gridlockReplications('ring', [[], []])).toEqual([]);
  });
});
