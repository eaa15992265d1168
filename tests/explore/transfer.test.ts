import { describe, expect, it } from 'vitest';
import { outcomeOf, runRaw } from '../../src/explore/evaluate.js';
import { outcomeBuffers, ownTraffic } from '../../src/explore/transfer.js';
import { rawScenario } from '../html/fixtures.js';

describe('sending an outcome from the worker', () => {
  it('transfers the two buffers behind the map series; the traffic kept for the report survives, the same', () => {
    const run = runRaw(rawScenario());
    const outcome = outcomeOf(run);
    const buffers = outcomeBuffers(outcome);
    expect(buffers).toHaveLength(2);
    const kept = ownTraffic(run.traffic);
    const before = JSON.stringify(outcome.map, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v));
    const trafficBefore = run.traffic.roads.map((r) => Array.from(r.passed));
    const sent = structuredClone(outcome, { transfer: buffers });
    // Transferred: gone from the worker's side, whole on the page's.
    expect(run.traffic.roads[0].passed.length).toBe(0);
    expect(outcome.map.settlements[0].over.waiting.length).toBe(0);
    expect(JSON.stringify(sent.map, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v))).toBe(before);
    expect(kept.roads.map((r) => Array.from(r.passed))).toEqual(trafficBefore);
    expect(kept.roads.some((r) => r.passed.some((n) => n > 0))).toBe(true);
  });
});
