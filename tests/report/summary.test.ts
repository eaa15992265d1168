import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/report/summary.js';
import { randomResult } from './arbitraries.js';
import { BUSES, TINY_ROWS, makeResult, makeScenario, target } from './fixtures.js';

const tiny = makeResult(TINY_ROWS, { fleets: [BUSES] });
const scenario = makeScenario({
  targets: [target({ metric: 'people.evacuated', at: 7200, value: 50, tolerance: 0.03 })],
});

describe('summarize', () => {
  it('has every docs/design.md §5 key, in §5 order', () => {
    const s = summarize(tiny, scenario);
    const topLevel = [
      'scenario', 'seed', 'people', 'vehicles', 'clearance', 'throughput',
      'settlements', 'shelters', 'fleets', 'targets', 'engine',
    ];
    expect(Object.keys(s).filter((k) => topLevel.includes(k))).toEqual(topLevel);
    expect(Object.keys(s.people)).toEqual([
      'told', 'complied', 'stayed', 'waiting', 'inTransit', 'evacuated', 'trapped', 'shadow',
    ]);
    const inOrder = (keys: string[], required: string[]) =>
      expect(keys.filter((k) => required.includes(k))).toEqual(required);
    inOrder(Object.keys(s.vehicles), ['cars', 'fleet', 'arrived']);
    expect(Object.keys(s.clearance)).toEqual(['p50', 'p90', 'p95', 'p100']);
    inOrder(Object.keys(s.throughput), ['binSeconds', 'evacuated', 'departed', 'peakPeoplePerHour']);
    inOrder(Object.keys(s.settlements[0]), [
      'id', 'district', 'told', 'evacuated', 'stayed', 'trapped', 'clearance', 'capturedAt',
    ]);
    inOrder(Object.keys(s.shelters[0]), ['id', 'capacity', 'arrived']);
    inOrder(Object.keys(s.fleets[0]), [
      'id', 'trips', 'carried', 'meanWaitSeconds', 'maxWaitSeconds', 'utilisation', 'lost', 'firstLostAt',
    ]);
    inOrder(Object.keys(s.targets[0]), ['metric', 'at', 'value', 'actual', 'ok']);
    inOrder(Object.keys(s.engine), ['events', 'linkTraversals', 'wallSeconds']);
  });

  it('adds rerouted with its causes, noRouteWaits, gridlocks and endTime', () => {
    const s = summarize(tiny, scenario);
    expect(s.vehicles).toEqual({
      cars: 30, fleet: 2, arrived: 25, rerouted: 0, reroutedBy: { fullShelter: 0, hazard: 0, congestion: 0 },
      noRouteWaits: 0, gridlocks: 1,
    });
    expect(s.gridlocks).toEqual([{ time: 60, links: ['a', 'b'] }]);
    expect(s.endTime).toBe(10_800);
  });

  it('reports the tiny run', () => {
    const s = summarize(tiny, scenario, { wallSeconds: 1.5 });
    expect(s.scenario).toBe('tiny');
    expect(s.seed).toBe(7);
    expect(s.people).toEqual({
      told: 150, complied: 120, stayed: 30, waiting: 10, inTransit: 0, evacuated: 90, trapped: 20, shadow: 5,
    });
    expect(s.clearance).toEqual({ p50: 5000, p90: 9000, p95: null, p100: null });
    expect(s.throughput).toEqual({
      binSeconds: 3600, evacuated: [30, 20, 40], departed: [30, 70, 0], peakPeoplePerHour: 40,
    });
    expect(s.settlements[1]).toEqual({
      id: 'b', name: 'Beta', district: 'South', region: 'Kursk', told: 50, complied: 40, evacuated: 40,
      stayed: 10, waiting: 0, inTransit: 0, trapped: 0, orderedAt: 3600, clearance: 9000, clearanceAfterOrder: 5400, capturedAt: null,
    });
    expect(s.shelters).toEqual([
      { id: 'tac', name: 'Kursk TAC', kind: 'shelter', capacity: 40, arrived: 30, peakOccupancy: 30, capturedAt: null },
      { id: 'east', name: 'East exit', kind: 'exit', capacity: null, arrived: 60, peakOccupancy: 60, capturedAt: null },
    ]);
    expect(s.fleets).toEqual(tiny.fleets);
    expect(s.targets[0]).toMatchObject({ metric: 'people.evacuated', at: 7200, actual: 50, ok: true });
    expect(s.engine).toEqual({ events: 1234, linkTraversals: 567, wallSeconds: 1.5 });
  });

  it('keeps wallSeconds at 0 when not measured, so output is reproducible', () => {
    expect(summarize(tiny, scenario).engine.wallSeconds).toBe(0);
    expect(JSON.stringify(summarize(tiny, scenario))).toBe(JSON.stringify(summarize(tiny, scenario)));
  });

  it('its settlements add up to its people, and its throughput to its evacuated (property)', () => {
    fc.assert(
      fc.property(randomResult, (result) => {
        const s = summarize(result, makeScenario());
        const keys = ['told', 'complied', 'stayed', 'waiting', 'inTransit', 'evacuated', 'trapped'] as const;
        for (const key of keys) {
          expect(s.settlements.reduce((n, r) => n + r[key], 0)).toBe(s.people[key]);
        }
        expect(s.throughput.evacuated.reduce((a, b) => a + b, 0)).toBe(s.people.evacuated);
      }),
    );
  });
});
