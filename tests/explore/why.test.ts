import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { evaluate } from '../../src/explore/evaluate.js';
import { applyParameters, readParameters, scaleCompliance } from '../../src/explore/parameters.js';
import { whyLine, changes } from '../../src/explore/why.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { rawScenario } from '../html/fixtures.js';

describe('whyLine', () => {
  it('names the changed setting and follows it to the people on the road and the outcome', () => {
    const raw = rawScenario();
    const p = readParameters(parseScenario(raw));
    const lower = scaleCompliance(p, 0.3);
    const before = evaluate(raw);
    const now = evaluate(applyParameters(raw, lower));
    const line = whyLine(p, lower, before.facts, now.facts);
    expect(line.startsWith('lower compliance (80 % → 30 % on average) →')).toBe(true);
    const fewer = before.facts.left - now.facts.left;
    expect(fewer).toBeGreaterThan(0);
    expect(line).toContain(`${fewer} fewer people set off`);
  });

  it('says nothing when nothing changed', () => {
    const raw = rawScenario();
    const p = readParameters(parseScenario(raw));
    const run = evaluate(raw).facts;
    expect(whyLine(p, p, run, run)).toBe('');
  });

  it('lists every kind of setting that moved', () => {
    const p = readParameters(parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/kursk-2024.json', import.meta.url), 'utf8'))));
    const q = {
      ...p, carShare: 0.2, fleets: p.fleets.map((n) => n + 1), fleetPce: p.fleetPce.map(() => 2), hazards: p.hazards.map(() => false),
      seed: p.seed + 1, routing: 'free-flow' as const, capacityDrop: 0.07,
    };
    const said = changes(p, q).join('; ');
    expect(said).toContain('car share');
    expect(said).toContain('more fleet vehicles');
    const units = (x: typeof p) => x.fleets.reduce((s, n, i) => s + n * x.fleetPce[i], 0);
    expect(said).toContain(`larger fleet vehicles (${units(p).toLocaleString('en-US')} → ${units(q).toLocaleString('en-US')} car units in all)`);
    expect(said).toContain('hazard 1 off');
    expect(said).toContain(`seed ${p.seed} → ${p.seed + 1}`);
    expect(said).toContain('routing adaptive → free-flow');
    expect(said).toContain('capacity drop 0 % → 7 %');
  });

  it('says how shelter places and order times moved, and counts one vehicle as one', () => {
    const p = readParameters(parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/kursk-2024.json', import.meta.url), 'utf8'))));
    const first = p.shelters.findIndex((c) => c !== null);
    const second = p.shelters.findIndex((c, i) => c !== null && i > first);
    const places = p.shelters.reduce<number>((s, c) => s + (c ?? 0), 0);
    const withShelters = (change: (c: number, i: number) => number) => ({ ...p, shelters: p.shelters.map((c, i) => (c === null ? c : change(c, i))) });
    expect(changes(p, withShelters((c, i) => (i === first ? c + 100 : c)))).toEqual([`more shelter places (${places.toLocaleString('en-US')} → ${(places + 100).toLocaleString('en-US')})`]);
    expect(changes(p, withShelters((c, i) => (i === first ? c - 100 : i === second ? c + 100 : c)))).toEqual([`shelter places moved between shelters (${places.toLocaleString('en-US')} in all)`]);
    const later = (by: (i: number) => number) => ({ ...p, orders: p.orders.map((o, i) => ({ ...o, at: o.at + by(i) })) });
    expect(changes(p, later(() => 3600))).toEqual(['orders 1h 0m later']);
    expect(changes(p, later((i) => (i === 0 ? 3600 * p.orders.length : 0)))).toEqual(['orders 1h 0m later on average']);
    const facts = (peakOnRoad: number) => ({ figures: [], left: 10, peakOnRoad });
    expect(whyLine(p, p, facts(5), facts(4))).toBe('Same settings → 1 fewer vehicle on the road at the peak.');
    expect(whyLine(p, p, facts(5), facts(7))).toBe('Same settings → 2 more vehicles on the road at the peak.');
  });
});
