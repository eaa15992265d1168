import { describe, expect, it } from 'vitest';
import { plainForJson } from '../../src/html/counts.js';
import { simulateWithTraffic } from '../../src/html/traffic.js';
import { compileScenario } from '../../src/network/compile.js';
import { simulate } from '../../src/simulation/simulate.js';
import { summarize } from '../../src/report/summary.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { rawScenario } from './fixtures.js';

// The fixture without its front: nothing is captured, so every vehicle that enters a road leaves it.
const raw = { ...rawScenario(), hazards: (rawScenario().hazards as { kind: string }[]).filter((h) => h.kind !== 'front') };
const scenario = parseScenario(raw);

describe('simulateWithTraffic', () => {
  const { result, traffic } = simulateWithTraffic(scenario);

  it('gives the same result as a run without the observer', () => {
    expect(summarize(result, scenario)).toEqual(summarize(simulate(scenario), scenario));
  });

  it('counts the vehicles on the roads and at origins as the run samples them, up to events at the same instant', () => {
    // Link entries and exits at each instant, to allow for a sample taken before them.
    const net = compileScenario(scenario);
    const at = new Map<number, number>();
    simulate(scenario, { network: net, trace: (_l, _v, t) => at.set(t, (at.get(t) ?? 0) + 1) });
    result.samples.time.forEach((t, i) => {
      const k = traffic.times.indexOf(t);
      expect(k).toBeGreaterThan(0);
      const onRoad = traffic.roads.reduce((sum, r) => sum + r.onRoad[k], 0);
      const queued = traffic.origins.reduce((sum, o) => sum + o.queued[k], 0);
      const slack = at.get(t) ?? 0;
      expect(Math.abs(onRoad - result.samples.vehiclesOnRoad[i])).toBeLessThanOrEqual(slack);
      expect(Math.abs(queued - result.samples.vehiclesQueuedAtOrigin[i])).toBeLessThanOrEqual(slack);
    });
    expect(traffic.roads.every((r) => r.onRoad.at(-1) === 0)).toBe(true);
  });

  it('counts every vehicle that left a road once, in the interval it left', () => {
    for (const road of traffic.roads) {
      const total = result.links.filter((l) => l.id === road.id || l.id === `${road.id}:back`).reduce((sum, l) => sum + l.vehicles, 0);
      expect(road.passed.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('tells fleet vehicles apart: never more than the fleets have, and some when a fleet drove', () => {
    const fleet = scenario.fleets.reduce((sum, f) => sum + f.vehicles, 0);
    const fleetOnRoads = traffic.times.map((_, k) => traffic.roads.reduce((sum, r) => sum + r.fleetOnRoad[k], 0));
    expect(Math.max(...fleetOnRoads)).toBeLessThanOrEqual(fleet);
    expect(result.fleets[0].trips > 0 ? Math.max(...fleetOnRoads) : 1).toBeGreaterThan(0);
  });
});

describe('the traffic recorder', () => {
  it('gives at each instant the counts a plain tally of every entry and exit gives (short bins: its buffer grows)', () => {
    const short = parseScenario({ ...raw, reportBinSeconds: 60 });
    const net = compileScenario(short);
    const events: [number, number, number, boolean][] = [];
    const { traffic } = simulateWithTraffic(short, undefined, (link, vehicle, time, entering) => events.push([link, vehicle, time, entering]));
    expect(traffic.times.length).toBeGreaterThan(64);
    const fleet = short.fleets.reduce((sum, f) => sum + f.vehicles, 0);
    const roadOf = (link: number) => net.linkRoad[link];
    traffic.times.forEach((t, k) => {
      const onRoad = new Array(short.network.roads.length).fill(0);
      const fleetOnRoad = [...onRoad];
      const passed = [...onRoad];
      const queued = new Array(net.nodeCount).fill(0);
      const from = k === 0 ? -Infinity : traffic.times[k - 1];
      for (const [link, vehicle, time, entering] of events) {
        if (time > t && !(k === traffic.times.length - 1)) continue;
        const sign = entering ? 1 : -1;
        if (link >= net.linkCount) {
          queued[(link - net.linkCount) % net.nodeCount] += sign;
          continue;
        }
        onRoad[roadOf(link)] += sign;
        if (vehicle < fleet) fleetOnRoad[roadOf(link)] += sign;
        if (!entering && time > from) passed[roadOf(link)]++;
      }
      traffic.roads.forEach((r, i) => {
        expect([r.onRoad[k], r.fleetOnRoad[k], r.passed[k]]).toEqual([onRoad[i], fleetOnRoad[i], passed[i]]);
      });
      for (const o of traffic.origins) expect(o.queued[k]).toBe(queued[net.nodeIds.indexOf(o.node)]);
    });
    expect(traffic.roads.some((r) => r.passed.some((n) => n > 0))).toBe(true);
  });
});


describe('plainForJson', () => {
  it('writes the traffic series as JSON arrays, as plain arrays of the same numbers would be', () => {
    const { traffic } = simulateWithTraffic(scenario);
    const asArrays = {
      ...traffic,
      roads: traffic.roads.map((r) => ({ id: r.id, onRoad: Array.from(r.onRoad), fleetOnRoad: Array.from(r.fleetOnRoad), passed: Array.from(r.passed) })),
      origins: traffic.origins.map((o) => ({ node: o.node, queued: Array.from(o.queued) })),
    };
    expect(JSON.stringify(plainForJson(traffic))).toBe(JSON.stringify(asArrays));
    expect(JSON.stringify(traffic)).not.toBe(JSON.stringify(asArrays));
  });
});

describe('simulateWithTraffic, with captures', () => {
  // The fixture with its front: vehicles on the roads and in the departure queues of the
  // settlements it takes are lost with them. They leave the counts then, without passing.
  const captured = parseScenario(rawScenario());
  const { result, traffic } = simulateWithTraffic(captured);

  it('takes the vehicles lost with a captured node off their road and their queue, uncounted as passing', () => {
    expect(result.links.reduce((sum, l) => sum + l.lost, 0)).toBeGreaterThan(0);
    const last = traffic.times.length - 1;
    expect(traffic.times[last]).toBe(result.endTime);
    expect(traffic.roads.reduce((sum, r) => sum + r.onRoad[last], 0)).toBe(result.samples.vehiclesOnRoad.at(-1));
    expect(traffic.origins.reduce((sum, o) => sum + o.queued[last], 0)).toBe(result.samples.vehiclesQueuedAtOrigin.at(-1));
    for (const road of traffic.roads) {
      const total = result.links.filter((l) => l.id === road.id || l.id === `${road.id}:back`).reduce((sum, l) => sum + l.vehicles, 0);
      expect(road.passed.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });
});
