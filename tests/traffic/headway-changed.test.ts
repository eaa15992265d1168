// A capacity that rises while a head waits out the old headway at a link's exit: the
// head's event is asked for again from the new headway, whether it stands in the link's
// lane or in its turn pocket (whose vehicles leave through the same exit).
import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/engine/clock.js';
import { compileScenario } from '../../src/network/compile.js';
import { enterQueue, headwayChanged, popHead, stepAside } from '../../src/traffic/links.js';
import { TrafficState } from '../../src/traffic/state.js';
import { road, scenario } from '../helpers/build.js';

function twoLaneLink(): TrafficState {
  const s = scenario({ nodes: ['a', 'b'], network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }], roads: [road('ab', 'a', 'b', { lanes: 2 })] } });
  const tr = new TrafficState(compileScenario(s), new Clock(), s.routing, 10, 0);
  tr.headway[0] = 60;
  return tr;
}

describe('headwayChanged', () => {
  it('asks again for the lane head waiting out the old headway', () => {
    const tr = twoLaneLink();
    for (const v of [0, 1, 2]) enterQueue(tr, v, 0);
    // The head event that lets the first vehicle go is being handled (as onHead does).
    tr.pendingTime[0] = Infinity;
    popHead(tr, 0);
    expect(tr.pendingTime[0]).toBe(60);
    tr.headway[0] = 6;
    headwayChanged(tr, 0);
    expect(tr.pendingTime[0]).toBe(6);
  });

  it('asks again for the turn pocket head waiting out the old headway', () => {
    const tr = twoLaneLink();
    for (const v of [0, 1, 2]) enterQueue(tr, v, 0);
    stepAside(tr, 0, tr.firstPocket);
    stepAside(tr, 0, tr.firstPocket);
    const pocket = tr.firstPocket;
    popHead(tr, pocket);
    expect(tr.pendingTime[pocket]).toBe(60);
    tr.headway[0] = 6;
    headwayChanged(tr, 0);
    expect(tr.pendingTime[pocket]).toBe(6);
  });
});
