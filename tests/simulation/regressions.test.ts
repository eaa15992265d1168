// Cases the property tests once found failing, kept so they stay fixed.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulate } from '../../src/simulation/index.js';
import { peopleAt } from '../../src/report/metrics.js';
import type { Scenario } from '../../src/scenario/types.js';

const load = (name: string): Scenario => JSON.parse(readFileSync(`tests/fixtures/regressions/${name}.json`, 'utf8'));

describe('regressions', () => {
  it('a check at blockedSince + stuckSeconds fires once, whatever the rounding', () => {
    // blockedSince + 35 rounded so that now − blockedSince < 35 at the event: it was re-scheduled at the same instant for ever
    const r = simulate(load('stuck-push-rounding'), { seed: 1 });
    expect(r.engine.events).toBeLessThan(100_000);
    // Nobody is pushed through the 69 veh/h exit road any more: what it lets out by the horizon leaves.
    const p = peopleAt(r, r.endTime);
    expect(p.evacuated).toBeGreaterThan(0);
    expect(p.evacuated + p.inTransit + p.waiting + p.stayed + p.trapped).toBe(p.told);
  });

  it('a car whose settlement node holds a shelter is recorded as departed before it arrives', () => {
    const r = simulate(load('departure-into-own-shelter'));
    const p = peopleAt(r, 0);
    expect(p).toMatchObject({ told: 1, evacuated: 1, inTransit: 0, waiting: 0 });
  });
});
