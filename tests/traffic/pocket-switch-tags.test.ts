// The node model's tags when a departure pocket's head, admitted to its first link, chooses
// another one as it may go (`Traffic.stillChooses`): nothing entered the link, so neither
// the pocket's tags nor the link's virtual time may move. Before, the pick spent the tag
// first: the link's virtual time rose to it and the pocket's next car took the tag after
// it, one headway of the link's supply lost to the pocket for every car that left it so.
//
//   o ══ near (10 km) ══► x        two parallel first links, 3 s headway each;
//   o ══ far (10 km)  ══► x        100 cars on `near` already make `far` the quicker.
import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/engine/clock.js';
import { compileScenario } from '../../src/network/compile.js';
import { enterQueue, joinWaitList } from '../../src/traffic/links.js';
import { RouteChoice } from '../../src/traffic/choice.js';
import { Traffic } from '../../src/traffic/head.js';
import { ROUTE_CHOICE, ROUTE_SHIFT, TrafficState } from '../../src/traffic/state.js';
import { road, scenario } from '../helpers/build.js';

describe('a departure pocket\'s head that leaves for another first link as it is admitted', () => {
  it.each(['adaptive', 'equilibrium'] as const)('spends no tag and leaves the link\'s virtual time (%s)', (mode) => {
    const s = scenario({
      nodes: ['o', 'x'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'x', x: 10000, y: 0 }],
        roads: [road('near', 'o', 'x', { lengthKm: 10 }), road('far', 'o', 'x', { lengthKm: 10 })],
      },
    });
    s.routing = { ...s.routing, mode };
    const net = compileScenario(s);
    const tr = new TrafficState(net, new Clock(), s.routing, 2, 0);
    const [near, far] = ['near', 'far'].map((id) => net.linkIndex.get(id) as number);
    for (const l of [near, far]) {
      tr.freeTime[l] = 600;
      tr.headway[l] = 3;
      tr.roadCost[l] = 600;
      tr.roadEstimate[l] = 600;
      tr.treeCost[l] = 600;
    }
    const x = net.nodeIndex.get('x') as number;
    const choice = new RouteChoice(tr, (_t, out) => out.push(x));
    const hooks = { atDestination: () => false, withoutRoute: () => false, departed: () => {} };
    const traffic = new Traffic(tr, choice, hooks, 600);
    // Cars 0 and 1 wait in `near`'s departure pocket, bound for it; 100 cars are on `near`.
    const pocket = tr.departurePocket(near);
    for (const v of [0, 1]) {
      enterQueue(tr, v, pocket);
      tr.vRoute[(v << ROUTE_SHIFT) | ROUTE_CHOICE] = near;
      tr.bound[near]++;
    }
    tr.entered[near] = 100;
    joinWaitList(tr, pocket, near);
    const tag = tr.tag[pocket];
    expect(tag).toBe(3);
    tr.admitTime[near] = tr.clock.now;
    traffic.onAdmit(near);
    // Car 0 took `far`: it stands in that link's pocket, and nothing entered `near`.
    expect(tr.head[tr.departurePocket(far)]).toBe(0);
    expect(tr.head[pocket]).toBe(1);
    expect(tr.entered[near]).toBe(100);
    expect(tr.virtualTime[near]).toBe(0);
    // Car 1, waiting for `near` in its turn, has the turn car 0 gave up.
    joinWaitList(tr, pocket, near);
    expect(tr.tag[pocket]).toBe(tag);
  });
});
