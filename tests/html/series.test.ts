import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flowBinSeconds, reportSeries, waitingForFleet } from '../../src/html/series.js';
import { simulate } from '../../src/simulation/simulate.js';
import { summarize } from '../../src/report/summary.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { Departed, ReadyForFleet, TrappedWaiting, makeResult, makeScenario, target } from '../report/fixtures.js';
import { runFixture } from './fixtures.js';

describe('waitingForFleet', () => {
  // Alpha: 40 ready at 100, 30 board at 500, 25 ready at 600; captured at 700.
  // Beta: 10 ready at 200, boarded at 900.
  const result = makeResult([
    [100, ReadyForFleet, 0, 40],
    [200, ReadyForFleet, 1, 10],
    [500, Departed, 0, 30, -1, 0],
    [550, Departed, 0, 4],
    [600, ReadyForFleet, 0, 25],
    [700, TrappedWaiting, 0, 50],
    [900, Departed, 1, 10, -1, 0],
  ]);

  it('adds people when ready, takes them away when a fleet boards them, and empties a captured pickup', () => {
    expect(waitingForFleet(result, [0, 100, 200, 500, 550, 600, 700, 900])).toEqual([0, 40, 50, 20, 20, 45, 10, 0]);
  });
});

describe('reportSeries', () => {
  const { scenario, result, summary } = runFixture();
  const s = reportSeries(result, scenario);

  it('starts at 0 and ends with the summary figures', () => {
    expect(s.times[0]).toBe(0);
    expect(s.times.at(-1)).toBe(result.endTime);
    expect(s.evacuated.at(-1)).toBe(summary.people.evacuated);
    expect(s.trapped.at(-1)).toBe(summary.people.trapped);
    expect(s.complied).toBe(summary.people.complied);
    expect(s.clearance).toEqual(summary.clearance);
  });

  it('gives rates per hour whose sum over the bins is everyone who departed and arrived', () => {
    const hours = s.flowBinSeconds / 3600;
    const sum = (xs: number[]) => xs.slice(0, -1).reduce((a, b) => a + b * hours, 0);
    expect(sum(s.evacuatedPerHour)).toBeCloseTo(summary.people.evacuated, 6);
    expect(sum(s.departedPerHour)).toBeCloseTo(s.left.at(-1) as number, 6);
    expect(s.binTimes.at(-1)).toBe(result.endTime);
  });

  it('bins departures and arrivals by a width that suits the run: never more than 100 bars, more than 2 for a short run', () => {
    expect(flowBinSeconds(7200)).toBe(120);
    expect(flowBinSeconds(17 * 86400)).toBe(21600);
    fc.assert(fc.property(fc.integer({ min: 600, max: 60 * 86400 }), (end) => {
      const bars = Math.ceil(end / flowBinSeconds(end));
      expect(bars).toBeLessThanOrEqual(100);
      expect(bars).toBeGreaterThanOrEqual(5);
    }));
    expect(s.binTimes.length - 1).toBe(Math.ceil(result.endTime / s.flowBinSeconds));
  });

  it('places a people.evacuated target on the curve of its scope, with its tolerance as the range', () => {
    const scoped = makeScenario({
      targets: [
        target({ metric: 'people.evacuated', at: 3600, value: 100, tolerance: 0.1 }),
        target({ metric: 'people.evacuated', scope: { district: 'East' }, value: 50, min: 40, max: 70 }),
        target({ metric: 'people.trapped', value: 0 }),
      ],
    });
    const withTargets = reportSeries(result, { ...scenario, targets: scoped.targets });
    expect(withTargets.scoped.map((c) => c.label)).toEqual(['district East']);
    expect(withTargets.targets.map((t) => [t.curve, t.at, t.low, t.high])).toEqual([
      [-1, 3600, 90, 110],
      [0, result.endTime, 40, 70],
    ]);
  });

  it('holds for any small scenario: left ≥ evacuated, waiting for a fleet ≤ waiting, nothing negative', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true }), (scenario) => {
        const run = simulate(scenario);
        const series = reportSeries(run, scenario);
        const end = summarize(run, scenario).people;
        series.times.forEach((_, i) => {
          expect(series.left[i]).toBeGreaterThanOrEqual(series.evacuated[i]);
          expect(series.waitingForFleet[i]).toBeGreaterThanOrEqual(0);
          expect(series.waitingForFleet[i]).toBeLessThanOrEqual(series.waiting[i]);
          if (i > 0) expect(series.evacuated[i]).toBeGreaterThanOrEqual(series.evacuated[i - 1]);
        });
        expect(series.evacuated.at(-1)).toBe(end.evacuated);
        for (const shelter of series.shelters) {
          expect(Math.max(...shelter.occupancy)).toBeLessThanOrEqual(shelter.capacity);
        }
      }),
      { numRuns: 40 },
    );
  });
});
