// The validate warning that the shelters have fewer places than the people a run
// sends to them: one warning, saying how the count is made up, the places no one
// heading for shelters can reach left out.
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/check/warnings.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   annex (shelter) ──► out (exit, the bus depot) ◄──► town ──► school (shelter)
const base = (fields: Partial<Scenario> = {}): Scenario => {
  const s = scenario({
    nodes: ['annex', 'out', 'town', 'school'],
    settlements: [settlement('town', 'town', 100)],
    shelters: [exit('school', 'school', 30), exit('out', 'out')],
    households: { size: 1, carShare: 0.6 },
    shelterShare: 0.25,
    orders: [order(['town'])],
    fleets: [{ id: 'bus', depot: 'out', vehicles: 2, seats: 20, boardingSecondsPerPerson: 1, serves: [], mode: 'road', from: 0, headway: null, timetable: [] }],
    ...fields,
  });
  s.network.roads = [road('a', 'annex', 'out'), road('r', 'out', 'town', { oneway: false }), road('s', 'town', 'school')];
  return s;
};

const shelterWarnings = (s: Scenario) => scenarioWarnings(s).filter((w) => w.path === 'shelters').map((w) => w.message);

describe('the shelter capacity warning', () => {
  it('counts the drivers by shelterShare and every bus passenger, and says so', () => {
    // Compliers × shelterShare would be 25, within the 30 places.
    expect(shelterWarnings(base())).toEqual([
      'total shelter capacity 30 is below the 55 people expected to head for shelters (15 by car, 40 by fleet); the rest will go on to exits',
    ]);
    expect(shelterWarnings(base({ shelters: [exit('school', 'school', 55), exit('out', 'out')] }))).toEqual([]);
  });

  it('leaves out, in the one warning, the places no one heading for shelters can reach', () => {
    const s = base({ shelters: [exit('school', 'school', 30), exit('annex', 'annex', 500), exit('out', 'out')] });
    expect(shelterWarnings(s)).toEqual([
      'total shelter capacity 30 is below the 55 people expected to head for shelters (15 by car, 40 by fleet); the rest will go on to exits; ' +
        'the 500 places of "annex" are not counted: no one heading for shelters can reach them',
    ]);
  });

  it('names no shelter of no places among those out of reach', () => {
    const s = base({ shelters: [exit('school', 'school', 30), exit('annex', 'annex', 500), exit('shed', 'annex', 0), exit('out', 'out')] });
    expect(shelterWarnings(s)).toEqual([
      'total shelter capacity 30 is below the 55 people expected to head for shelters (15 by car, 40 by fleet); the rest will go on to exits; ' +
        'the 500 places of "annex" are not counted: no one heading for shelters can reach them',
    ]);
  });

  it('counts shadow evacuees apart and groups thousands', () => {
    const s = base({
      settlements: [settlement('town', 'town', 10_000), settlement('village', 'town', 2000)],
      households: { size: 1, carShare: 1 },
      shelterShare: 0.5,
      shadowShare: 0.5,
      fleets: [],
    });
    expect(shelterWarnings(s)).toEqual([
      'total shelter capacity 30 is below the 5,500 people expected to head for shelters (5,000 by car, 500 shadow evacuees by car); the rest will go on to exits',
    ]);
  });

  it('is not given when nobody heads for shelters, or there are none', () => {
    expect(shelterWarnings(base({ shelterShare: 0, fleets: [] }))).toEqual([]);
    expect(shelterWarnings(base({ shelters: [exit('out', 'out')] }))).toEqual([]);
  });
});
