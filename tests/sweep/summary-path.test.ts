// Sweep metrics read from a run's summary: a fleet's vehicles lost to a capture are
// a count, and when the first was lost a time in seconds, null when none was.
import { describe, expect, it } from 'vitest';
import { readSummaryPath } from '../../src/sweep/summary-path.js';
import { simulate } from '../../src/simulation/simulate.js';
import { summarize } from '../../src/report/summary.js';
import { frontTakesBuses } from '../helpers/front-takes-buses.js';

/** frontTakesBuses run: 0.6 km deep, the front takes two buses at 1,000 s; 0.4 km deep, none. */
function run(maxDepthKm: number) {
  const scenario = frontTakesBuses(maxDepthKm);
  const result = simulate(scenario);
  return { scenario, result, summary: summarize(result, scenario) };
}

describe('readSummaryPath', () => {
  it("reads a fleet's lost vehicles as a count and the first loss as seconds, null when none was lost", () => {
    const lost = readSummaryPath('fleets[id=buses].lost');
    const first = readSummaryPath('fleets[id=buses].firstLostAt');
    expect([lost.unit, first.unit]).toEqual(['count', 's']);
    expect([lost.read(run(0.6)), first.read(run(0.6))]).toEqual([2, 1000]);
    expect([lost.read(run(0.4)), first.read(run(0.4))]).toEqual([0, null]);
  });

  it('reads a district whose name holds a space or a dot quoted in brackets, as --set writes it', () => {
    const r = run(0.4);
    const named = (district: string) => ({ ...r, summary: { ...r.summary, settlements: r.summary.settlements.map((s) => ({ ...s, district })) } });
    const people = r.summary.settlements.reduce((sum, s) => sum + s.evacuated, 0);
    expect(readSummaryPath('districts["North Side"].evacuated').read(named('North Side'))).toBe(people);
    expect(readSummaryPath('districts["St. Ann"].evacuated').read(named('St. Ann'))).toBe(people);
    expect(() => readSummaryPath('districts.North Side.evacuated')).toThrow(/--metric/);
  });
});
