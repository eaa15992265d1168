// Invariants of the traffic model on random small networks, under every routing
// mode, read from the link trace (every entry into and exit from a link or an
// origin queue): vehicles conserved, storage respected, entries only as the backward
// wave allows, no approach starved at a merge, clearance above a min-cut lower bound,
// and byte-identical reruns.
// About 3,400 generated cases in all, kept to some 20 s.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import { LogKind, type SimulationResult } from '../../src/result.js';
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { compileScenario, type CompiledNetwork } from '../../src/network/compile.js';
import { minCut } from '../../src/analysis/max-flow.js';
import { carriedCapacity } from '../../src/network/carried.js';
import { summarize } from '../../src/report/summary.js';
import { linksCsv, timeseriesCsv } from '../../src/report/csv.js';
import { arbitraryScenario, type ArbitraryOptions } from '../helpers/arbitrary-scenario.js';
import { expectAtMost, expectSame } from '../helpers/loop-expect.js';

const modes: RoutingMode[] = ['free-flow', 'adaptive', 'equilibrium'];

/** A generated scenario under one of the routing modes (equilibrium kept to two iterations). */
function withRouting(options: ArbitraryOptions = {}, only: RoutingMode[] = modes): fc.Arbitrary<Scenario> {
  return fc.tuple(arbitraryScenario(options), fc.constantFrom(...only)).map(([s, mode]) => ({
    ...s,
    routing: { ...s.routing, mode, iterations: 2 },
  }));
}

interface Step {
  queue: number;
  vehicle: number;
  time: number;
  entering: boolean;
}

function traced(s: Scenario): { steps: Step[]; result: SimulationResult } {
  const steps: Step[] = [];
  const result = simulate(s, { trace: (queue, vehicle, time, entering) => steps.push({ queue, vehicle, time, entering }) });
  return { steps, result };
}

/** The node at the end of a trace queue: a link's head node, or an origin queue's node. */
function endNode(net: CompiledNetwork, queue: number): number {
  const L = net.linkCount;
  return queue < L ? net.linkTo[queue] : (queue - L) % net.nodeCount;
}

/** Free-flow times from `from` to every node (forward) or from every node to `from` (backward), Bellman–Ford. */
function freeFlowDistances(net: CompiledNetwork, from: readonly number[], forward: boolean): Float64Array {
  const dist = new Float64Array(net.nodeCount).fill(Infinity);
  for (const n of from) dist[n] = 0;
  for (let round = 0; round < net.nodeCount; round++) {
    for (let l = 0; l < net.linkCount; l++) {
      const time = net.linkLength[l] / net.linkSpeed[l];
      const [a, b] = forward ? [net.linkFrom[l], net.linkTo[l]] : [net.linkTo[l], net.linkFrom[l]];
      if (dist[a] + time < dist[b]) dist[b] = dist[a] + time;
    }
  }
  return dist;
}


describe('traffic model invariants', () => {
  it('conserves vehicles: every exit is an arrival or an entry downstream at the same instant, and the counters agree with the trace', () => {
    fc.assert(
      fc.property(withRouting({ hazards: true }), (generated) => {
        // A report bin that no event time hits, so each sample falls between trace steps.
        const s = { ...generated, reportBinSeconds: 977.77 };
        const net = compileScenario(s);
        const L = net.linkCount;
        const { steps, result } = traced(s);
        const on = new Map<number, number>(); // vehicle → queue it is on
        const seen = new Set<number>();
        let onRoad = 0;
        let atOrigin = 0;
        let arrived = 0;
        let justLeft: Step | null = null;
        const departures: number[] = [];
        const states: [number, number, number][] = []; // time, onRoad, atOrigin after each step
        const settle = () => {
          if (justLeft !== null) arrived++;
          justLeft = null;
        };
        for (const step of steps) {
          const { queue, vehicle: v, time, entering } = step;
          if (entering) {
            expectSame(on.has(v), false);
            if (queue >= L) {
              // a vehicle starts in its origin queue, once
              expectSame(seen.has(v), false);
              settle();
              atOrigin++;
            } else {
              // onto a link only straight from the queue it just left, at that queue's end node
              expectSame(justLeft?.vehicle, v);
              expectSame(justLeft?.time, time);
              expectSame(net.linkFrom[queue], endNode(net, (justLeft as Step).queue));
              justLeft = null;
              onRoad++;
            }
            seen.add(v);
            on.set(v, queue);
          } else {
            settle();
            expectSame(on.get(v), queue);
            on.delete(v);
            if (queue < L) onRoad--;
            else {
              atOrigin--;
              departures.push(time);
            }
            justLeft = step;
          }
          states.push([time, onRoad, atOrigin]);
        }
        settle();
        expect(seen.size).toBe(arrived + onRoad + atOrigin);
        expect(arrived).toBe(result.vehicles.arrived);
        expect(seen.size).toBeLessThanOrEqual(result.vehicles.cars);
        // every departure is in the movement log at its instant; a car at a shelter on its own
        // node departs when it unloads there, which may be before it leaves its origin queue
        // (a full shelter keeps the rest of its people aboard until the road out opens)
        const logged: number[] = [];
        for (let i = 0; i < result.log.length; i++) if (result.log.kind[i] === LogKind.Departed) logged.push(result.log.time[i]);
        const settlementNodes = new Set(s.settlements.map((x) => x.node));
        if (s.shelters.some((x) => x.capacity !== null && settlementNodes.has(x.node))) {
          expect(logged.length).toBe(departures.length);
          const exits = [...departures].sort((a, b) => a - b);
          [...logged].sort((a, b) => a - b).forEach((t, i) => {
            expectAtMost(t, exits[i]);
          });
        } else {
          expect(logged).toEqual(departures);
        }
        // and the sampled gauges count what the trace says is on the roads and in origin queues
        let k = -1;
        result.samples.time.forEach((t, i) => {
          while (k + 1 < states.length && states[k + 1][0] <= t) k++;
          expectSame(result.samples.vehiclesOnRoad[i], k < 0 ? 0 : states[k][1]);
          expectSame(result.samples.vehiclesQueuedAtOrigin[i], k < 0 ? 0 : states[k][2]);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('never holds more vehicles on a link (turn pocket included) than its storage, in any routing mode', () => {
    fc.assert(
      fc.property(withRouting({ hazards: true }), (s) => {
        const net = compileScenario(s);
        const count = new Int32Array(net.linkCount);
        let worst = -Infinity;
        simulate(s, {
          trace: (l, _v, _t, entering) => {
            if (l >= net.linkCount) return;
            count[l] += entering ? 1 : -1;
            worst = Math.max(worst, count[l] - net.linkStorage[l]);
          },
        });
        expect(worst).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('lets no vehicle onto a link before the space it needs has travelled back from the downstream end', () => {
    // Newell's condition on a link of length L, jam storage J and wave speed w: the
    // (k+1)-th entrant needs k + 1 − J exits, counted on the exit curve rising to each
    // exit over the headway before it (from the exit before, if later), L/w seconds earlier.
    // No hazards: a capture's lost vehicles leave the wave's count without a trace.
    fc.assert(
      fc.property(withRouting(), (s) => {
        const net = compileScenario(s);
        const entries: number[][] = Array.from({ length: net.linkCount }, () => []);
        const exits: number[][] = Array.from({ length: net.linkCount }, () => []);
        simulate(s, {
          trace: (l, _v, t, entering) => {
            if (l < net.linkCount) (entering ? entries : exits)[l].push(t);
          },
        });
        let worst = -Infinity;
        for (let l = 0; l < net.linkCount; l++) {
          const headway = 3600 / carriedCapacity(net, l);
          const waveTime = net.linkLength[l] / net.linkWaveSpeed[l];
          entries[l].forEach((entered, k) => {
            const needed = k + 1 - net.linkJam[l];
            if (needed <= 0) return;
            const j = Math.ceil(needed) - 1;
            const last = exits[l][j];
            const before = Math.max(j > 0 ? exits[l][j - 1] : -Infinity, last - headway);
            const earliest = before + (needed - j) * (last - before) + waveTime;
            worst = Math.max(worst, earliest - entered);
          });
        }
        expect(worst).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 400 },
    );
  });

  it('serves every approach waiting at a merge before the merge admits a bounded number of vehicles from the others', () => {
    // One-lane roads (no turn pockets) and fixed free-flow routes, so a head waits for
    // the link it enters from the moment it is ready: its free-flow time has passed and
    // one headway since its queue's previous exit. Meanwhile the capacity-proportional
    // node model lets the other approaches in at most about (their weight ÷ its weight)
    // times, plus one turn per approach and the credit left from its previous turn.
    fc.assert(
      fc.property(arbitraryScenario(), (generated) => {
        const s: Scenario = {
          ...generated,
          network: { ...generated.network, roads: generated.network.roads.map((r) => ({ ...r, lanes: 1 })) },
          routing: { ...generated.routing, mode: 'free-flow' },
        };
        const net = compileScenario(s);
        const L = net.linkCount;
        const headway = (q: number) => (q < L ? 3600 / net.linkCapacity[q] : 0);
        const freeTime = (q: number) => (q < L ? net.linkLength[q] / net.linkSpeed[q] : 0);
        const weight = (q: number, into: number) => (q < L ? net.linkCapacity[q] : net.linkCapacity[into]);
        const enteredAt = new Map<number, number>();
        const lastExit = new Map<number, number>();
        const entries: { time: number; from: number }[][] = Array.from({ length: L }, () => []);
        let justLeft: (Step & { gate: number }) | null = null;
        let worst = -Infinity;
        simulate(s, {
          trace: (queue, v, time, entering) => {
            if (!entering) {
              justLeft = { queue, vehicle: v, time, entering, gate: (lastExit.get(queue) ?? -Infinity) + headway(queue) };
              lastExit.set(queue, time);
              return;
            }
            const left = justLeft as (Step & { gate: number }) | null;
            justLeft = null;
            if (queue < L && left !== null && left.vehicle === v) {
              const q = left.queue;
              const ready = Math.max((enteredAt.get(v) ?? 0) + freeTime(q), left.gate);
              const others = entries[queue].filter((e) => e.from !== q && e.time > ready + 1e-9).length;
              const node = net.linkFrom[queue];
              let total = weight(L + node, queue);
              let approaches = 1;
              for (let i = net.inStart[node]; i < net.inStart[node + 1]; i++) {
                total += net.linkCapacity[net.inLinks[i]];
                approaches++;
              }
              const bound = Math.ceil((2 * total) / weight(q, queue)) + approaches + 2;
              worst = Math.max(worst, others - bound);
              entries[queue].push({ time, from: q });
            }
            enteredAt.set(v, time);
          },
        });
        expect(worst).toBeLessThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('clears no sooner than the min-cut lower bound: first crossing + (vehicles − cut links) ÷ cut capacity + the rest of the way', () => {
    // N vehicles from the origins must each leave some link of a minimum cut K toward the
    // destinations; a link lets out at most 1 + T·c/3600 vehicles in T seconds, so the
    // crossings span at least (N − |K|)·3600 / C(K). The first cannot come before the order
    // plus the free-flow time to the end of a cut link, nor the last arrival sooner than
    // the last crossing plus the free-flow time from a cut link to a destination.
    fc.assert(
      fc.property(withRouting({ hazards: true }), (s) => {
        const net = compileScenario(s);
        const L = net.linkCount;
        const sinks = [...new Set(s.shelters.map((d) => net.nodeIndex.get(d.node) as number))];
        const origin = new Map<number, number>();
        const arrivedAt = new Map<number, number>();
        let pending: Step | null = null;
        const flush = () => {
          if (pending !== null && sinks.includes(endNode(net, pending.queue))) arrivedAt.set(pending.vehicle, pending.time);
          pending = null;
        };
        simulate(s, {
          trace: (queue, vehicle, time, entering) => {
            if (entering && pending?.vehicle === vehicle) pending = null;
            else flush();
            if (entering && queue >= L) origin.set(vehicle, endNode(net, queue));
            if (!entering) pending = { queue, vehicle, time, entering };
          },
        });
        flush();
        // vehicles that started away from every destination
        const counted = [...arrivedAt].filter(([v]) => !sinks.includes(origin.get(v) as number));
        if (counted.length === 0) return;
        const sources = [...new Set(counted.map(([v]) => origin.get(v) as number))];
        const capacity = new Float64Array(L);
        for (let l = 0; l < L; l++) capacity[l] = net.linkMode[l] === 0 ? net.linkCapacity[l] : 0;
        const cut = minCut(net, capacity, sources, sinks);
        expect(cut.links.length).toBeGreaterThan(0);
        const fromSources = freeFlowDistances(net, sources, true);
        const toSinks = freeFlowDistances(net, sinks, false);
        const free = (l: number) => net.linkLength[l] / net.linkSpeed[l];
        const firstCross = Math.min(...cut.links.map((l) => fromSources[net.linkFrom[l]] + free(l)));
        const rest = Math.min(...cut.links.map((l) => toSinks[net.linkTo[l]]));
        const bound = s.orders[0].at + firstCross + (Math.max(0, counted.length - cut.links.length) * 3600) / cut.capacity + rest;
        const clearance = Math.max(...counted.map(([, t]) => t));
        expect(clearance).toBeGreaterThanOrEqual(bound - 1e-6);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same bytes for the same seed: summary, link and time-series tables and the full trace', () => {
    const bytes = (s: Scenario) => {
      const trace: string[] = [];
      const r = simulate(s, { trace: (l, v, t, entering) => trace.push(`${l},${v},${t},${entering ? 1 : 0}`) });
      return [JSON.stringify(summarize(r, s)), linksCsv(r), timeseriesCsv(r), trace.join('\n')].join('\n--\n');
    };
    fc.assert(
      fc.property(withRouting({ hazards: true, fleets: true, stochastic: true }), (s) => {
        expect(bytes(s)).toBe(bytes(structuredClone(s)));
      }),
      { numRuns: 150 },
    );
  });
});
