// Parameter values: ranges (numbers and durations), comma lists of any type, and grid levels.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readDesignFile } from '../../src/sweep/design-file.js';
import { formatValues, gridLevels, parseValues } from '../../src/sweep/values.js';

const levels = (text: string) => gridLevels(parseValues(text, 'p'), 'p');

describe('ranges', () => {
  it('from:to:step includes both ends, without float noise', () => {
    expect(levels('0.5:0.9:0.1')).toEqual([0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(levels('0.1:0.3:0.1')).toEqual([0.1, 0.2, 0.3]);
    expect(levels('0:10:5')).toEqual([0, 5, 10]);
    expect(levels('1:2:0.25')).toEqual([1, 1.25, 1.5, 1.75, 2]);
  });

  it('stops at the last step that does not pass the end', () => {
    expect(levels('0:1:0.3')).toEqual([0, 0.3, 0.6, 0.9]);
  });

  it('runs downwards with a negative step, and a range of one value is one level', () => {
    expect(levels('0.9:0.5:-0.2')).toEqual([0.9, 0.7, 0.5]);
    expect(levels('3:3:1')).toEqual([3]);
  });

  it('keeps the unit of a duration range', () => {
    expect(levels('2h:8h:2h')).toEqual(['2h', '4h', '6h', '8h']);
    expect(levels('30m:90m:30m')).toEqual(['30m', '60m', '90m']);
  });

  it('from:to without a step is a range for Latin hypercubes, not a grid', () => {
    expect(parseValues('0:1', 'p')).toEqual({ kind: 'range', from: 0, to: 1, step: null, unit: null });
    expect(() => levels('0:1')).toThrow(/a grid needs a step/);
  });

  it("suggests a step in the range's own unit and without float noise, so the suggestion runs as meant", () => {
    expect(() => levels('2h:8h')).toThrow(/as in 2h:8h:1\.5h$/);
    expect(() => levels('0.5:0.6')).toThrow(/as in 0\.5:0\.6:0\.025$/);
    expect(() => levels('3:3')).toThrow(/as in 3:3:1$/);
    expect(levels('2h:8h:1.5h')).toEqual(['2h', '3.5h', '5h', '6.5h', '8h']);
  });

  it.each([
    ['0:1:0', /must not be 0/],
    ['0:1:-0.1', /goes away from 1/],
    ['1h:2m:1m', /in one unit/],
    ['0:1e9:1e-3', /more than 100000 values/],
  ])('rejects %s', (text, message) => {
    expect(() => parseValues(text, 'p')).toThrow(InputError);
    expect(() => parseValues(text, 'p')).toThrow(message);
  });

  it('every level lies within the range and levels are evenly spaced (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 100 }), (a, n, s) => {
        const from = a / 10;
        const step = s / 100;
        const to = Number((from + n * step).toFixed(2));
        const values = levels(`${from}:${to}:${step}`) as number[];
        expect(values.length).toBe(n + 1);
        expect(values[0]).toBe(from);
        expect(values[n]).toBeCloseTo(to, 9);
        values.forEach((v, i) => { expect(v).toBeCloseTo(from + i * step, 9); });
      }),
    );
  });
});

describe('lists', () => {
  it('reads numbers, booleans, null and strings', () => {
    expect(levels('0.6,0.8')).toEqual([0.6, 0.8]);
    expect(levels('weibull, lognormal')).toEqual(['weibull', 'lognormal']);
    expect(levels('true,false,null')).toEqual([true, false, null]);
    expect(levels('"0.5",x')).toEqual(['0.5', 'x']);
    expect(levels('"a,b",c')).toEqual(['a,b', 'c']);
  });

  it('a single value is a list of one, an ISO date-time included', () => {
    expect(levels('0.7')).toEqual([0.7]);
    expect(levels('2024-08-06T05:30:00+03:00')).toEqual(['2024-08-06T05:30:00+03:00']);
  });

  it('rejects empty items and unclosed quotes', () => {
    expect(() => parseValues('1,,2', 'p')).toThrow(/empty item/);
    expect(() => parseValues('', 'p')).toThrow(/at least one value/);
    expect(() => parseValues('"a,b', 'p')).toThrow(/unclosed quote/);
  });
});

describe('formatValues', () => {
  it.each(['0.5:0.9:0.1', '2h:8h:2h', '0:1', '0.6,0.8', 'a,"b,c","1",true'])('writes %s back so that it reads the same', (text) => {
    const spec = parseValues(text, 'p');
    expect(parseValues(formatValues(spec), 'p')).toEqual(spec);
  });
});

describe('items that cannot be read', () => {
  it('a quoted item JSON cannot read is an InputError naming the --set, not an internal error', () => {
    // JSON.parse's SyntaxError reached the command line as "internal error: Bad escaped character", exit 70
    expect(() => parseValues('"\\q",b', 'name')).toThrow(new InputError('--set name: "\\q" is not a quoted string as JSON writes one (write a backslash as \\\\, a quote as \\")'));
    expect(parseValues('"a\\"b",c', 'name')).toEqual({ kind: 'list', values: ['a"b', 'c'] });
  });

  it('a number beyond the largest double is named as typed (it read as Infinity)', () => {
    expect(() => parseValues('1e400,0.5', 'households.carShare')).toThrow(new InputError('--set households.carShare: 1e400 is beyond the largest number (about 1.8e308)'));
  });

  it('a design file names the line and column of such a cell', () => {
    expect(() => readDesignFile('name,horizon\n"""\\q""",2h\n', 'd.csv')).toThrow(new InputError('d.csv:2: column name: "\\q" is not a quoted string as JSON writes one (write a backslash as \\\\, a quote as \\")'));
    expect(() => readDesignFile('horizon\n2h\n1e400\n', 'd.csv')).toThrow(new InputError('d.csv:3: column horizon: 1e400 is beyond the largest number (about 1.8e308)'));
    // a header that is no path was named as a --set nobody typed
    expect(() => readDesignFile('households.carShare;shadowShare\n0.5;0.1\n', 'd.csv')).toThrow(new InputError('d.csv: column 1, households.carShare;shadowShare: expected "." or "[" at character 20'));
  });
});
