// Fleet vehicles lost to a capture in the report and the explorer: the fleets table
// counts them and gives the first loss, the special facility the fleet served says so
// in the settlement table and on its map mark; a run that lost none shows nothing of it.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/explore/evaluate.js';
import { fleetLossWords, lossesServing } from '../../src/html/fleet-losses.js';
import { mapData } from '../../src/html/map-data.js';
import { renderMap } from '../../src/html/map.js';
import { renderReport } from '../../src/html/render-report.js';
import { fleetTable } from '../../src/html/tables.js';
import { facilityWords } from '../../src/html/unserved.js';
import { summarize } from '../../src/report/summary.js';
import { simulate } from '../../src/simulation/simulate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { frontTakesBuses } from '../helpers/front-takes-buses.js';

/** frontTakesBuses run and summarized: 0.6 km deep, the front takes the two buses boarding at the school at 1,000 s. */
function run(maxDepthKm = 0.6, start: string | null = null) {
  const scenario: Scenario = { ...frontTakesBuses(maxDepthKm), start };
  const result = simulate(scenario);
  return { scenario, result, summary: summarize(result, scenario) };
}

const headers = (html: string) => [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
const WORDS = 'fleet "buses" lost 2 of 3 vehicles, the first at 16m 40s';

describe('fleetLossWords', () => {
  it('says how many of the fleet were lost and when the first, with the calendar time when there is a start', () => {
    const { summary } = run();
    expect(fleetLossWords(summary.fleets[0], null)).toBe(WORDS);
    expect(fleetLossWords(summary.fleets[0], '2024-08-06T03:00:00+03:00')).toBe(`${WORDS} (2024-08-06 03:16)`);
    expect(fleetLossWords({ ...summary.fleets[0], vehicles: 1, lost: 1 }, null)).toBe('fleet "buses" lost 1 of 1 vehicle, the first at 16m 40s');
  });

  it('is said of a facility only by the fleets that serve it and lost vehicles', () => {
    const { scenario, summary } = run();
    const school = scenario.settlements[0];
    expect(lossesServing(scenario, summary.fleets, school)).toEqual([summary.fleets[0]]);
    expect(lossesServing({ ...scenario, fleets: [{ ...scenario.fleets[0], serves: ['elsewhere'] }] }, summary.fleets, school)).toEqual([]);
    expect(lossesServing(scenario, run(0.4).summary.fleets, school)).toEqual([]);
  });
});

describe('the fleets table', () => {
  it('counts the vehicles a capture took, of the fleet, and gives when it took the first', () => {
    const { scenario, summary } = run(0.6, '2024-08-06T03:00:00+03:00');
    const html = fleetTable(summary, scenario, scenario.start);
    expect(headers(html).slice(-3)).toEqual(['busy', 'lost', 'first lost at']);
    expect(html).toContain('<td class="num"><strong class="missed">2 of 3</strong></td><td class="num">16m 40s<small>');
  });

  it('has no such columns when no fleet lost a vehicle', () => {
    const { scenario, summary } = run(0.4);
    expect(summary.fleets[0].lost).toBe(0);
    expect(headers(fleetTable(summary, scenario, null)).at(-1)).toBe('busy');
  });
});

describe('the report and the explorer', () => {
  it('say it in the fleets section and beside the school the buses were fetching', () => {
    const { scenario, result, summary } = run();
    const html = renderReport(result, summary, scenario);
    const fleets = html.slice(html.indexOf('<section id="fleets">'), html.indexOf('<section id="shelters">'));
    expect(fleets).toContain('vehicles a capture took, with the people aboard, and when it took the first.');
    expect(fleets).toContain('<strong class="missed">2 of 3</strong>');
    expect(facilityWords(scenario, scenario.settlements[0], summary.fleets)).toBe(`school; ${WORDS}`);
    expect(html).toContain(`<td>school; ${WORDS.replaceAll('"', '&quot;')}</td>`);
    const explored = evaluate(JSON.parse(JSON.stringify(scenario)));
    expect(explored.fleets).toContain('<strong class="missed">2 of 3</strong>');
    expect(explored.settlementTable).toContain(`<td>school; ${WORDS.replaceAll('"', '&quot;')}</td>`);
  });

  it('on the school\'s map mark, and nowhere for a run that lost none', () => {
    const lost = run();
    const data = mapData(lost.result, lost.scenario, null, lost.summary);
    expect(data.settlements[0].fleetLosses).toEqual([WORDS]);
    expect(renderMap(data)).toContain(`special facility: school; ${WORDS.replaceAll('"', '&quot;')}\n`);
    const kept = run(0.4);
    expect(mapData(kept.result, kept.scenario, null, kept.summary).settlements[0]).not.toHaveProperty('fleetLosses');
    expect(renderReport(kept.result, kept.summary, kept.scenario)).not.toContain('first lost at');
  });
});
