// Special facilities in an ETE study: their own mobilization, fleets that fetch
// their people, and the groups special-facilities and special-facilities:<kind>,
// on a network whose times follow from the road lengths and speeds.
import { formatDuration } from '../../src/report/format.js';
import { describe, expect, test } from 'vitest';
import { eteMetrics } from '../../src/ete/metrics.js';
import { eteText } from '../../src/ete/output.js';
import { runEteStudy } from '../../src/ete/study.js';
import { eteRows } from '../../src/ete/table.js';
import { buildZones } from '../../src/ete/zones.js';
import { ETE_GROUPS, eteGroups } from '../../src/ete/groups.js';
import { renderEteReport } from '../../src/html/ete-report.js';
import { summarize } from '../../src/report/summary.js';
import { simulate } from '../../src/simulation/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import type { FleetSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const fixed = (median: number) => ({ kind: 'fixed' as const, median, shape: null });

const buses = (fields: Partial<FleetSpec> = {}): FleetSpec => ({
  id: 'buses', depot: 'depot', vehicles: 3, seats: 40, boardingSecondsPerPerson: 5, serves: ['school'], mode: 'road',
  from: 0, headway: null, timetable: [], ...fields,
});

/**
 *   depot ──d: 6 km──► school ──e: 3 km── exit       every road 36 km/h (10 m/s), 3,600 veh/h (1 s headway);
 *                    ╱        ╲                      d one way, the others both ways
 *      town ──t: 1 km          c: 1 km── clinic
 *
 * One order at 30 min (1,800 s) tells all three, compliance 0.5 and a fixed 2 h delay.
 * The school (120 pupils) has its own fixed delay of 20 min; the clinic (a hospital,
 * 30 patients) follows the order's; the town (100 people, households of 2, all with cars)
 * too. Three buses of 40 seats at the depot serve the school only.
 */
function district(): Scenario {
  const speed = { speedKmh: 36, capacityVehPerHour: 3600 };
  return scenario({
    nodes: [],
    network: {
      nodes: [
        { id: 'depot', x: -6000, y: 0 }, { id: 'school', x: 0, y: 0 }, { id: 'exit', x: 3000, y: 0 },
        { id: 'town', x: 0, y: 1000 }, { id: 'clinic', x: 0, y: -1000 },
      ],
      roads: [
        road('d', 'depot', 'school', { lengthKm: 6, ...speed }),
        road('e', 'school', 'exit', { lengthKm: 3, ...speed, oneway: false }),
        road('t', 'town', 'school', { lengthKm: 1, ...speed, oneway: false }),
        road('c', 'clinic', 'school', { lengthKm: 1, ...speed, oneway: false }),
      ],
    },
    settlements: [
      settlement('school', 'school', 120, { district: 'A', facility: 'school', mobilization: fixed(1200) }),
      settlement('clinic', 'clinic', 30, { district: 'A', facility: 'hospital' }),
      settlement('town', 'town', 100, { district: 'A' }),
    ],
    shelters: [exit('exit', 'exit')],
    households: { size: 2, carShare: 1 },
    orders: [order([], { at: 1800, districts: ['A'], compliance: 0.5, mobilization: fixed(7200) })],
    fleets: [buses()],
  });
}

const rowOf = (rows: ReturnType<typeof eteRows>, group: string, zone = 'all') => rows.find((r) => r.zone === zone && r.group === group);

describe('special facilities in an ETE study', () => {
  test('a school of 120 pupils fetched by 3 buses of 40 seats: the last pupil arrives at a hand-derived instant', () => {
    const s = district();
    const rows = eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }]));
    // Pupils ready at 1,800 + 1,200 = 3,000 s (the school's own delay, not the order's 2 h). The three
    // buses leave the depot then, one headway (1 s) apart: 3,000, 3,001, 3,002; 6 km at 10 m/s = 600 s
    // to the school (3,600, 3,601, 3,602); 40 pupils × 5 s = 200 s boarding (3,800, 3,801, 3,802);
    // 3 km = 300 s to the exit: 40 pupils each at 4,100, 4,101 and 4,102 s.
    // From the order (1,800 s): 60 pupils (p50) are there with the second bus, 2,301 s; all of them with
    // the third, 2,302 s.
    const school = rowOf(rows, 'special-facilities:school');
    expect(school).toMatchObject({ told: 120, complied: 120, people: 120, trapped: 0, orderAt: 1800 });
    expect(school).toMatchObject({ p50: 2301, p90: 2302, p95: 2302, p100: 2302 });
    expect(rowOf(rows, 'special-facilities:school', 'A')).toMatchObject({ p50: 2301, p100: 2302 });
  });

  test('a facility no fleet serves: its people are counted and never reach safety, and validate names it', () => {
    const s = district();
    const result = simulate(s);
    const rows = eteRows(result, s, buildZones(s, [{ kind: 'district' }]));
    expect(rowOf(rows, 'special-facilities:hospital')).toMatchObject({
      told: 30, complied: 30, people: 30, trapped: 0, p50: null, p90: null, p95: null, p100: null,
    });
    // Both facilities: 150 people; the school's 120 are 80 %, so 50 % is reached with the school's
    // second bus and 90 % never.
    expect(rowOf(rows, 'special-facilities')).toMatchObject({ people: 150, p50: 2301, p90: null, p100: null });
    expect(summarize(result, s).people).toMatchObject({ told: 250, complied: 200, waiting: 30, evacuated: 170 });
  });

  test("the summary's settlement rows name a facility's kind, and its counts add up", () => {
    const s = district();
    const rows = summarize(simulate(s), s).settlements;
    const [school, clinic, town] = rows;
    // The school: all 120 told comply and the buses bring them out, the last at 4,102 s (derived above).
    expect(school).toMatchObject({ facility: 'school', told: 120, complied: 120, evacuated: 120, stayed: 0, clearance: 4102, clearanceAfterOrder: 2302 });
    // The clinic: no fleet serves it, so its 30 patients all comply and are still waiting at the end.
    expect(clinic).toMatchObject({ facility: 'hospital', told: 30, complied: 30, evacuated: 0, waiting: 30, clearance: null });
    expect(town).not.toHaveProperty('facility');
    for (const r of rows) {
      expect(r.complied + r.stayed).toBe(r.told);
      expect(r.waiting + r.inTransit + r.evacuated + r.trapped).toBe(r.complied);
    }
  });

  test('facilities follow no compliance share: all their people leave, while the town complies at 0.5', () => {
    const s = district();
    const rows = eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }]));
    expect(rowOf(rows, 'all')).toMatchObject({ told: 250, complied: 200, people: 200 });
    expect(rowOf(rows, 'car')).toMatchObject({ told: 100, complied: 50, people: 50 });
  });

  test('an order of compliance 0: the facilities all leave, and the town told is split by its households, not all put in transit-dependent', () => {
    const s = district();
    s.orders = [{ ...s.orders[0], compliance: 0 }];
    s.households = { size: 2, carShare: 0.6 };
    const rows = eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }]));
    expect(rowOf(rows, 'special-facilities')).toMatchObject({ told: 150, complied: 150, people: 150 });
    // The town's 100 people told, none complying: as 50 households of 2, ⌊50 × 0.6⌋ = 30 with cars,
    // 60 of them car people and 40 transit-dependent.
    expect(rowOf(rows, 'car')).toMatchObject({ told: 60, complied: 0, people: 0 });
    expect(rowOf(rows, 'transit-dependent')).toMatchObject({ told: 40, complied: 0, people: 0 });
    expect(rowOf(rows, 'all')).toMatchObject({ told: 250, complied: 150, people: 150 });
  });

  test('the groups split everyone: car + transit-dependent + special-facilities = all, the kinds add up to special-facilities', () => {
    const s: Scenario = { ...district(), households: { size: 2, carShare: 0.6 }, fleets: [buses({ serves: [] })] };
    const rows = eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }]));
    const people = (group: string) => rowOf(rows, group)?.people;
    // The town: 50 comply, 25 households of 2, ⌊25 × 0.6⌋ = 15 with cars: 30 people by car, 20 by bus.
    expect([people('car'), people('transit-dependent'), people('special-facilities')]).toEqual([30, 20, 150]);
    expect(people('all')).toBe(200);
    expect((people('special-facilities:school') ?? 0) + (people('special-facilities:hospital') ?? 0)).toBe(150);
    // Every group of this run reached its 100 %: the buses serve everyone.
    for (const group of eteGroups(s)) expect(rowOf(rows, group)?.p100).not.toBeNull();
  });

  test('a facility with no delay of its own takes its order\'s', () => {
    const s = district();
    s.settlements[1] = { ...s.settlements[1], facility: 'nursing-home' };
    s.fleets = [buses({ serves: ['clinic'], vehicles: 1 })];
    const rows = eteRows(simulate(s), s, buildZones(s, [{ kind: 'district' }]));
    // Ready at 1,800 + 7,200 = 9,000 s; the bus leaves the depot then, 600 s to the school node, 100 s on c
    // to the clinic (9,700); 30 × 5 s boarding (9,850); 100 s back and 300 s to the exit: 10,250 s, 8,450 s after the order.
    expect(rowOf(rows, 'special-facilities:nursing-home')).toMatchObject({ people: 30, p100: 8450 });
  });

  test('rows, metrics, text and report name the facility groups; no other kind has a row', () => {
    const s = district();
    const study = runEteStudy([{ name: 'base', scenario: s }], { zones: [{ kind: 'district' }] });
    expect([...new Set(study.rows.map((r) => r.group))]).toEqual([
      'all', 'car', 'transit-dependent', 'special-facilities', 'special-facilities:school', 'special-facilities:hospital',
    ]);
    const metrics = eteMetrics(simulate(s), s);
    expect(metrics['ete.A.special-facilities:school.p100']).toBe(2302);
    expect(metrics['ete.A.special-facilities.people']).toBe(150);
    expect(metrics['ete.A.special-facilities:hospital.p100']).toBeNull();
    const text = eteText(study, 'district');
    expect(text).toContain('100 % of the people of special facilities who could leave:');
    expect(text).toContain('100 % of the people of special facilities (school) who could leave:');
    expect(text).toMatch(/100 % of the people of special facilities \(school\) who could leave:\nzone +people +base\nall +120 +38m 22s\nA +120 +38m 22s/);
    // Their trip generation too, as the report gives it: the school's 120 ready at one instant.
    const school = study.rows.find((r) => r.zone === 'A' && r.group === 'special-facilities:school');
    expect(school?.ready.p100).toBe(school?.ready.p50);
    const lines = text.split('\n');
    const at = lines.indexOf('100 % of the people of special facilities (school) who chose to leave ready to set out (trip generation):');
    expect(lines[at + 3]).toMatch(new RegExp(`^A +120 +${formatDuration(school?.ready.p100 as number)}$`));
    const page = renderEteReport(study, 'district');
    expect(page).toContain('Special facilities (fleets)');
    expect(page).toContain('Special facilities: school');
  });

  test("the facilities' tables list the whole scenario and the zones with a facility told to leave", () => {
    const s = district();
    s.settlements[2] = { ...s.settlements[2], district: 'B' };
    s.orders[0] = { ...s.orders[0], districts: ['A', 'B'] };
    const study = runEteStudy([{ name: 'base', scenario: s }], { zones: [{ kind: 'district' }] });
    const tables = eteText(study, 'district').split('\n\n');
    const zonesOf = (title: string) => (tables.find((t) => t.startsWith(title)) ?? '').split('\n').slice(2).map((l) => l.split(/\s+/)[0]);
    expect(zonesOf('100 % of the people who could leave:')).toEqual(['all', 'A', 'B']);
    expect(zonesOf('100 % of the people of special facilities who could leave:')).toEqual(['all', 'A']);
    expect(zonesOf('100 % of the people of special facilities (school) who could leave:')).toEqual(['all', 'A']);
    // The rows of every zone are still there, for the files.
    expect(study.rows.find((r) => r.zone === 'B' && r.group === 'special-facilities')).toMatchObject({ told: 0, people: 0 });
    const page = renderEteReport(study, 'district');
    const from = page.indexOf('Special facilities (fleets)</h3>');
    const table = page.slice(from, page.indexOf('</table>', from));
    expect(table).toContain('<td>A</td>');
    expect(table).not.toContain('<td>B</td>');
  });

  test('scenarios without facilities keep the three groups and their rows', () => {
    for (const name of ['kursk-2024', 'two-towns', 'grid-city', 'bottleneck']) {
      expect(eteGroups(loadScenarioFile(`scenarios/${name}.json`))).toEqual(ETE_GROUPS);
    }
    const s: Scenario = { ...district(), settlements: district().settlements.slice(2), fleets: [] };
    const study = runEteStudy([{ name: 'base', scenario: s }], { zones: [{ kind: 'district' }] });
    expect([...new Set(study.rows.map((r) => r.group))]).toEqual(['all', 'car', 'transit-dependent']);
    expect(eteText(study, 'town')).not.toContain('special facilities');
  });
});
