import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peopleAt, peopleBySettlement, peopleSeries } from '../../src/report/metrics.js';
import { RANDOM_END, randomResult } from './arbitraries.js';
import { TINY_ROWS, TrappedStayed, makeResult } from './fixtures.js';

const tiny = makeResult(TINY_ROWS);

describe('peopleAt', () => {
  it('counts rows at or before the instant', () => {
    expect(peopleAt(tiny, 0)).toEqual({
      told: 100, complied: 80, stayed: 20, waiting: 80, inTransit: 0, evacuated: 0, trapped: 0, shadow: 0,
    });
    expect(peopleAt(tiny, 100).shadow).toBe(5);
    expect(peopleAt(tiny, 599.9).waiting).toBe(80);
    expect(peopleAt(tiny, 600)).toMatchObject({ waiting: 50, inTransit: 30 });
  });

  it('reads every state exactly between rows', () => {
    expect(peopleAt(tiny, 3650)).toEqual({
      told: 150, complied: 120, stayed: 30, waiting: 90, inTransit: 0, evacuated: 30, trapped: 0, shadow: 5,
    });
    expect(peopleAt(tiny, 4500)).toEqual({
      told: 150, complied: 120, stayed: 30, waiting: 20, inTransit: 70, evacuated: 30, trapped: 0, shadow: 5,
    });
    expect(peopleAt(tiny, 6000)).toEqual({
      told: 150, complied: 120, stayed: 30, waiting: 20, inTransit: 40, evacuated: 50, trapped: 10, shadow: 5,
    });
  });

  it('ends with people trapped waiting and on the road, and some still waiting', () => {
    expect(peopleAt(tiny, tiny.endTime)).toEqual({
      told: 150, complied: 120, stayed: 30, waiting: 10, inTransit: 0, evacuated: 90, trapped: 20, shadow: 5,
    });
  });

  it('is all zeros before the first row', () => {
    expect(Object.values(peopleAt(tiny, -1)).every((n) => n === 0)).toBe(true);
  });

  it('restricts to a settlement, a district or a region', () => {
    expect(peopleAt(tiny, 4500, { settlement: 'b' })).toMatchObject({ told: 50, inTransit: 40, waiting: 0 });
    expect(peopleAt(tiny, 4500, { district: 'North' })).toMatchObject({
      told: 100,
      inTransit: 30,
      waiting: 20,
    });
    expect(peopleAt(tiny, 4500, { region: 'Kursk' })).toEqual(peopleAt(tiny, 4500));
    // a region no settlement has would count nobody: refused, as clearance refuses it
    expect(() => peopleAt(tiny, 4500, { region: 'Belgorod' })).toThrow('unknown region "Belgorod"; known: "Kursk"');
    expect(peopleAt(tiny, 4500, { region: 'Kursk', district: 'South' }).told).toBe(50);
    expect(peopleAt(tiny, 4500, {})).toEqual(peopleAt(tiny, 4500));
  });

  it('moves captured stayers from stayed to trapped, leaving complied alone', () => {
    const result = makeResult([...TINY_ROWS, [8000, TrappedStayed, 0, 15]]);
    expect(peopleAt(result, 7999)).toMatchObject({ complied: 120, stayed: 30, trapped: 20 });
    expect(peopleAt(result, 8000)).toEqual({
      told: 150, complied: 120, stayed: 15, waiting: 10, inTransit: 40, evacuated: 50, trapped: 35, shadow: 5,
    });
  });
});

describe('peopleSeries', () => {
  it('answers instants given in any order, as peopleAt would', () => {
    const times = [9000, 0, 4500, 600, 4500];
    expect(peopleSeries(tiny, times)).toEqual(times.map((t) => peopleAt(tiny, t)));
  });
});

describe('peopleBySettlement', () => {
  it('gives each settlement its own counts', () => {
    const [alpha, beta] = peopleBySettlement(tiny, tiny.endTime);
    expect(alpha).toEqual({
      told: 100, complied: 80, stayed: 20, waiting: 10, inTransit: 0, evacuated: 50, trapped: 20, shadow: 5,
    });
    expect(beta).toEqual({
      told: 50, complied: 40, stayed: 10, waiting: 0, inTransit: 0, evacuated: 40, trapped: 0, shadow: 0,
    });
  });
});

describe('accounting (property)', () => {
  const instant = fc.double({ min: -10, max: RANDOM_END + 10, noNaN: true });

  it('told = stayed + waiting + inTransit + evacuated + trapped at every instant, no state negative', () => {
    fc.assert(
      fc.property(randomResult, fc.array(instant, { minLength: 1, maxLength: 8 }), (result, times) => {
        for (const p of peopleSeries(result, times)) {
          expect(p.stayed + p.waiting + p.inTransit + p.evacuated + p.trapped).toBe(p.told);
          expect(p.complied).toBeLessThanOrEqual(p.told - p.stayed);
          expect(p.complied).toBeGreaterThanOrEqual(p.waiting + p.inTransit + p.evacuated);
          for (const n of Object.values(p)) expect(n).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('the settlements add up to the whole', () => {
    fc.assert(
      fc.property(randomResult, instant, (result, t) => {
        const whole = peopleAt(result, t);
        const parts = peopleBySettlement(result, t);
        for (const key of Object.keys(whole) as (keyof typeof whole)[]) {
          expect(parts.reduce((n, p) => n + p[key], 0)).toBe(whole[key]);
        }
        expect(parts).toEqual(result.settlements.map((s) => peopleAt(result, t, { settlement: s.id })));
      }),
    );
  });
});
