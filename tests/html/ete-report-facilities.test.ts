// The ETE report's special-facility tables: as the terminal shows them (one table
// of all facilities, and one per kind only when there are two kinds or more),
// the kinds in words, and a zone whose told people never arrived said so.
import { expect, test } from 'vitest';
import { runEteStudy } from '../../src/ete/study.js';
import { renderEteReport } from '../../src/html/ete-report.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

/**
 *   town (A, 100, cars) ── 1 km ── school (A, 40, a school) ── 1 km ── exit ── 1 km ── care (B, 20, a nursing home)
 * Every road both ways; one order tells A and B at once; the bus at the exit serves the school only,
 * so nothing moves the care home's people.
 */
function twoZones(): Scenario {
  return scenario({
    nodes: ['town', 'school', 'exit', 'care'],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'school', x: 1000, y: 0 }, { id: 'exit', x: 2000, y: 0 }, { id: 'care', x: 3000, y: 0 }],
      roads: [road('t', 'town', 'school', { oneway: false }), road('s', 'school', 'exit', { oneway: false }), road('c', 'care', 'exit', { oneway: false })],
    },
    settlements: [
      settlement('town', 'town', 100, { district: 'A' }),
      settlement('school', 'school', 40, { district: 'A', facility: 'school' }),
      settlement('care', 'care', 20, { district: 'B', facility: 'nursing-home' }),
    ],
    shelters: [exit('exit', 'exit')],
    households: { size: 2, carShare: 1 },
    orders: [order([], { districts: ['A', 'B'] })],
    fleets: [{
      id: 'bus', depot: 'exit', vehicles: 1, seats: 40, boardingSecondsPerPerson: 1, serves: ['school'], mode: 'road',
      from: 0, headway: null, timetable: [],
    }],
  });
}

const headings = (page: string) => [...page.matchAll(/<h3>([^<]*)<\/h3>/g)].map((m) => m[1]);

test('one kind of facility: one table of special facilities, not the same table twice', () => {
  const s = twoZones();
  s.settlements = s.settlements.slice(0, 2);
  const page = renderEteReport(runEteStudy([{ name: 'base', scenario: s }], { zones: [{ kind: 'district' }] }), 'one kind');
  // Everyone in the town drives: the transit-dependent group has nobody, and no table.
  const groups = ['Everyone', 'People in their own cars', 'Special facilities (fleets)'];
  const ready = groups.flatMap((g) => [`${g}: 90 % ready`, `${g}: 100 % ready`]);
  expect(headings(page)).toEqual([...groups, ...groups, ...ready]);
});

test('two kinds: a table per kind, named in words', () => {
  const page = renderEteReport(runEteStudy([{ name: 'base', scenario: twoZones() }], { zones: [{ kind: 'district' }] }), 'two kinds');
  expect(headings(page).slice(2, 5)).toEqual(['Special facilities (fleets)', 'Special facilities: school', 'Special facilities: nursing home']);
});

test("a zone whose told people never arrived is not called a zone nobody was ordered to leave", () => {
  const page = renderEteReport(runEteStudy([{ name: 'base', scenario: twoZones() }], { zones: [{ kind: 'district' }] }), 'two kinds');
  const zoneB = page.slice(page.indexOf('<figcaption>B</figcaption>'));
  expect(zoneB).toContain('none of the people who could leave reached a shelter or exit by the end of the run');
  expect(page).not.toContain('nobody in this zone was ordered to leave');
});
