// A capture while cars stand in a turn pocket: every car is lost with its link or goes on,
// none is left behind in the pocket, and the people of the lost ones are trapped.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { summarize } from '../../src/report/summary.js';
import { compileScenario } from '../../src/network/compile.js';
import { slowFork } from '../helpers/pocket-fork.js';

/** The slow fork with `node` captured at 150 s: the lost cars ("link:car"), arrivals and people. */
function capturedAt150(node: string) {
  const s = { ...slowFork, hazards: [{ kind: 'capture' as const, settlements: [], nodes: [node], at: 150 }] };
  const net = compileScenario(s);
  const lost: string[] = [];
  const r = simulate(s, { network: net, trace: (l, v, _t, _entering, gone) => { if (gone) lost.push(`${net.linkIds[l]}:${v}`); } });
  const { people, clearance } = summarize(r, s);
  return { lost, arrived: r.vehicles.arrived, people, last: clearance.p100 };
}

// At 150 s (tests/helpers/pocket-fork.ts, tests/traffic/pocket-emptied.test.ts): cars 0 (toX,
// in at 100 s) and 1, 2, 5, 7, 8 (toS, in at 101–141 s) drive the 100 s of their last road;
// the X cars 3, 4, 6, 9, 10, 11 stand in `in`'s pocket (toX takes the next at 1,100 s),
// and `in`'s lane is empty (the last car reached f at 111 s).
describe('a capture with cars in a turn pocket', () => {
  it('of the fork node loses the pocket\'s cars with `in` and the others with their roads', () => {
    const { lost, arrived, people } = capturedAt150('f');
    // Link by link in the order of their ids, whatever the order the roads are listed in.
    expect(lost).toEqual(['in:3', 'in:4', 'in:6', 'in:9', 'in:10', 'in:11', 'toS:1', 'toS:2', 'toS:5', 'toS:7', 'toS:8', 'toX:0']);
    expect(arrived).toBe(0);
    expect([people.trapped, people.evacuated, people.waiting, people.inTransit]).toEqual([12, 0, 0, 0]);
  });

  it('of the link\'s tail loses the pocket\'s cars; those past the fork arrive', () => {
    // `in` starts at o: its pocket's 6 cars are lost. Car 0 reaches X at 200 s, the S cars
    // S at 201, 211, 221, 231 and 241 s.
    const { lost, arrived, people, last } = capturedAt150('o');
    expect(lost).toEqual(['in:3', 'in:4', 'in:6', 'in:9', 'in:10', 'in:11']);
    expect(arrived).toBe(6);
    expect(last).toBe(241);
    expect([people.trapped, people.evacuated, people.waiting, people.inTransit]).toEqual([6, 6, 0, 0]);
  });
});
