// A shelter whose node is captured within the run: it takes nobody from then on, those who
// had reached it stay there (evacuated, the model moves nobody on from a destination), and
// the result says when it fell and how many were in it.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { summarize } from '../../src/report/summary.js';
import { formatSummary } from '../../src/report/text.js';
import { shelterTable } from '../../src/html/tables.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

/** o and p (10 people each, told at 0 and at 2 h) → s (a shelter of 100 places, 1 km on) → x (an exit); s captured at `at`. */
function shelterOnTheWay(at: number | null): Scenario {
  return scenario({
    nodes: ['o', 's', 'x', 'p'],
    network: {
      nodes: [{ id: 'o', x: 0, y: 0 }, { id: 's', x: 1000, y: 0 }, { id: 'x', x: 2000, y: 0 }, { id: 'p', x: 1000, y: 1000 }],
      roads: [road('os', 'o', 's'), road('sx', 's', 'x'), road('px', 'p', 'x'), road('ps', 'p', 's')],
    },
    settlements: [settlement('o', 'o', 10), settlement('p', 'p', 10)],
    shelters: [{ ...exit('s', 's'), capacity: 100 }, exit('x', 'x')],
    orders: [order(['o']), order(['p'], { at: 7200 })],
    hazards: at === null ? [] : [{ kind: 'capture' as const, settlements: [], nodes: ['s'], at }],
  });
}

describe('a shelter captured within the run', () => {
  it('keeps those who reached it, takes nobody after, and says when it fell', () => {
    const s = shelterOnTheWay(3600);
    const result = simulate(s);
    expect(result.destinations.map((d) => d.capturedAt)).toEqual([3600, null]);
    const summary = summarize(result, s);
    const [shelter, exitRow] = summary.shelters;
    // o's 10 reached s within minutes; p's 10, told after the capture, went to the exit.
    expect([shelter.arrived, shelter.capturedAt, exitRow.arrived, exitRow.capturedAt]).toEqual([10, 3600, 10, null]);
    expect(summary.people.evacuated).toBe(20);
    const text = formatSummary(summary, s);
    expect(text).toContain('captured at 1h 0m with them in it');
    expect(text).toMatch(/of whom\s+10\s+evacuated or shadow, in shelters captured later/);
    expect(shelterTable(summary)).toContain('captured at');
  });

  it('keeps each shelter\'s capture line with it when the list is cut, and counts shelters, not lines', () => {
    const s = shelterOnTheWay(3600);
    const summary = summarize(simulate(s), s);
    const fell = summary.shelters[0];
    const many = { ...summary, shelters: Array.from({ length: 12 }, (_, i) => ({ ...fell, id: `s${i}`, name: `s${i}` })) };
    const text = formatSummary(many, s);
    // Ten rows at most: nine shelters, each with its line, and the count of the other three.
    expect(text.match(/captured at 1h 0m with them in it/g)?.length).toBe(9);
    expect(text).toContain('  … and 3 more');
  });

  it('says when an empty shelter fell, without anyone in it', () => {
    // Captured at once, with its roads: nobody reached it, o is cut off, p's 10 take the exit.
    const s = shelterOnTheWay(0);
    const summary = summarize(simulate(s), s);
    expect(summary.shelters.map((r) => [r.arrived, r.capturedAt])).toEqual([[0, 0], [10, null]]);
    const text = formatSummary(summary, s);
    expect(text).toMatch(/captured at 0s\n/);
    expect(text).not.toContain('with them in it');
    expect(text).not.toContain('of whom');
  });

  it('says nothing of captures when none took a shelter', () => {
    const s = shelterOnTheWay(null);
    const summary = summarize(simulate(s), s);
    expect(summary.shelters.map((r) => r.capturedAt)).toEqual([null, null]);
    expect(formatSummary(summary, s)).not.toContain('of whom');
    expect(shelterTable(summary)).not.toContain('captured at');
  });
});
