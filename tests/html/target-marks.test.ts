import { describe, expect, it } from 'vitest';
import { chartSpecs } from '../../src/html/charts.js';
import { reportSeries } from '../../src/html/series.js';
import { makeScenario, target } from '../report/fixtures.js';
import { runFixture } from './fixtures.js';

describe('target marks on the evacuated chart', () => {
  const { scenario, result } = runFixture();
  const marks = (targets: ReturnType<typeof target>[]) => {
    const series = reportSeries(result, { ...scenario, targets: makeScenario({ targets }).targets });
    return { points: series.targets, titles: (chartSpecs(series).evacuated?.points ?? []).map((p) => p.title) };
  };

  it('gives a target with only a minimum or only a maximum one bound, as the text summary does', () => {
    const { points, titles } = marks([
      target({ metric: 'people.evacuated', value: 8000, min: 8000 }),
      target({ metric: 'people.evacuated', value: 1200, max: 1200 }),
    ]);
    expect(points.map((p) => [p.low, p.high])).toEqual([[8000, null], [null, 1200]]);
    expect(titles[0]).toContain(': ≥ 8,000, run: ');
    expect(titles[1]).toContain(': ≤ 1,200, run: ');
    expect(titles.join('\n')).not.toMatch(/8,000–8,000|1,200–1,200/);
  });

  it('keeps the band of a target with both bounds or a tolerance', () => {
    const { titles } = marks([
      target({ metric: 'people.evacuated', value: 50, min: 40, max: 70 }),
      target({ metric: 'people.evacuated', value: 100, tolerance: 0.1 }),
    ]);
    expect(titles[0]).toContain(': 50 (40–70), run: ');
    expect(titles[1]).toContain(': 100 (90–110), run: ');
  });
});
