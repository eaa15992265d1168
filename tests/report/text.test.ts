import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/report/summary.js';
import { formatSummary } from '../../src/report/text.js';
import type { SimulationResult } from '../../src/result.js';
import { BUSES, TINY_ROWS, makeResult, makeScenario, settlement, target } from './fixtures.js';

const tiny = makeResult(TINY_ROWS, { fleets: [BUSES] });
const scenario = makeScenario({
  targets: [
    target({ metric: 'people.evacuated', at: 7200, value: 50, tolerance: 0.03 }),
    target({ metric: 'people.trapped', scope: { district: 'North' }, min: 0, max: 5 }),
    target({ metric: 'people.happy', value: 1 }),
    target({ metric: 'clearance.p50', value: 5000, tolerance: 0.1 }),
  ],
});

describe('formatSummary', () => {
  const text = formatSummary(summarize(tiny, scenario, { wallSeconds: 0.25 }), scenario);

  it('opens with the scenario name and seed', () => {
    expect(text.split('\n')[0]).toBe('tiny · seed 7 · ran 3h 0m (10,800 s)');
  });

  it('shows people with their share of told', () => {
    expect(text).toContain('  told                 150   100.0%');
    expect(text).toContain('  complied             120    80.0%');
    expect(text).toContain('  evacuated             90    60.0%');
    expect(text).toContain('  trapped               20    13.3%');
    expect(text).toContain('  shadow                 5   not told');
  });

  it('gives clearance in seconds and as a duration, or says it was not reached', () => {
    expect(text).toContain('  p50          5,000 s  1h 23m');
    expect(text).toContain('  p90          9,000 s  2h 30m');
    expect(text).toContain('  p100  not reached');
  });

  it('adds calendar times when the scenario has a start', () => {
    const dated = makeScenario({ start: '2024-08-06T03:00:00+03:00' });
    const out = formatSummary(summarize(tiny, dated), dated);
    expect(out).toContain('start 2024-08-06T03:00:00+03:00 · end 2024-08-06T06:00:00+03:00');
    expect(out).toContain('2h 30m        2024-08-06T05:30:00+03:00');
  });

  it('lists settlements, the slowest to clear, shelters and fleets', () => {
    expect(text).toMatch(/Alpha +North +100 +50 +20 +20 +not cleared/);
    expect(text).toMatch(/Beta +South +50 +40 +10 +0 +2h 30m/);
    // 10 still wait; 20 were trapped, on the road and before they left.
    expect(text).toContain('Alpha                  not cleared: 30 of 80 compliant not evacuated, 20 of them trapped\n');
    expect(text).toContain('Beta                   clear at 2h 30m');
    expect(text).toMatch(/Kursk TAC +30 arrived {2}of 40 places, 75\.0% full at peak/);
    expect(text).toMatch(/East exit +60 arrived {2}exit/);
    expect(text).toMatch(/buses +2×45 +3 +40 +1m 40s +5m 0s +50\.0%/);
  });

  it('adds a column of the vehicles a capture took only when some fleet lost any', () => {
    expect(text).not.toMatch(/ lost$/m);
    const lossy = makeResult(TINY_ROWS, { fleets: [{ ...BUSES, lost: 1, firstLostAt: 3600 }, { ...BUSES, id: 'vans' }] });
    const out = formatSummary(summarize(lossy, scenario), scenario);
    expect(out).toMatch(/busy +lost$/m);
    expect(out).toMatch(/buses +2×45 +3 +40 +1m 40s +5m 0s +50\.0% +1$/m);
    expect(out).toMatch(/vans +2×45 +3 +40 +1m 40s +5m 0s +50\.0% +0$/m);
  });

  it('marks targets met and missed, missed first', () => {
    const lines = text.split('\n');
    const at = lines.indexOf('Targets: 2 of 4 met');
    expect(lines.slice(at + 1, at + 5)).toEqual([
      '  ✗ people.trapped (district North): 20, expected 0 to 5',
      '  ✗ people.happy: unknown metric "people.happy", expected 1 ±0.0%',
      '  ✓ people.evacuated at 2h 0m: 50, expected 50 ±3.0%',
      '  ✓ clearance.p50: 5,000 s, expected 5,000 s ±10.0%',
    ]);
  });

  it('shows throughput and vehicle counters', () => {
    expect(text).toContain('Throughput: peak 40 people/h (bins of 1h 0m)');
    expect(text).toContain('Vehicles: cars 30, fleet 2, arrived 25, gridlocks 1, no-route waits 0');
    expect(text).toContain('Rerouted: 0 vehicles (full shelter 0, hazard 0, congestion 0)');
  });

  it('says how equilibrium routing ran, and nothing under other routings', () => {
    expect(text).not.toContain('Equilibrium routing');
    const report = (routing: SimulationResult['routing']) => formatSummary(summarize({ ...tiny, routing }, scenario), scenario);
    expect(report({ mode: 'equilibrium', iterations: 3, relativeGap: [0.0087, 0.0122, 0.0031], stoppedBy: 'iterations', kept: 3 }))
      .toContain('Equilibrium routing: 3 runs, relative gap 0.87 % → 0.31 %\n');
    expect(report({ mode: 'equilibrium', iterations: 2, relativeGap: [0.0087, 0.005], stoppedBy: 'gap', kept: 2 }))
      .toContain('Equilibrium routing: 2 runs (stopped at routing.gap), relative gap 0.87 % → 0.50 %\n');
    expect(report({ mode: 'equilibrium', iterations: 1, relativeGap: [0], stoppedBy: 'repeat', kept: 1 }))
      .toContain('Equilibrium routing: 1 run (stopped: nothing more to learn), relative gap 0.00 %\n');
    // The result is of a run before the last, the one with the lowest gap: said, with its gap.
    expect(report({ mode: 'equilibrium', iterations: 4, relativeGap: [0.0087, 0.0031, 0.0122, 0.0045], stoppedBy: 'iterations', kept: 2 }))
      .toContain('Equilibrium routing: 4 runs, relative gap 0.87 % → 0.45 %\nEquilibrium result: run 2, the lowest gap (0.31 %)\n');
  });

  it('ends with the engine counters', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe('Engine: 1,234 events, 567 link traversals, 0.25 s wall');
  });

  it('stays within about 80 lines of at most 100 characters, however big the run', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      settlement(`s${i}`, `A settlement with a very long name number ${i}`, 'A long district name', 'R', 10),
    );
    const big = makeResult(
      many.flatMap((_, i) => [[0, 0, i, 10] as [number, 0, number, number]]),
      {
        settlements: many,
        destinations: Array.from({ length: 20 }, (_, i) => ({
          id: `d${i}`, name: `D${i}`, node: 'n', capacity: 5, capturedAt: null,
        })),
        fleets: Array.from({ length: 9 }, (_, i) => ({ ...BUSES, id: `f${i}` })),
      },
    );
    const crowded = makeScenario({
      start: '2024-08-06T03:00:00+03:00',
      targets: Array.from({ length: 30 }, (_, i) =>
        target({ metric: 'people.told', scope: { settlement: `s${i}` }, at: 1000 * i, value: 10 }),
      ),
    });
    const lines = formatSummary(summarize(big, crowded), crowded).trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(80);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('is the same text whatever the time zone or locale of the machine', () => {
    const dated = makeScenario({ start: '2024-08-06T03:00:00+03:00' });
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    const west = formatSummary(summarize(tiny, dated), dated);
    process.env.TZ = 'Asia/Tokyo';
    const east = formatSummary(summarize(tiny, dated), dated);
    // Assigning undefined would set the string "undefined": put back exactly what was there.
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
    expect(west).toBe(east);
  });
});
