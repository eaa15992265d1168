// Who a run sends towards shelters, foreseen before it: drivers by shelterShare, fleet
// passengers wherever their fleet reaches a shelter, and the count checked against
// runs in which every shelter has room for everyone.
import { describe, expect, it } from 'vitest';
import { shelterSeekers } from '../../src/check/shelter-seekers.js';
import { compileScenario } from '../../src/network/compile.js';
import { placement } from '../../src/network/build-graph.js';
import { assignOrders } from '../../src/demand/orders.js';
import { buildDemand } from '../../src/demand/households.js';
import { roundHalfUp } from '../../src/demand/round.js';
import { simulate } from '../../src/simulation/simulate.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { generate } from '../../src/generate/index.js';
import { LogKind } from '../../src/result.js';
import type { FleetSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const fleet = (id: string, depot: string, fields: Partial<FleetSpec> = {}): FleetSpec => ({
  id, depot, vehicles: 2, seats: 20, boardingSecondsPerPerson: 1, serves: [], mode: 'road', from: 0, headway: null, timetable: [], ...fields,
});

//   hill ──► school (shelter; no road out)
//              ▲
//   town ◄──► junction ◄──2 km──► edge (exit, the buses' depot)
//    ║
//   station (exit, the trains' depot; ═ rail)
const base = (fields: Partial<Scenario> = {}): Scenario =>
  scenario({
    nodes: [],
    network: {
      nodes: [
        { id: 'town', x: 0, y: 0 }, { id: 'junction', x: 1000, y: 0 }, { id: 'school', x: 1000, y: 1000 },
        { id: 'edge', x: 3000, y: 0 }, { id: 'hill', x: 1000, y: 2000 }, { id: 'station', x: 0, y: -1000 },
      ],
      roads: [
        road('main', 'town', 'junction', { oneway: false }),
        road('to-school', 'junction', 'school'),
        road('to-edge', 'junction', 'edge', { oneway: false, lengthKm: 2 }),
        road('down', 'hill', 'school'),
        road('rail', 'town', 'station', { oneway: false, mode: 'rail' }),
      ],
    },
    settlements: [settlement('town', 'town', 100)],
    shelters: [exit('school', 'school', 1000), exit('edge', 'edge'), exit('station', 'station')],
    households: { size: 1, carShare: 0.6 },
    shelterShare: 0.25,
    orders: [order(['town'])],
    ...fields,
  });

function seekersOf(s: Scenario) {
  const net = compileScenario(s);
  const { byCar, shadow, byFleet } = shelterSeekers(s, net, assignOrders(s, placement(s)));
  return { byCar, shadow, byFleet };
}

describe('shelterSeekers', () => {
  it('counts the drivers by shelterShare and every passenger of a fleet that reaches a shelter', () => {
    // 60 drive, a quarter of them to shelters; the bus takes the 40 others to the school.
    // (Compliers × shelterShare, the count validate used to give, says 25.)
    expect(seekersOf(base({ fleets: [fleet('bus', 'edge')] }))).toEqual({ byCar: 15, shadow: 0, byFleet: 40 });
  });

  it('leaves out passengers whose fleet can bring them to exits only, or that no fleet will move', () => {
    // The train reaches only the station, an exit, by rail from the town.
    expect(seekersOf(base({ fleets: [fleet('train', 'station', { mode: 'rail' })] })).byFleet).toBe(0);
    // Where both serve, the bus may carry them all.
    expect(seekersOf(base({ fleets: [fleet('train', 'station', { mode: 'rail' }), fleet('bus', 'edge')] })).byFleet).toBe(40);
    expect(seekersOf(base()).byFleet).toBe(0);
    expect(seekersOf(base({ fleets: [fleet('bus', 'edge', { vehicles: 0 })] })).byFleet).toBe(0);
    expect(seekersOf(base({ fleets: [fleet('bus', 'edge', { from: 2 * 86400 })] })).byFleet).toBe(0);
    // From the school no road leads to the town.
    expect(seekersOf(base({ fleets: [fleet('bus', 'school')] })).byFleet).toBe(0);
  });

  it('counts the passengers of a train whose rails reach a shelter from the pickup', () => {
    // The station made a shelter: the train takes the town's 40 without cars there by rail; no road leads out of the station.
    const s = base({ shelters: [exit('edge', 'edge'), exit('station', 'station', 500)], fleets: [fleet('train', 'station', { mode: 'rail' })] });
    expect(seekersOf(s).byFleet).toBe(40);
  });

  it('counts every driver where only shelters are within reach, and none where no shelter is', () => {
    const s = base({ settlements: [settlement('hill', 'hill', 100)], orders: [order(['hill'])] });
    expect(seekersOf(s).byCar).toBe(60);
    const cut = base({ shelters: [exit('school', 'hill', 1000), exit('edge', 'edge')] });
    expect(seekersOf(cut).byCar).toBe(0);
  });

  it('counts no one towards a shelter of no places', () => {
    expect(seekersOf(base({ shelters: [exit('school', 'school', 0), exit('edge', 'edge'), exit('station', 'station')] })).byCar).toBe(0);
  });

  it('without shelterShare, counts the drivers whose nearest destination is a shelter', () => {
    const s = base({
      shelterShare: null,
      settlements: [settlement('town', 'town', 100), settlement('port', 'edge', 50)],
      orders: [order(['town', 'port'])],
    });
    // The school is 2 km from the town, the edge 3 km; the port is at the edge.
    expect(seekersOf(s).byCar).toBe(60);
  });

  it('without shelterShare, passes over a shelter of no places, and takes the first destination listed at a node', () => {
    // The school is the nearest place; with no room, or an exit listed there first, the town's cars unload at no shelter.
    const full = base({ shelterShare: null, shelters: [exit('school', 'school', 0), exit('edge', 'edge')] });
    expect(seekersOf(full).byCar).toBe(0);
    const exitFirst = base({ shelterShare: null, shelters: [exit('gate', 'school'), exit('school', 'school', 1000), exit('edge', 'edge')] });
    expect(seekersOf(exitFirst).byCar).toBe(0);
    const shelterFirst = base({ shelterShare: null, shelters: [exit('school', 'school', 1000), exit('gate', 'school'), exit('edge', 'edge')] });
    expect(seekersOf(shelterFirst).byCar).toBe(60);
  });

  it('counts no shadow evacuees from a special facility, nor when the first order comes after the horizon', () => {
    const home = settlement('home', 'town', 40, { facility: 'nursing-home' });
    expect(seekersOf(base({ settlements: [settlement('town', 'town', 100), home], shadowShare: 0.5 })).shadow).toBe(0);
    const late = base({ settlements: [settlement('town', 'town', 100), settlement('village', 'town', 40)], shadowShare: 0.5, orders: [order(['town'], { at: 2 * 86400 })] });
    expect(seekersOf(late)).toEqual({ byCar: 0, shadow: 0, byFleet: 0 });
  });

  it('counts shadow evacuees apart, by car, and nobody an order after the horizon tells', () => {
    const s = base({ settlements: [settlement('town', 'town', 100), settlement('village', 'town', 40)], shadowShare: 0.5 });
    expect(seekersOf(s)).toEqual({ byCar: 15, shadow: 5, byFleet: 0 });
    expect(seekersOf(base({ orders: [order(['town'], { at: 2 * 86400 })] })).byCar).toBe(0);
  });
});

/** The scenario with every shelter's room made more than anyone needs (it stays a shelter, not an exit). */
const roomy = (s: Scenario): Scenario => ({ ...s, shelters: s.shelters.map((d) => (d.capacity === null ? d : { ...d, capacity: 1e9 })) });

/** People who arrived at shelters in a run of `s`, shadow evacuees included. */
function arrivedAtShelters(s: Scenario): number {
  const r = simulate(s);
  let people = 0;
  for (let i = 0; i < r.log.length; i++) {
    const kind = r.log.kind[i];
    if ((kind === LogKind.Evacuated || kind === LogKind.ShadowEvacuated) && r.destinations[r.log.destination[i]].capacity !== null) people += r.log.people[i];
  }
  return people;
}

describe('the foreseen count against runs where the shelters have room for everyone', () => {
  // Each car draws shelter or exit on its own: the drivers at shelters are a sum of
  // independent draws, with variance shelterShare × (1 − shelterShare) × Σ (people in the
  // car)². Four standard deviations (and a person for the rounding) let a run's draws
  // fall outside with a chance of about 1 in 16,000; fleet passengers have no draw, nor
  // cars without shelterShare (they make for the nearest destination).
  // Kursk runs without its hazards and with twice its horizon: captures and people still
  // waiting at the end are not foreseen.
  const kursk = loadScenarioFile('scenarios/kursk-2024.json');
  const cases: [string, Scenario][] = [
    ['two-towns (a bus, a shelter on the way out)', loadScenarioFile('scenarios/two-towns.json')],
    ['grid-city (a bus, a central shelter and two exits)', loadScenarioFile('scenarios/grid-city.json')],
    ['Kursk (eight fleets, a train that can reach only an exit)', { ...kursk, hazards: [], horizon: 2 * kursk.horizon }],
    ['a generated grid (no shelterShare: four shelters inside, exits at the edges)', parseScenario(generate('grid', { people: 20_000, seed: 1 }))],
  ];

  it.each(cases)('%s', (_, file) => {
    const s = roomy(file);
    const net = compileScenario(s);
    const assigned = assignOrders(s, placement(s));
    const seekers = shelterSeekers(s, net, assigned);
    const demand = buildDemand(s, assigned, s.seed);
    let squares = 0;
    for (let k = 0; k < demand.count; k++) if (demand.car[k]) squares += demand.people[k] ** 2;
    const share = s.shelterShare ?? 0;
    const tolerance = 4 * Math.sqrt(share * (1 - share) * squares) + 1;
    const foreseen = seekers.byCar + seekers.shadow + seekers.byFleet;
    const arrived = arrivedAtShelters(s);
    expect(Math.abs(arrived - foreseen)).toBeLessThanOrEqual(tolerance);
    // The count validate gave before, compliers × shelterShare (none without it), lies well outside.
    let compliers = 0;
    assigned.forEach((o, i) => { if (o >= 0) compliers += roundHalfUp(s.settlements[i].population * s.orders[o].compliance); });
    expect(Math.abs(arrived - compliers * share)).toBeGreaterThan(tolerance);
  });
});
