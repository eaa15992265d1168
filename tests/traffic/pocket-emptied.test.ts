// A lane head that waits in the lane because the turn pocket held another turn steps into
// the pocket as soon as it empties, and lets the vehicles behind it pass.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { compileScenario } from '../../src/network/compile.js';
import { slowFork as fork } from '../helpers/pocket-fork.js';

// The slow fork: tests/helpers/pocket-fork.ts.
describe('a turn pocket that empties', () => {
  it('takes the lane head that waited beside it, and the cars behind pass', () => {
    // 100 s: car 0 enters toX (the next may at 1,100 s). 101 s: car 1 enters toS (next at
    // 111 s). 102 s: car 2, for S, steps into the pocket. 103 s: car 3, for X, finds the
    // pocket holding the S turn and waits in the lane, holding cars 4–11. 111 s: car 2
    // enters toS and the pocket is empty: car 3 steps into it one exit headway later (112 s),
    // car 4 (X) joins it, and car 5 (S) enters toS at 121 s, cars 7 and 8 at 131 and 141 s.
    // Before, car 3 stood in the lane until its next look, `stuckSeconds` (600 s) after it
    // began to wait, and cars 5, 7 and 8 entered toS at 705, 715 and 725 s.
    const net = compileScenario(fork);
    const toS = net.linkIndex.get('toS') as number;
    const entries: number[] = [];
    simulate(fork, { network: net, trace: (l, _v, t, entering) => { if (entering && l === toS) entries.push(t); } });
    expect(entries).toEqual([101, 111, 121, 131, 141]);
  });
});
