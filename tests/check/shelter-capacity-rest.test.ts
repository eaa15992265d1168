// Where the shelter warning says the people the shelters have no room for go: on to
// exits only where the ways they travel reach one. A train's passengers at a full
// station with no rail to an exit stay aboard (the run leaves them in transit).
import { describe, expect, it } from 'vitest';
import { scenarioWarnings } from '../../src/check/warnings.js';
import { simulate } from '../../src/simulation/simulate.js';
import { summarize } from '../../src/report/summary.js';
import type { FleetSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const train: FleetSpec = {
  id: 'train', depot: 'station', vehicles: 1, seats: 100, boardingSecondsPerPerson: 1, serves: [], mode: 'rail', from: 0, headway: 1800, timetable: [],
};

//   edge (exit) ◄── town ═══ station (shelter of 10 places, the train's depot; ═ rail)
const railToShelter = (fields: Partial<Scenario> = {}): Scenario =>
  scenario({
    nodes: [],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'station', x: 0, y: -2000 }, { id: 'edge', x: 3000, y: 0 }],
      roads: [road('out', 'town', 'edge'), road('rail', 'town', 'station', { oneway: false, mode: 'rail', lengthKm: 2 })],
    },
    settlements: [settlement('town', 'town', 100)],
    shelters: [exit('station', 'station', 10), exit('edge', 'edge')],
    households: { size: 1, carShare: 0.6 },
    shelterShare: 0,
    orders: [order(['town'])],
    fleets: [train],
    ...fields,
  });

const shelterWarning = (s: Scenario) => scenarioWarnings(s).find((w) => w.path === 'shelters')?.message;

describe('the shelter warning: where the rest go', () => {
  it('nowhere, when the only people heading for shelters travel by rail and no rail reaches an exit', () => {
    const s = railToShelter();
    expect(shelterWarning(s)).toBe('total shelter capacity 10 is below the 40 people expected to head for shelters; the rest will have nowhere to go');
    // And so the run has it: 10 at the station, the other 30 still aboard.
    const { people } = summarize(simulate(s), s);
    expect([people.evacuated, people.inTransit]).toEqual([70, 30]);
  });

  it('on to exits, except by rail, when drivers heading for shelters can drive on to one', () => {
    const s = railToShelter({ shelterShare: 1, network: { ...railToShelter().network, roads: [...railToShelter().network.roads, road('to-station', 'town', 'station')] } });
    expect(shelterWarning(s)).toBe(
      'total shelter capacity 10 is below the 100 people expected to head for shelters (60 by car, 40 by fleet); ' +
        'the rest will go on to exits, except those travelling by rail, who reach none and will have nowhere to go',
    );
  });

  it('on to exits, when a rail line goes on to one', () => {
    const s = railToShelter();
    s.network.nodes.push({ id: 'far', x: 0, y: -5000 });
    s.network.roads.push(road('rail-on', 'station', 'far', { mode: 'rail' }));
    s.shelters.push(exit('far', 'far'));
    expect(shelterWarning(s)).toBe('total shelter capacity 10 is below the 40 people expected to head for shelters; the rest will go on to exits');
  });
});
