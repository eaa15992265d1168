import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { issuesOf, minimalFile } from './fixtures.js';

const issues = (input: unknown) => issuesOf(() => parseScenario(input));

describe('parseScenario reports shape and type problems in plain English', () => {
  test('a value of the wrong type is named with the type expected and quoted', () => {
    const file = minimalFile();
    expect(
      issues({
        ...file,
        name: 5,
        stochasticCompliance: 'yes',
        network: { ...file.network, roads: 'none' },
        settlements: [{ ...file.settlements[0], population: 'abc' }],
      }),
    ).toEqual([
      { path: 'name', message: 'must be a string, got 5' },
      { path: 'network.roads', message: 'must be a list, got "none"' },
      { path: 'settlements[0].population', message: 'must be a number, got "abc"' },
      { path: 'stochasticCompliance', message: 'must be true or false, got "yes"' },
    ]);
  });

  test('a scenario that is not an object says so', () => {
    expect(issues(5)).toEqual([{ path: '', message: 'a scenario must be an object, got 5' }]);
    expect(issues(null)).toEqual([{ path: '', message: 'a scenario must be an object, got null' }]);
    expect(issues([])).toEqual([{ path: '', message: 'a scenario must be an object, got []' }]);
  });

  test('a missing required field is reported at its own path', () => {
    const file = minimalFile();
    expect(issues({ ...file, name: undefined, shelters: undefined, settlements: [{ id: 'v', node: 'village' }] })).toEqual([
      { path: 'name', message: 'missing required field' },
      { path: 'settlements[0].population', message: 'missing required field' },
      { path: 'shelters', message: 'missing required field' },
    ]);
  });

  test('numbers out of range quote the range and the value', () => {
    const file = minimalFile();
    expect(
      issues({
        ...file,
        settlements: [{ ...file.settlements[0], population: -5 }],
        households: { size: 0.5, carShare: -0.1 },
        orders: [{ at: 0, settlements: ['village'] }, { at: 0, settlements: ['village'] }, { at: 0, settlements: ['village'], compliance: 1.5 }],
        fleets: [{ id: 'bus', depot: 'city', vehicles: 2.5, seats: 0 }],
        hazards: [{ kind: 'slowdown', roads: ['r1'], from: 0, factor: 0 }],
      }),
    ).toEqual([
      { path: 'settlements[0].population', message: 'must be at least 0, got -5' },
      { path: 'households.size', message: 'must be at least 1, got 0.5' },
      { path: 'households.carShare', message: 'must be between 0 and 1, got -0.1' },
      { path: 'orders[2].compliance', message: 'must be between 0 and 1, got 1.5' },
      { path: 'fleets[0].vehicles', message: 'must be a whole number, got 2.5' },
      { path: 'fleets[0].seats', message: 'must be at least 1, got 0' },
      { path: 'hazards[0].factor', message: 'must be greater than 0 and at most 1, got 0' },
    ]);
  });

  test('non-finite numbers are rejected', () => {
    const file = minimalFile();
    expect(issues({ ...file, settlements: [{ ...file.settlements[0], population: Infinity }], shadowShare: NaN })).toEqual([
      { path: 'settlements[0].population', message: 'must be a finite number, got Infinity' },
      { path: 'shadowShare', message: 'must be a finite number, got NaN' },
    ]);
  });

  test('an unknown option lists the options, or suggests the one meant', () => {
    const file = minimalFile();
    expect(
      issues({
        ...file,
        network: { ...file.network, roads: [{ id: 'r1', from: 'village', to: 'town', class: 'primry', mode: 'ferry' }] },
        orders: [{ at: 0, settlements: ['village'], mobilization: { kind: 'gamma', median: '1h' } }],
      }),
    ).toEqual([
      { path: 'network.roads[0].class', message: 'unknown road class "primry" (did you mean "primary"?)' },
      { path: 'network.roads[0].mode', message: 'unknown mode "ferry"; expected one of road, rail' },
      {
        path: 'orders[0].mobilization.kind',
        message: 'unknown distribution "gamma"; expected one of fixed, uniform, rayleigh, weibull, lognormal, logistic',
      },
    ]);
  });

  test('an unknown hazard kind lists the kinds', () => {
    expect(issues({ ...minimalFile(), hazards: [{ kind: 'flood', from: 0 }, { roads: ['r1'] }, 'closure'] })).toEqual([
      { path: 'hazards[0].kind', message: 'unknown hazard kind "flood"; expected one of closure, slowdown, weather, contraflow, control, capture, front' },
      { path: 'hazards[1].kind', message: 'missing required field; expected one of closure, slowdown, weather, contraflow, control, capture, front' },
      { path: 'hazards[2]', message: 'must be an object, got "closure"' },
    ]);
  });

  test('an unknown field is reported with the field probably meant', () => {
    const file = minimalFile();
    expect(
      issues({
        ...file,
        shelters: undefined,
        shelter: file.shelters,
        settlements: [{ id: 'village', node: 'village', populaton: 1000 }],
        hazards: [{ kind: 'closure', roads: ['r1'], from: 0, factor: 0.5 }],
      }),
    ).toEqual([
      { path: 'settlements[0].population', message: 'missing required field' },
      { path: 'settlements[0].populaton', message: 'unknown field (did you mean "population"?)' },
      { path: 'shelters', message: 'missing required field' },
      { path: 'hazards[0].factor', message: 'unknown field' },
      { path: 'shelter', message: 'unknown field (did you mean "shelters"?)' },
    ]);
  });

  test('malformed durations, instants and points quote the value', () => {
    const file = minimalFile();
    expect(
      issues({
        ...file,
        horizon: '90x',
        start: '2024-08-06T03:00:00',
        orders: [{ at: true, settlements: ['village'], withinKmOf: { line: [[35.2]], km: 0 } }],
        hazards: [{ kind: 'closure', roads: [], from: 'tomorrow' }],
      }),
    ).toEqual([
      { path: 'start', message: 'must be an ISO date-time with a time zone, such as "2024-08-06T03:00:00+03:00", got "2024-08-06T03:00:00"' },
      {
        path: 'horizon',
        message: 'invalid duration "90x": expected seconds or a number with a unit, such as "90s", "45m", "6h", "2d" or "1h30m"',
      },
      {
        path: 'orders[0].at',
        message: 'must be an instant: a duration from the start such as "6h", or an ISO date-time such as "2024-08-06T03:00:00+03:00", got true',
      },
      { path: 'orders[0].withinKmOf.line[0]', message: 'must be a [lon, lat] or [x, y] pair of numbers, got [35.2]' },
      { path: 'orders[0].withinKmOf.km', message: 'must be greater than 0, got 0' },
      { path: 'hazards[0].roads', message: 'must not be empty, got []' },
      {
        path: 'hazards[0].from',
        message: 'invalid instant "tomorrow": expected a duration from the start, such as "90s", "45m", "6h", "2d" or "1h30m", or an ISO date-time such as "2024-08-06T03:00:00+03:00"',
      },
    ]);
  });

  test('null stands for an absent optional field', () => {
    const file = minimalFile();
    const scenario = parseScenario({ ...file, start: null, shelterShare: null, shelters: [{ id: 'exit', node: 'city', capacity: null }] });
    expect([scenario.start, scenario.shelterShare, scenario.shelters[0].capacity]).toEqual([null, null, null]);
  });
});
