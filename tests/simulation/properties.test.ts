// Invariants of the model over generated small networks and demands.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import { buildGraph } from '../../src/network/build-graph.js';
import { compile, MODE_ROAD } from '../../src/network/compile.js';
import { freeFlowCosts, nextHopTable } from '../../src/network/routing.js';
import { peopleAt } from '../../src/report/metrics.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { expectAtLeast, expectSame } from '../helpers/loop-expect.js';

const runs = { numRuns: 150 };

describe('model invariants', () => {
  it('keeps told = stayed + waiting + inTransit + evacuated + trapped at every instant', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true }), (s) => {
        const r = simulate(s);
        const instants = [0, ...Array.from(r.log.time), r.endTime, r.endTime / 2];
        for (const t of instants) {
          const p = peopleAt(r, t);
          expectSame(p.stayed + p.waiting + p.inTransit + p.evacuated + p.trapped, p.told);
          for (const v of Object.values(p)) expectAtLeast(v, 0);
        }
      }),
      runs,
    );
  });

  it('never holds more vehicles on a link than its storage', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true }), (s) => {
        const net = compile(buildGraph(s));
        const count = new Int32Array(net.linkCount + 2 * net.nodeCount);
        let worst = 0;
        const r = simulate(s, {
          trace: (l, _v, _t, entering) => {
            count[l] += entering ? 1 : -1;
            if (l < net.linkCount) worst = Math.max(worst, count[l] - net.linkStorage[l]);
          },
        });
        expect(r.vehicles.arrived).toBeGreaterThanOrEqual(0);
        expect(worst).toBeLessThanOrEqual(0);
      }),
      runs,
    );
  });

  it('never discharges a link faster than its capacity', () => {
    // Exit slots one headway apart, an exit no earlier than the one before it: a car held at
    // the stop line lets the one behind it make up the slot it lost, so over T seconds a
    // link lets out at most T / headway + 2 vehicles.
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true }), (s) => {
        const net = compile(buildGraph(s));
        const last = new Float64Array(net.linkCount).fill(-Infinity);
        const slot = new Float64Array(net.linkCount).fill(-Infinity);
        simulate(s, {
          trace: (l, _v, t, entering) => {
            if (entering || l >= net.linkCount) return;
            const earliest = Math.max(slot[l] + 3600 / net.linkCapacity[l], last[l]);
            expectAtLeast(t, earliest - 1e-9);
            slot[l] = earliest;
            last[l] = t;
          },
        });
      }),
      runs,
    );
  });

  it('lets nobody arrive before the order plus their free-flow travel time', () => {
    fc.assert(
      fc.property(arbitraryScenario(), (s) => {
        const net = compile(buildGraph(s));
        const dist = new Float64Array(net.nodeCount);
        const targets = s.shelters.filter((d) => d.capacity !== 0).map((d) => net.nodeIndex.get(d.node) as number);
        nextHopTable(net, targets, freeFlowCosts(net, MODE_ROAD), undefined, dist);
        const r = simulate(s);
        for (let i = 0; i < r.log.length; i++) {
          if (r.log.kind[i] !== LogKind.Evacuated) continue;
          const node = net.nodeIndex.get(r.settlements[r.log.settlement[i]].node) as number;
          expectAtLeast(r.log.time[i], s.orders[0].at + dist[node] - 1e-6);
        }
      }),
      runs,
    );
  });

  it('never puts more people in a shelter than its capacity', () => {
    fc.assert(
      fc.property(arbitraryScenario({ fleets: true, hazards: true }), (s) => {
        const r = simulate(s);
        const occupancy = r.destinations.map(() => 0);
        for (let i = 0; i < r.log.length; i++) {
          const k = r.log.kind[i];
          if (k === LogKind.Evacuated || k === LogKind.ShadowEvacuated) occupancy[r.log.destination[i]] += r.log.people[i];
        }
        r.destinations.forEach((d, i) => { if (d.capacity !== null) expect(occupancy[i]).toBeLessThanOrEqual(d.capacity); });
      }),
      runs,
    );
  });

  it('writes the log in time order, so cumulative counts never decrease', () => {
    fc.assert(
      fc.property(arbitraryScenario({ fleets: true, hazards: true }), (s) => {
        const r = simulate(s);
        for (let i = 1; i < r.log.length; i++) expectAtLeast(r.log.time[i], r.log.time[i - 1]);
      }),
      runs,
    );
  });

  it('gives identical results for the same seed', () => {
    fc.assert(
      fc.property(arbitraryScenario({ fleets: true, hazards: true, stochastic: true }), (s) => {
        expect(simulate(s)).toEqual(simulate(s));
      }),
      { numRuns: 60 },
    );
  });

  it('changes stochastic outputs with the seed', () => {
    fc.assert(
      fc.property(arbitraryScenario(), fc.integer({ min: 1, max: 1000 }), (s, delta) => {
        const varied = {
          ...s,
          settlements: s.settlements.map((x) => ({ ...x, population: 200 })),
          orders: s.orders.map((o) => ({ ...o, compliance: 1, mobilization: { kind: 'lognormal' as const, median: 3600, shape: 0.8 } })),
        };
        const a = simulate(varied, { seed: 1 });
        const b = simulate(varied, { seed: 1 + delta });
        expect(Array.from(a.log.time)).not.toEqual(Array.from(b.log.time));
      }),
      { numRuns: 40 },
    );
  });
});
