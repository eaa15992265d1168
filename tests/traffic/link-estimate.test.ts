// The adaptive estimate of a link counts every vehicle that will leave through its exit
// before a newcomer: those in its lane, those standing aside in its turn pocket (they
// keep the link's exit headway), and those bound for it; less the part of their
// discharge that will be over when the newcomer gets there.
import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/engine/clock.js';
import { compileScenario } from '../../src/network/compile.js';
import { enterQueue, stepAside } from '../../src/traffic/links.js';
import { linkEstimate } from '../../src/traffic/choice.js';
import { TrafficState } from '../../src/traffic/state.js';
import { refreshEstimates } from '../../src/traffic/estimates.js';
import { road, scenario } from '../helpers/build.js';

function twoLaneLink(): TrafficState {
  const s = scenario({ nodes: ['a', 'b'], network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }], roads: [road('ab', 'a', 'b', { lanes: 2 })] } });
  const tr = new TrafficState(compileScenario(s), new Clock(), s.routing, 10, 0);
  tr.headway[0] = 10;
  tr.freeTime[0] = 5;
  return tr;
}

/** The link as the narrow road of the two-route case: 6 s headway, 600 s free-flow, 21 cars entered 6 s apart by 120 s, 99 bound for it. */
function fillingRoad(tr: TrafficState): TrafficState {
  tr.headway[0] = 6;
  tr.freeTime[0] = 600;
  for (let v = 0; v <= 20; v++) {
    tr.clock.now = 6 * v;
    enterQueue(tr, v, 0);
  }
  tr.bound[0] = 99;
  return tr;
}

describe('linkEstimate', () => {
  it('counts the vehicles in the lane, in the turn pocket and bound for the link', () => {
    const tr = twoLaneLink();
    expect(tr.hasPocket[0]).toBe(1);
    for (const v of [0, 1, 2, 3]) enterQueue(tr, v, 0);
    expect(linkEstimate(tr, 0)).toBe((4 + 1) * 10);
    // The head waits for a blocked turn beside the lane: still ahead of a newcomer at the exit.
    stepAside(tr, 0, tr.firstPocket);
    stepAside(tr, 0, tr.firstPocket);
    expect(tr.count[0]).toBe(2);
    expect(linkEstimate(tr, 0)).toBe((4 + 1) * 10);
    tr.bound[0] = 3;
    expect(linkEstimate(tr, 0)).toBe((4 + 3 + 1) * 10);
    // A vehicle 30 s from the link: 30 s of that discharge will be over when it gets there.
    expect(linkEstimate(tr, 0, 30)).toBe((4 + 3 + 1) * 10 - 30);
    // Never below the free-flow time (5 s).
    expect(linkEstimate(tr, 0, 1000)).toBe(5);
  });

  it('bounds a road still filling by its entries: one a headway after the last, then the free-flow time', () => {
    // The narrow road of the two-route case (10 min, 600 veh/h): 21 cars entered at 0, 6, …,
    // 120 s, none has left, and 99 more are bound for it. At 120 s the discharge of those
    // ahead ends (21 + 99 + 1)·6 = 726 s from now; but a newcomer enters no sooner than
    // 120 + (99 + 1)·6 = 720 s, one headway after each car bound for it, and leaves 600 s
    // after that: 1,200 s from now (726 s without the entry bound).
    const tr = fillingRoad(twoLaneLink());
    expect(linkEstimate(tr, 0)).toBe(1200);
    // 60 s from the link: entry still at 720 s, 60 s of the wait over when it gets there.
    expect(linkEstimate(tr, 0, 60)).toBe(1140);
    // Past the entries of those bound for it: free-flow again.
    expect(linkEstimate(tr, 0, 900)).toBe(600);
    // The trees price it the same way, for a vehicle at the link's start (no road leads in).
    tr.roadCost[0] = 600;
    refreshEstimates(tr);
    expect(tr.roadEstimate[0]).toBe(1200);
  });

  it('with a capacity drop, spaces the entries of the vehicles bound for it as a queue enters: C·(1 − d)', () => {
    // The filling road above at d = 0.2: each of the 99 cars bound for it holds the next
    // entry 6·0.2/0.8 = 1.5 s longer, so the newcomer enters at 120 + 100·6 + 99·1.5 =
    // 868.5 s and leaves 600 s later: 1,348.5 s from now (1,200 s counting C).
    const tr = twoLaneLink();
    tr.setCapacityDrop(0.2);
    fillingRoad(tr);
    expect(linkEstimate(tr, 0)).toBe(1348.5);
    // Nobody bound for it: no queue to take from, the next entry a plain headway away.
    tr.bound[0] = 0;
    expect(linkEstimate(tr, 0)).toBe(6 + 600);
  });

  it('is the free-flow time on an empty link', () => {
    const tr = twoLaneLink();
    expect(linkEstimate(tr, 0)).toBe(10);
    tr.headway[0] = 1;
    expect(linkEstimate(tr, 0)).toBe(5);
  });

  it('prices a link on the trees for a vehicle one road into its start away: the shortest such road', () => {
    // Two roads into a (from y: 20 s, from z: 8 s) and the link ab (5 s) out of it.
    const s = scenario({
      nodes: ['a', 'b', 'y', 'z'],
      network: {
        nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }, { id: 'y', x: -1000, y: 0 }, { id: 'z', x: 0, y: -1000 }],
        roads: [road('ab', 'a', 'b', { lanes: 2 }), road('ya', 'y', 'a'), road('za', 'z', 'a')],
      },
    });
    const net = compileScenario(s);
    const tr = new TrafficState(net, new Clock(), s.routing, 20, 0);
    const [ab, ya, za] = ['ab', 'ya', 'za'].map((id) => net.linkIndex.get(id) as number);
    for (const [l, t] of [[ab, 5], [ya, 20], [za, 8]]) {
      tr.freeTime[l] = t;
      tr.roadCost[l] = t;
    }
    tr.headway[ab] = 2;
    for (let v = 0; v < 10; v++) enterQueue(tr, v, ab);
    stepAside(tr, ab, tr.pocketsOf(ab)[0]);
    tr.bound[ab] = 2;
    refreshEstimates(tr);
    // 10 on the link and 2 bound for it, one headway (2 s) each, less the 8 s of the shortest road into a.
    expect(tr.roadEstimate[ab]).toBe(24 - 8);
    // The shorter road closes: the lead is the other one's 20 s, and the queue is gone by then.
    tr.roadCost[za] = Infinity;
    tr.roadEstimate[ab] = 0;
    refreshEstimates(tr);
    expect(tr.roadEstimate[ab]).toBe(5);
    // Nothing leads into the link's start (an origin's own first road): no lead at all.
    const alone = twoLaneLink();
    alone.headway[0] = 2;
    alone.roadCost[0] = 5;
    for (let v = 0; v < 10; v++) enterQueue(alone, v, 0);
    alone.bound[0] = 2;
    refreshEstimates(alone);
    expect(alone.roadEstimate[0]).toBe(24);
  });
});
