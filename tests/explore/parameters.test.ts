import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/scenario/parse.js';
import { parseDuration } from '../../src/scenario/duration.js';
import {
  applyParameters, durationText, readParameters, withCompliance, withMobilizationMedian,
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
    applyParameters(raw, withCompliance(readParameters(parseScenario(raw)), 0.1));
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('write every knob where the scenario format keeps it', () => {
    const raw = rawScenario();
    const p = readParameters(parseScenario(raw));
    const file = applyParameters(raw, {
      ...withMobilizationMedian(withCompliance(p, 0.5), 5400),
      seed: 99,
      carShare: 0.25,
      fleets: [7],
      shelters: [null, 250],
      hazards: [false, true],
    });
    const changed = parseScenario(file);
    expect(changed.seed).toBe(99);
    expect(changed.households).toEqual({ size: 2.5, carShare: 0.25, rideShare: 0 });
    expect(changed.orders[0].compliance).toBe(0.5);
    expect(changed.orders[0].mobilization).toEqual({ kind: 'lognormal', median: 5400, shape: 1 });
    expect((file.orders as { mobilization: { median: string } }[])[0].mobilization.median).toBe('1h30m');
    expect(changed.fleets[0].vehicles).toBe(7);
    expect(changed.shelters.map((s) => s.capacity)).toEqual([null, 250]);
    expect(changed.hazards.map((h) => h.kind)).toEqual(['closure']);
  });

  it('set compliance and mobilization for every order at once', () => {
    const p = readParameters(parseScenario(kurskRaw));
    expect(new Set(p.orders.map((o) => o.compliance)).size).toBeGreaterThan(1);
    expect(withCompliance(p, 0.4).orders.every((o) => o.compliance === 0.4)).toBe(true);
    const slow = withMobilizationMedian(p, 7200).orders;
    expect(slow.every((o) => o.mobilization.median === 7200)).toBe(true);
    expect(slow.map((o) => o.mobilization.kind)).toEqual(p.orders.map((o) => o.mobilization.kind));
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
    const p = withMobilizationMedian(readParameters(parseScenario(raw)), 1234.5);
    const file = applyParameters(raw, p);
    expect((file.orders as { mobilization: { median: unknown } }[])[0].mobilization.median).toBe(1234.5);
    expect(parseScenario(file).orders[0].mobilization.median).toBe(1234.5);
  });
});
