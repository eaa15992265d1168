import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/scenario/parse.js';
import { parseDuration } from '../../src/scenario/duration.js';
import {
  applyParameters, durationText, readParameters, scaleCompliance, scaleMedian, shiftOrders,
} from '../../src/explore/parameters.js';
import { rawScenario } from '../html/fixtures.js';

const kurskRaw: unknown = JSON.parse(readFileSync(new URL('../../scenarios/kursk-2024.json', import.meta.url), 'utf8'));

describe('readParameters and applyParameters', () => {
  it('give back the same scenario when nothing changed', () => {
    for (const raw of [rawScenario(), kurskRaw]) {
      const scenario = parseScenario(raw);
      expect(parseScenario(applyParameters(raw, readParameters(scenario)))).toEqual(scenario);
    }
  });

  it('leave the raw file they were given untouched', () => {
    const raw = rawScenario();
    const before = JSON.stringify(raw);
    applyParameters(raw, scaleCompliance(readParameters(parseScenario(raw)), 0.1));
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('write every knob where the scenario format keeps it', () => {
    const raw = rawScenario();
    const p = readParameters(parseScenario(raw));
    const file = applyParameters(raw, {
      ...scaleMedian(scaleCompliance(p, 0.5), 5400),
      seed: 99,
      carShare: 0.25,
      fleets: [7],
      fleetPce: [2],
      shelters: [null, 250],
      hazards: [false, true],
      routing: 'free-flow',
      capacityDrop: 0.07,
    });
    const changed = parseScenario(file);
    expect(changed.seed).toBe(99);
    expect(changed.households).toEqual({ size: 2.5, carShare: 0.25, rideShare: 0 });
    expect(changed.orders[0].compliance).toBe(0.5);
    expect(changed.orders[0].mobilization).toEqual({ kind: 'lognormal', median: 5400, shape: 1 });
    expect((file.orders as { mobilization: { median: string } }[])[0].mobilization.median).toBe('1h30m');
    expect(changed.fleets[0].vehicles).toBe(7);
    expect(changed.fleets[0].pce).toBe(2);
    expect(changed.shelters.map((s) => s.capacity)).toEqual([null, 250]);
    expect(changed.hazards.map((h) => h.kind)).toEqual(['closure']);
    expect(changed.routing.mode).toBe('free-flow');
    expect(changed.traffic.capacityDrop).toBe(0.07);
  });

  it('write no capacity drop into a file that had none while it stays 0', () => {
    const raw = rawScenario();
    const p = readParameters(parseScenario(raw));
    expect(p.capacityDrop).toBe(0);
    expect('traffic' in applyParameters(raw, p) && 'capacityDrop' in (applyParameters(raw, p).traffic as object)).toBe(false);
    const dropped = applyParameters(raw, { ...p, capacityDrop: 0.1 });
    expect(readParameters(parseScenario(dropped)).capacityDrop).toBe(0.1);
    // Set back to 0 in a file that has one: written as 0.
    expect((applyParameters(dropped, { ...p, capacityDrop: 0 }).traffic as { capacityDrop: number }).capacityDrop).toBe(0);
  });

  it('write no pce into a fleet that had none while it stays one car unit', () => {
    const raw = rawScenario();
    const p = readParameters(parseScenario(raw));
    expect(p.fleetPce).toEqual([1]);
    const file = applyParameters(raw, p) as { fleets: Record<string, unknown>[] };
    expect('pce' in file.fleets[0]).toBe(false);
    const buses = applyParameters(raw, { ...p, fleetPce: [3] }) as { fleets: Record<string, unknown>[] };
    expect(buses.fleets[0].pce).toBe(3);
    expect((applyParameters(buses, { ...p, fleetPce: [1] }) as { fleets: Record<string, unknown>[] }).fleets[0].pce).toBe(1);
  });

  it('change the routing mode and keep the routing settings the file gave', () => {
    const raw = { ...rawScenario(), routing: { mode: 'equilibrium', iterations: 5, gap: 0.01 } };
    const p = readParameters(parseScenario(raw));
    expect(p.routing).toBe('equilibrium');
    const changed = parseScenario(applyParameters(raw, { ...p, routing: 'adaptive' }));
    expect(changed.routing).toEqual({ ...parseScenario(raw).routing, mode: 'adaptive' });
  });

  it('scale every order when a master slider moves, keeping their differences', () => {
    const p = readParameters(parseScenario(kurskRaw));
    const before = p.orders.map((o) => o.compliance);
    expect(new Set(before).size).toBeGreaterThan(1);
    const lower = scaleCompliance(p, 0.4).orders.map((o) => o.compliance);
    const mean = lower.reduce((a, b) => a + b, 0) / lower.length;
    expect(mean).toBeCloseTo(0.4, 3);
    // The order of the orders by compliance, and their ratios, survive.
    lower.forEach((c, i) => { expect(c / before[i]).toBeCloseTo(0.4 / (before.reduce((a, b) => a + b, 0) / before.length), 3); });
    const slow = scaleMedian(p, 7200).orders;
    expect(slow.reduce((a, o) => a + o.mobilization.median, 0) / slow.length).toBeCloseTo(7200, 6);
    expect(slow.map((o) => o.mobilization.kind)).toEqual(p.orders.map((o) => o.mobilization.kind));
  });

  it('keep each compliance within 0 and 1 whatever the target', () => {
    const p = readParameters(parseScenario(kurskRaw));
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (target) => {
      for (const o of scaleCompliance(p, target).orders) {
        expect(o.compliance).toBeGreaterThanOrEqual(0);
        expect(o.compliance).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('shift every order in time, never before the start, and write the new instant in seconds', () => {
    const p = readParameters(parseScenario(kurskRaw));
    const later = shiftOrders(p, 7200);
    later.orders.forEach((o, i) => { expect(o.at).toBe(p.orders[i].at + 7200); });
    expect(shiftOrders(p, -1e9).orders.every((o) => o.at === 0)).toBe(true);
    const file = applyParameters(kurskRaw, later, p) as { orders: { at: unknown }[] };
    expect(parseScenario(file).orders.map((o) => o.at)).toEqual(later.orders.map((o) => o.at));
    const same = applyParameters(kurskRaw, p, p) as { orders: { at: unknown }[] };
    expect(same.orders.map((o) => o.at)).toEqual((kurskRaw as { orders: { at: unknown }[] }).orders.map((o) => o.at));
  });

  it("fit the file's variants to the hazards left on, so the file still reads", () => {
    const p = readParameters(parseScenario(kurskRaw));
    const kinds = (kurskRaw as { hazards: { kind: string }[] }).hazards.map((h) => h.kind);
    const names = (file: Record<string, unknown>) => (file.variants as { name: string }[]).map((v) => v.name);
    // The rain variant sets only the weather hazard: it goes with it.
    const dry = applyParameters(kurskRaw, { ...p, hazards: kinds.map((k) => k !== 'weather') });
    expect(() => parseScenario(dry)).not.toThrow();
    expect(names(dry)).toEqual(['night-mobilization', 'bounded-mobilization']);
    expect(names(applyParameters(kurskRaw, p))).toEqual(['night-mobilization', 'rain', 'bounded-mobilization']);
    // An index into the list follows its hazard, or goes when that hazard is off.
    const raw = {
      ...rawScenario(),
      variants: [
        { name: 'late-closure', set: { 'hazards[1].until': '5h', 'hazards[0].speedKmPerDay': 20 } },
        { name: 'slow-front', set: { 'hazards[kind=front].speedKmPerDay': 5 } },
        { name: 'all-later', set: { 'hazards[*].from': '1h' } },
      ],
    };
    const q = readParameters(parseScenario(raw));
    const noFront = applyParameters(raw, { ...q, hazards: [false, true] });
    expect(noFront.variants).toEqual([
      { name: 'late-closure', set: { 'hazards[0].until': '5h' } },
      { name: 'all-later', set: { 'hazards[*].from': '1h' } },
    ]);
    expect(() => parseScenario(noFront)).not.toThrow();
    expect(applyParameters(raw, { ...q, hazards: [false, false] }).variants).toEqual([]);
  });
});

describe('durationText', () => {
  it('writes durations in the largest whole units', () => {
    expect(durationText(36000)).toBe('10h');
    expect(durationText(5400)).toBe('1h30m');
    expect(durationText(90061)).toBe('1d1h1m1s');
    expect(durationText(45)).toBe('45s');
    expect(durationText(0)).toBe('0s');
  });

  it('is read back as the same number of seconds', () => {
    fc.assert(fc.property(fc.nat({ max: 100_000_000 }), (seconds) => {
      expect(parseDuration(durationText(seconds))).toBe(seconds);
    }));
  });

  it('is not used for a fraction of a second, which stays a number in the file', () => {
    const raw = rawScenario();
    const p = scaleMedian(readParameters(parseScenario(raw)), 1234.5);
    const file = applyParameters(raw, p);
    expect((file.orders as { mobilization: { median: unknown } }[])[0].mobilization.median).toBe(1234.5);
    expect(parseScenario(file).orders[0].mobilization.median).toBe(1234.5);
  });
});
