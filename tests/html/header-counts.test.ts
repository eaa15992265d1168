// The report's header counts what the scenario holds, a noun singular for one:
// "1 fleet", "1 road", not "1 fleets".
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/html/render-report.js';
import { summarize } from '../../src/report/summary.js';
import { simulate } from '../../src/simulation/simulate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { frontTakesBuses } from '../helpers/front-takes-buses.js';

const meta = (html: string) => /<p class="meta">([^<]*)<\/p>/.exec(html)?.[1] ?? '';

describe('report header', () => {
  it('says "1 fleet" and "1 hazard" for one, and the plural for more', () => {
    const scenario: Scenario = frontTakesBuses(0.6);
    expect([scenario.fleets.length, scenario.hazards.length]).toEqual([1, 1]);
    const result = simulate(scenario);
    const one = meta(renderReport(result, summarize(result, scenario), scenario));
    expect(one).toMatch(/ · 1 fleet · 1 hazard$/);
    const two: Scenario = { ...scenario, fleets: [scenario.fleets[0], { ...scenario.fleets[0], id: 'more' }], hazards: [] };
    const again = simulate(two);
    expect(meta(renderReport(again, summarize(again, two), two))).toMatch(/ · 2 fleets · 0 hazards$/);
  });
});
