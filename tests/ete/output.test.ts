// The ETE tables as text: what a cell says when there is no time to show, and
// the people column when the variants' counts differ.
import { describe, expect, test } from 'vitest';
import { eteCell, eteTableText } from '../../src/ete/output.js';
import type { EteStudyRow } from '../../src/ete/replications.js';
import type { EteStudy } from '../../src/ete/study.js';

function studyRow(zone: string, variant: string, fields: Partial<EteStudyRow> = {}): EteStudyRow {
  return {
    zone, variant, group: 'all', told: 1000, complied: 800, people: 800, trapped: 0, orderAt: 3600, replications: 1,
    p50: 2448, p90: 3728, p95: 3888, p100: 4048,
    ci95: { p50: null, p90: null, p95: null, p100: null },
    unreached: { p50: 0, p90: 0, p95: 0, p100: 0 },
    ...fields,
  };
}

const nothing = { p50: null, p90: null, p95: null, p100: null };
const missedOnce = { p50: 1, p90: 1, p95: 1, p100: 1 };

function study(rows: EteStudyRow[]): EteStudy {
  return {
    end: 'destination', replications: 1, rows, curves: [],
    seeds: [...new Set(rows.map((r) => r.variant))].map((variant) => ({ variant, seeds: [1] })),
    variants: [...new Set(rows.map((r) => r.variant))],
    zones: [...new Set(rows.map((r) => r.zone))],
    warnings: [], unfinished: [],
  };
}

describe('eteCell', () => {
  test('a zone no order reached says nobody was told, not that nobody could leave', () => {
    const unordered = studyRow('B', 'base', { told: 0, complied: 0, people: 0, orderAt: null, ...nothing, unreached: missedOnce });
    expect(eteCell(unordered, 'p90')).toBe('nobody told');
  });

  test('a zone told to leave where nobody complied has nobody to leave', () => {
    const stayed = studyRow('A', 'base', { complied: 0, people: 0, ...nothing, unreached: missedOnce });
    expect(eteCell(stayed, 'p90')).toBe('nobody to leave');
  });

  test('a time, and "not reached" when the run ended first', () => {
    expect(eteCell(studyRow('A', 'base'), 'p90')).toBe('1h 2m');
    expect(eteCell(studyRow('A', 'base', { p100: null, unreached: { p50: 0, p90: 0, p95: 0, p100: 1 } }), 'p100')).toBe('not reached');
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
