import { describe, expect, test } from 'vitest';
import { lanesPerDirection, parseLanes, parseMaxspeed, parseOneway } from '../../../src/import/osm/tags.js';

describe('parseMaxspeed', () => {
  test('reads plain numbers as km/h', () => {
    expect(parseMaxspeed('50')).toBe(50);
    expect(parseMaxspeed('50 km/h')).toBe(50);
    expect(parseMaxspeed('90kmh')).toBe(90);
  });

  test('converts mph and knots', () => {
    expect(parseMaxspeed('50 mph')).toBeCloseTo(80.467, 3);
    expect(parseMaxspeed('30mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxspeed('10 knots')).toBeCloseTo(18.52, 2);
  });

  test('reads country zones', () => {
    expect(parseMaxspeed('RU:urban')).toBe(60);
    expect(parseMaxspeed('RU:rural')).toBe(90);
    expect(parseMaxspeed('UA:urban')).toBe(50);
    expect(parseMaxspeed('DE:zone30')).toBe(30);
    expect(parseMaxspeed('DE:zone:20')).toBe(20);
    expect(parseMaxspeed('GB:nsl_single')).toBeCloseTo(96.56, 2);
  });

  test('takes the first of several values', () => {
    expect(parseMaxspeed('60;40')).toBe(60);
  });

  test('gives the class default for values without a number', () => {
    expect(parseMaxspeed('none')).toBe('default');
    expect(parseMaxspeed('signals')).toBe('default');
    expect(parseMaxspeed('variable')).toBe('default');
  });

  test('returns null for what it cannot read', () => {
    expect(parseMaxspeed('fast')).toBeNull();
    expect(parseMaxspeed('XX:urban')).toBeNull();
    expect(parseMaxspeed('0')).toBeNull();
    expect(parseMaxspeed('')).toBeNull();
  });
});

describe('lanes', () => {
  test('parseLanes reads a positive integer, the first of several', () => {
    expect(parseLanes('2')).toBe(2);
    expect(parseLanes('3;2')).toBe(3);
    expect(parseLanes('0')).toBeNull();
    expect(parseLanes('many')).toBeNull();
    expect(parseLanes(undefined)).toBeNull();
  });

  test('parseLanes refuses values that are not a plausible whole number of lanes, and says so', () => {
    const heard: string[] = [];
    for (const value of ['1e99', '2.5', '-2', '3 lanes', '', '33', '99999999999']) {
      expect(parseLanes(value, (v) => heard.push(v))).toBeNull();
    }
    expect(heard).toEqual(['1e99', '2.5', '-2', '3 lanes', '', '33', '99999999999']);
    expect(parseLanes(' 32 ', (v) => heard.push(v))).toBe(32);
    expect(parseLanes(undefined, (v) => heard.push(v))).toBeNull();
    expect(heard).toHaveLength(7);
  });

  test('an unreadable lanes tag counts as untagged, and the tag is named', () => {
    const heard: string[] = [];
    const hear = (tag: string, value: string) => heard.push(`${tag}=${value}`);
    expect(lanesPerDirection({ lanes: '1e99' }, true, hear)).toBe(1);
    expect(lanesPerDirection({ lanes: '6', 'lanes:forward': 'x', 'lanes:backward': '2' }, false, hear)).toBe(3);
    expect(heard).toEqual(['lanes=1e99', 'lanes:forward=x']);
  });

  test('a one-way road has all its lanes in its one direction', () => {
    expect(lanesPerDirection({ lanes: '3' }, true)).toBe(3);
    expect(lanesPerDirection({}, true)).toBe(1);
  });

  test('a two-way road has half its lanes each way, at least one', () => {
    expect(lanesPerDirection({ lanes: '4' }, false)).toBe(2);
    expect(lanesPerDirection({ lanes: '3' }, false)).toBe(1);
    expect(lanesPerDirection({ lanes: '1' }, false)).toBe(1);
    expect(lanesPerDirection({}, false)).toBe(1);
  });

  test('lanes:forward and lanes:backward win over lanes on a two-way road', () => {
    expect(lanesPerDirection({ lanes: '5', 'lanes:forward': '3', 'lanes:backward': '2' }, false)).toBe(2);
  });
});

describe('parseOneway', () => {
  test('yes, true and 1 run along the way; -1 and reverse against it', () => {
    for (const v of ['yes', 'true', '1']) expect(parseOneway({ oneway: v })).toBe('forward');
    for (const v of ['-1', 'reverse']) expect(parseOneway({ oneway: v })).toBe('backward');
  });

  test('no, false, 0 and reversible are two-way', () => {
    for (const v of ['no', 'false', '0', 'reversible', 'alternating']) expect(parseOneway({ oneway: v })).toBe('both');
  });

  test('motorways and roundabouts are one-way without the tag', () => {
    expect(parseOneway({ highway: 'motorway' })).toBe('forward');
    expect(parseOneway({ highway: 'motorway_link' })).toBe('forward');
    expect(parseOneway({ highway: 'primary', junction: 'roundabout' })).toBe('forward');
    expect(parseOneway({ highway: 'motorway', oneway: 'no' })).toBe('both');
    expect(parseOneway({ highway: 'primary' })).toBe('both');
  });
});
