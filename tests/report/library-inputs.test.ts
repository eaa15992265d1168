// The library's report functions and simulate() refuse what is not theirs to take with
// an InputError naming the call, not a bare TypeError from deep inside.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { peopleAt, simulate, summarize } from '../../src/index.js';
import { loadScenario } from '../../src/index.js';

const scenario = loadScenario('scenarios/bottleneck.json');

describe('library inputs', () => {
  it('summarize() and peopleAt() take the result of simulate()', () => {
    for (const bad of [null, undefined, 7, [], { endTime: 3 }, scenario]) {
      expect(() => summarize(bad as never, scenario)).toThrow(InputError);
      expect(() => peopleAt(bad as never, 0)).toThrow(InputError);
    }
    expect(() => summarize(null as never, scenario)).toThrow('summarize() takes the result of simulate(), got null');
    expect(() => peopleAt([] as never, 0)).toThrow('peopleAt() takes the result of simulate(), got an array');
  });

  it('simulate() takes its options as an object', () => {
    expect(() => simulate(scenario, 7 as never)).toThrow('simulate() takes its options as an object (such as { seed: 7 }), got 7');
    expect(() => simulate(scenario, null as never)).toThrow(InputError);
    const result = simulate(scenario, { seed: 3 });
    expect(summarize(result, scenario).seed).toBe(3);
    expect(peopleAt(result, result.endTime).told).toBeGreaterThan(0);
  });
});
