// Fuzzing the loader and the simulator: 10,000+ seeded cases in every CI run
// (FUZZ_RUNS raises it: `npm run fuzz`). Every case must end in a result or in
// ScenarioError lines with paths. Failures found are kept as regression cases.
// A mutation drawn again is not run again (tests/helpers/distinct.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BASE, exercise, mutate, mutation, type Mutation } from '../helpers/fuzz.js';
import { distinctOnly } from '../helpers/distinct.js';
import { readFileSync } from 'node:fs';

const scale = Number(process.env.FUZZ_RUNS ?? 0) || 1;
const runs = (n: number) => ({ numRuns: n * scale, seed: 20240806 });

describe('fuzzing', () => {
  it('the base scenario simulates', () => {
    expect(exercise(BASE)).toBe('simulated');
  });

  it('arbitrary JSON is rejected with paths or simulated, never crashes (3,000 cases)', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => { exercise(value); }), runs(3000));
  });

  it('arbitrary scenario-shaped objects never crash (2,000 cases)', () => {
    const shaped = fc.record({
      name: fc.string(), network: fc.record({ nodes: fc.array(fc.jsonValue(), { maxLength: 3 }), roads: fc.array(fc.jsonValue(), { maxLength: 3 }) }),
      settlements: fc.array(fc.jsonValue(), { maxLength: 3 }), shelters: fc.array(fc.jsonValue(), { maxLength: 2 }),
      orders: fc.array(fc.jsonValue(), { maxLength: 2 }),
    }, { requiredKeys: [] });
    fc.assert(fc.property(shaped, (value) => { exercise(value); }), runs(2000));
  });

  it('a valid scenario with one field mutated is rejected or simulated soundly (6,000 cases)', () => {
    let simulated = 0;
    const outcome = distinctOnly((m: Mutation) => exercise(mutate(BASE, m)));
    fc.assert(
      fc.property(mutation(BASE), (m) => {
        if (outcome(m) === 'simulated') simulated++;
      }),
      runs(6000),
    );
    // the mutations must not all be rejected, or the simulator would go untested
    expect(simulated).toBeGreaterThan(1000 * scale);
    // About 5 s on a quiet machine; a busy one has taken over a minute.
  }, 240_000);

  it.each(['two-towns', 'bottleneck'])('mutations of the shipped %s scenario (500 cases)', (name) => {
    const base = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));
    const outcome = distinctOnly((m: Mutation) => exercise(mutate(base, m)));
    fc.assert(fc.property(mutation(base), (m: Mutation) => { outcome(m); }), runs(500));
  });
});
