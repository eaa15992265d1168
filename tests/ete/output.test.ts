// The ETE tables as text: what a cell says when there is no time to show, and
// the people column when the variants' counts differ.
import { describe, expect, test } from 'vitest';
import { eteCell, eteCsv, eteJson, eteTableText } from '../../src/ete/output.js';
import type { EteStudyRow } from '../../src/ete/replications.js';
import type { EteStudy } from '../../src/ete/study.js';

function studyRow(zone: string, variant: string, fields: Partial<EteStudyRow> = {}): EteStudyRow {
  return {
    zone, variant, group: 'all', told: 1000, zonePopulation: 1000, complied: 800, people: 800, trapped: 0, orderAt: 3600, replications: 1,
    p50: 2448, p90: 3728, p95: 3888, p100: 4048,
    ci95: { p50: null, p90: null, p95: null, p100: null },
    unreached: { p50: 0, p90: 0, p95: 0, p100: 0 },
    nobodyToLeave: 0,
    readyPeople: 800,
    cars: 320,
    nobodyReady: 0,
    ready: { p50: 1800, p90: 3000, p95: 3200, p100: 3500 },
    readyCi95: { p50: null, p90: null, p95: null, p100: null },
    readyUnreached: { p50: 0, p90: 0, p95: 0, p100: 0 },
    ...fields,
  };
}

const nothing = { p50: null, p90: null, p95: null, p100: null };
const missedOnce = { p50: 1, p90: 1, p95: 1, p100: 1 };

function study(rows: EteStudyRow[]): EteStudy {
  return {
    end: 'destination', regions: false, replications: 1, rows, curves: [],
    seeds: [...new Set(rows.map((r) => r.variant))].map((variant) => ({ variant, seeds: [1] })),
    variants: [...new Set(rows.map((r) => r.variant))],
    descriptions: [...new Set(rows.map((r) => r.variant))].map(() => ''),
    shadow: [...new Set(rows.map((r) => r.variant))].map(() => 0),
    regionShadow: [],
    zones: [...new Set(rows.map((r) => r.zone))],
    warnings: [], unfinished: [],
  };
}

describe('eteCell', () => {
  test('a zone no order reached says nobody was told, not that nobody could leave', () => {
    const unordered = studyRow('B', 'base', { told: 0, complied: 0, people: 0, orderAt: null, ...nothing, unreached: missedOnce });
    expect(eteCell(unordered, 'p90')).toBe('nobody told');
  });

  test('a zone where nobody lives says so, not that nobody was told', () => {
    const empty = studyRow('1km@line', 'base', { told: 0, zonePopulation: 0, complied: 0, people: 0, orderAt: null, ...nothing });
    expect(eteCell(empty, 'p90')).toBe('nobody lives here');
    expect(eteCell({ ...empty, group: 'car' }, 'p100', 'ready')).toBe('nobody lives here');
  });

  test('a car or transit-dependent row of a zone its order reached, with nobody told, has nobody of the group told (a zone of only a care home)', () => {
    const empty = { told: 0, complied: 0, people: 0, orderAt: 3600, ...nothing };
    expect(eteCell(studyRow('Care', 'base', { ...empty, group: 'car' }), 'p90')).toBe('none of this group told');
    expect(eteCell(studyRow('Care', 'base', { ...empty, group: 'transit-dependent' }), 'p100')).toBe('none of this group told');
    // special facilities of a kind the scenario has, none of them told though others of the zone were
    expect(eteCell(studyRow('all', 'base', { ...empty, group: 'special-facilities:school' }), 'p90')).toBe('nobody told');
  });

  test('a zone told to leave where nobody complied has nobody to leave', () => {
    const stayed = studyRow('A', 'base', { complied: 0, people: 0, ...nothing, unreached: missedOnce });
    expect(eteCell(stayed, 'p90')).toBe('nobody to leave');
  });

  test('trip generation shows when a zone whose people were all captured once ready was ready: it has people ready, none to leave', () => {
    const captured = studyRow('A', 'base', { people: 0, trapped: 800, ...nothing });
    expect(eteCell(captured, 'p90')).toBe('nobody to leave');
    expect(eteCell(captured, 'p90', 'ready')).toBe('50m 0s');
    expect(eteCell(studyRow('A', 'base', { complied: 0, people: 0, readyPeople: 0, ...nothing }), 'p90', 'ready')).toBe('nobody to leave');
    // Of six runs, two had nobody ready: the trip generation's cell says so, not the ETE's count.
    const some = { replications: 6, nobodyToLeave: 3, nobodyReady: 2 };
    expect(eteCell(studyRow('A', 'base', some), 'p90', 'ready')).toBe('50m 0s (4 of 6 runs had people to leave)');
    expect(eteCell(studyRow('A', 'base', some), 'p90')).toBe('1h 2m (3 of 6 runs had people to leave)');
  });

  test('a time, and "not reached" when the run ended first', () => {
    expect(eteCell(studyRow('A', 'base'), 'p90')).toBe('1h 2m');
    expect(eteCell(studyRow('A', 'base', { p100: null, unreached: { p50: 0, p90: 0, p95: 0, p100: 1 } }), 'p100')).toBe('not reached');
  });
});

describe('eteCell of replications some of which had nobody to leave', () => {
  test('says of how many runs the mean is, and which runs missed a share of those', () => {
    const some = { replications: 6, nobodyToLeave: 3, ci95: { p50: null, p90: [119, 123] as [number, number], p95: null, p100: null } };
    expect(eteCell(studyRow('B', 'base', { ...some, p90: 121 }), 'p90')).toBe('2m 1s ± 2s (3 of 6 runs had people to leave)');
    expect(eteCell(studyRow('B', 'base', { ...some, p100: null, unreached: { p50: 0, p90: 0, p95: 0, p100: 1 } }), 'p100'))
      .toBe('not reached (1/3 runs with people to leave)');
    const one = { replications: 2, nobodyToLeave: 1, ci95: { p50: null, p90: null, p95: null, p100: null } };
    expect(eteCell(studyRow('B', 'base', { ...one, p100: null, unreached: { p50: 0, p90: 0, p95: 0, p100: 1 } }), 'p100'))
      .toBe('not reached (1/1 run with people to leave)');
  });
});

describe('eteTableText', () => {
  test('the people column gives the range of the variants\' counts when they differ', () => {
    const text = eteTableText(study([
      studyRow('A', 'base'),
      studyRow('A', 'full', { complied: 1000, people: 1000 }),
      studyRow('B', 'base', { people: 500 }),
      studyRow('B', 'full', { people: 500 }),
    ]), 'p90');
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/^A\s+800–1,000\s/);
    expect(lines[2]).toMatch(/^B\s+500\s/);
  });
});

describe('eteJson', () => {
  test('holds the numbers ete.csv holds: times in milliseconds, means of people to the thousandth', () => {
    const row = studyRow('A', 'base', {
      people: 800 / 3, orderAt: 0.1, replications: 3, p50: 1000.3 - 0.1, p90: 3728.0004999, p95: 3888, p100: null,
      ci95: { p50: [900.12345, 1100.27655], p90: null, p95: null, p100: null },
      unreached: { p50: 0, p90: 0, p95: 0, p100: 1 },
      readyPeople: 266.66666666,
      ready: { p50: 1800.0004999, p90: 3000, p95: 3200, p100: null },
      readyCi95: { p50: [1700.12345, 1899.87655], p90: null, p95: null, p100: null },
      readyUnreached: { p50: 0, p90: 0, p95: 0, p100: 2 },
    });
    const json = JSON.parse(eteJson(study([row])));
    expect(json.rows[0].ready).toEqual({ p50: 1800, p90: 3000, p95: 3200, p100: null });
    expect(json.rows[0].readyCi95.p50).toEqual([1700.123, 1899.877]);
    expect(json.rows[0].readyUnreached.p100).toBe(2);
    expect(json.rows[0].readyPeople).toBe(266.667);
    expect(json.rows[0]).toMatchObject({ people: 266.667, orderAt: 0.1, p50: 1000.2, p90: 3728, p95: 3888, p100: null });
    expect(json.rows[0].ci95).toEqual({ p50: [900.123, 1100.277], p90: null, p95: null, p100: null });
    const [header, csv] = eteCsv(study([row])).split('\n');
    // The trip generation's columns come after the others, which keep their places.
    expect(header.endsWith(',nobodyToLeave,readyPeople,readyP50,readyP50CiLow,readyP50CiHigh,readyP50Unreached,readyP90,readyP90CiLow,readyP90CiHigh,readyP90Unreached,'
      + 'readyP95,readyP95CiLow,readyP95CiHigh,readyP95Unreached,readyP100,readyP100CiLow,readyP100CiHigh,readyP100Unreached,cars,zonePopulation,nobodyReady')).toBe(true);
    expect(csv).toBe('A,base,all,1000,800,266.667,0,0.1,3,1000.2,900.123,1100.277,0,3728,,,0,3888,,,0,,,,1,0'
      + ',266.667,1800,1700.123,1899.877,0,3000,,,0,3200,,,0,,,,2,320,1000,0');
  });
});
