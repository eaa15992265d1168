// Parameter paths: parsing, and setting values through keys, indices, [*] and filters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parsePath, setAt, splitAssignment } from '../../src/sweep/path.js';
import { sweepFile } from './fixtures.js';

function set(file: unknown, path: string, value: unknown) {
  return setAt(file, parsePath(path), value, path);
}

describe('parsePath', () => {
  it('reads keys, indices, [*], filters and quoted keys', () => {
    expect(parsePath('households.carShare')).toEqual([{ kind: 'key', key: 'households' }, { kind: 'key', key: 'carShare' }]);
    expect(parsePath('orders[2].compliance')).toEqual([{ kind: 'key', key: 'orders' }, { kind: 'index', index: 2 }, { kind: 'key', key: 'compliance' }]);
    expect(parsePath('orders[*]')).toEqual([{ kind: 'key', key: 'orders' }, { kind: 'all' }]);
    expect(parsePath('settlements[district=Sudzhansky].population')[1]).toEqual({ kind: 'filter', field: ['district'], value: 'Sudzhansky' });
    expect(parsePath('orders[mobilization.kind=weibull]')[1]).toEqual({ kind: 'filter', field: ['mobilization', 'kind'], value: 'weibull' });
    expect(parsePath('settlements[name="Bolshoye Soldatskoye [north]"]')[1]).toEqual({ kind: 'filter', field: ['name'], value: 'Bolshoye Soldatskoye [north]' });
    expect(parsePath('targets[0]["odd key"]')[2]).toEqual({ kind: 'key', key: 'odd key' });
  });

  it.each(['', 'orders[', 'orders[x]', 'orders..a', 'orders[0]x', '9lives', 'a.__proto__.b', 'constructor'])('rejects %j with a InputError', (text) => {
    expect(() => parsePath(text)).toThrow(InputError);
  });
});

describe('splitAssignment', () => {
  it('splits at the first = outside brackets', () => {
    expect(splitAssignment('settlements[district=North].population=100:200:50')).toEqual({
      path: 'settlements[district=North].population',
      values: '100:200:50',
    });
    expect(splitAssignment(' households.carShare =0.6,0.8')).toEqual({ path: 'households.carShare', values: '0.6,0.8' });
  });

  it('rejects an assignment without =', () => {
    expect(() => splitAssignment('households.carShare')).toThrow(/PATH=VALUES/);
  });
});

describe('setAt', () => {
  it('sets one field and reports where', () => {
    const file = sweepFile();
    expect(set(file, 'households.carShare', 0.5)).toEqual([['households', 'carShare']]);
    expect(file.households.carShare).toBe(0.5);
  });

  it('[*] sets the field of every element', () => {
    const file = sweepFile();
    expect(set(file, 'orders[*].compliance', 0.3)).toEqual([['orders', 0, 'compliance'], ['orders', 1, 'compliance']]);
    expect(file.orders.map((o) => o.compliance)).toEqual([0.3, 0.3]);
  });

  it('a filter on a text field selects the elements equal to the value', () => {
    const file = sweepFile();
    expect(set(file, 'settlements[district=South].population', 50)).toEqual([['settlements', 1, 'population']]);
    expect(file.settlements.map((s) => s.population)).toEqual([600, 50]);
  });

  it('a filter on a list field selects the elements whose list contains the value', () => {
    const file = sweepFile();
    expect(set(file, 'orders[districts=North].mobilization.median', '2h')).toEqual([['orders', 0, 'mobilization', 'median']]);
    expect(file.orders[0].mobilization.median).toBe('2h');
    expect(file.orders[1].mobilization.median).toBe('1h');
  });

  it('a filter compares numbers by their text', () => {
    const file = sweepFile();
    set(file, 'settlements[population=300].district', 'East');
    expect(file.settlements[1].district).toBe('East');
  });

  it('creates a field, or an object on the way, the file left to its default', () => {
    const file = sweepFile() as Record<string, unknown>;
    set(file, 'shadowShare', 0.1);
    set(file, 'orders[0].withinKmOf.km', 5);
    expect(file.shadowShare).toBe(0.1);
    expect((file.orders as { withinKmOf?: { km: number } }[])[0].withinKmOf).toEqual({ km: 5 });
  });

  it('a path that selects nothing is a InputError naming it', () => {
    expect(() => set(sweepFile(), 'orders[districts=Nowhere].compliance', 1)).toThrow(/orders\[districts=Nowhere\]\.compliance: matches nothing.*Nowhere/);
    expect(() => set(sweepFile(), 'orders[5].compliance', 1)).toThrow(/no element \[5\]/);
    expect(() => set(sweepFile(), 'households.carShare.x', 1)).toThrow(/households\.carShare is the number 0\.7, not an object/);
    expect(() => set(sweepFile(), 'households[*]', 1)).toThrow(/households is .* not a list/);
  });

  it('never shares the value between places', () => {
    const file = sweepFile();
    set(file, 'orders[*].settlements', ['village']);
    (file.orders[0] as unknown as { settlements: string[] }).settlements.push('hamlet');
    expect((file.orders[1] as unknown as { settlements: string[] }).settlements).toEqual(['village']);
  });

  it('[i] sets exactly element i of any list (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 20 }), fc.nat(), fc.integer(), (list, k, value) => {
        const i = k % list.length;
        const file = { list: [...list] };
        set(file, `list[${i}]`, value);
        expect(file.list).toEqual(list.map((x, j) => (j === i ? value : x)));
      }),
    );
  });
});
