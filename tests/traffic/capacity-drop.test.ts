// Capacity drop (`traffic.capacityDrop` d): a road that takes vehicles from a queue waiting
// for it takes them at C · (1 − d), the queue discharge rate of a bottleneck, lower than the
// flow it carries without a queue (the Highway Capacity Manual gives about 7 % at freeway
// bottlenecks). Without a queue nothing changes.
//
//   town ──approach (5 km, 3,600 veh/h)──► b ──bottleneck (500 m, 900 veh/h)──► c ──exit (1 km)──► safe
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearance } from '../../src/report/clearance.js';
import { summarize } from '../../src/report/summary.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/index.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { hourlyShares, mergeScenario } from '../helpers/merge.js';

const raw = JSON.parse(readFileSync('scenarios/bottleneck.json', 'utf8'));
const withDrop = (drop: number, extra: Record<string, unknown> = {}) => parseScenario({ ...raw, ...extra, traffic: { ...raw.traffic, capacityDrop: drop } });

function bottleneckEntries(drop: number): number[] {
  const entries: number[] = [];
  simulate(withDrop(drop), { trace: (l, _v, t, entering) => { if (l === 1 && entering) entries.push(t); } });
  return entries;
}

describe('capacity drop', () => {
  it('1,000 cars queued before a 900 veh/h bottleneck: it takes them 4 s / (1 − d) apart, the last out at 256 + 998 · 4 / (1 − d) s', () => {
    // The first car finds the bottleneck free at 180 s, the second waits for its headway (184 s),
    // and from it on every car comes from the queue: one every 4 / 0.9 = 4.444 s.
    const entries = bottleneckEntries(0.1);
    expect(entries).toHaveLength(1000);
    expect(entries[0]).toBeCloseTo(180, 9);
    expect(entries[1]).toBeCloseTo(184, 9);
    for (let k = 2; k < 1000; k++) expect(entries[k] - entries[k - 1]).toBeCloseTo(4 / 0.9, 6);
    const drop = withDrop(0.1);
    expect(clearance(simulate(drop)).p100).toBeCloseTo(256 + (998 * 4) / 0.9, 6);
    // Without a drop, the closed form of the scenario: 4,248 s.
    expect(clearance(simulate(withDrop(0))).p100).toBeCloseTo(4248, 9);
  });

  it('without a queue nothing changes: 20 cars 30 s apart give the same summary with a drop of 0.5', () => {
    const spaced = {
      settlements: Array.from({ length: 20 }, (_, k) => ({ ...raw.settlements[0], id: `house-${k}`, name: `house ${k}`, population: 1 })),
      households: { size: 1, carShare: 1 },
      orders: Array.from({ length: 20 }, (_, k) => ({ ...raw.orders[0], at: 30 * k, settlements: [`house-${k}`], mobilization: { kind: 'fixed', median: 0 } })),
    };
    const [none, half] = [0, 0.5].map((d) => {
      const s = withDrop(d, spaced);
      return summarize(simulate(s), s);
    });
    expect(half.people.evacuated).toBe(20);
    expect(half).toEqual(none);
  });

  it('a town\'s own queue is one too: released at once onto a 600 veh/h road, its cars enter it 6 s / (1 − d) apart', () => {
    // The approach at 600 veh/h: the first car goes at once, the second after its headway (6 s),
    // then each from the town's queue, 6 / 0.8 = 7.5 s apart; the bottleneck (4 s) never queues.
    const s = withDrop(0.2, { network: { ...raw.network, roads: raw.network.roads.map((r: { id: string }) => (r.id === 'approach' ? { ...r, capacityVehPerHour: 600 } : r)) } });
    const entries: number[] = [];
    simulate(s, { trace: (l, _v, t, entering) => { if (l === 0 && entering) entries.push(t); } });
    expect(entries.slice(0, 2)).toEqual([0, 6]);
    for (let k = 2; k < entries.length; k++) expect(entries[k] - entries[k - 1]).toBeCloseTo(7.5, 6);
    expect(clearance(simulate(s)).p100).toBeCloseTo(6 + 998 * 7.5 + 252, 6);
  });

  it('a queue discharges slower, never faster: on random networks no run with a drop clears before the same run without', () => {
    fc.assert(
      fc.property(arbitraryScenario({ fleets: true }), fc.constantFrom(0.05, 0.2, 0.5), (s, d) => {
        // One route each (free-flow): with adaptive routing a slower road can send cars a better way.
        const free = { ...s, routing: { ...s.routing, mode: 'free-flow' as const } };
        const dropped = { ...free, traffic: { ...free.traffic, capacityDrop: d } };
        const [a, b] = [free, dropped].map((x) => summarize(simulate(x), x));
        expect(b.people.told).toBe(a.people.told);
        const p = b.people;
        expect(p.stayed + p.waiting + p.inTransit + p.evacuated + p.trapped).toBe(p.told);
        if (a.clearance.p100 !== null && b.clearance.p100 !== null) expect(b.clearance.p100).toBeGreaterThanOrEqual(a.clearance.p100 - 1e-6);
      }),
      { numRuns: 60, seed: 23 },
    );
  });

  it('at a merge, the queued approaches share the dropped capacity in proportion to their own', () => {
    // 1,200 and 1,800 veh/h into 2,000, both queued, d = 0.1: 1,800 veh/h in all, 720 / 1,080
    // (800 / 1,200 without the drop).
    const s = mergeScenario([1200, 1800], [7200, 7200], [6000, 6000], 2000);
    const got = hourlyShares({ ...s, traffic: { ...s.traffic, capacityDrop: 0.1 } });
    [720, 1080].forEach((expected, i) => { expect(Math.abs(got[i] - expected)).toBeLessThanOrEqual(3); });
  });

  it('is refused outside 0–0.5, naming the field', () => {
    expect(() => withDrop(0.6)).toThrow('traffic.capacityDrop: must be between 0 and 0.5, got 0.6');
    expect(() => withDrop(-0.1)).toThrow(/traffic\.capacityDrop/);
  });
});
