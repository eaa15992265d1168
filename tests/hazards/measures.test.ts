// Weather, contraflow and traffic control points on a single long road, where
// the answers are closed forms: the first car arrives after length / (speed ×
// speedFactor), and the queue of cars that all set off at once discharges at
// capacity × capacityFactor. They hold for any link model that lets an
// uncongested road discharge at its capacity.
//
//   town ──────── 20 km, local class (40 km/h, 600 veh/h per lane) ──────── exit
import { describe, expect, test } from 'vitest';
import { LogKind } from '../../src/result.js';
import { simulate } from '../../src/simulation/simulate.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { HazardSpec, Scenario } from '../../src/scenario/types.js';
import { WEATHER_CAPACITY } from '../../src/scenario/weather.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const CARS = 60;
const LENGTH_KM = 20;
const SPEED_KMH = 40;
const CAPACITY = 600;

function oneRoad(hazards: HazardSpec[], oneway = true): Scenario {
  return scenario({
    nodes: ['town', 'exit'],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'exit', x: LENGTH_KM * 1000, y: 0 }],
      roads: [road('road', 'town', 'exit', { lengthKm: LENGTH_KM, oneway })],
    },
    settlements: [settlement('town', 'town', CARS)],
    shelters: [exit('exit', 'exit')],
    orders: [order(['town'])],
    hazards,
    horizon: 86_400,
  });
}

/** Instants at which the cars arrived, in order (one person per car). */
function arrivals(s: Scenario): number[] {
  const { log } = simulate(s);
  const out: number[] = [];
  for (let r = 0; r < log.length; r++) if (log.kind[r] === LogKind.Evacuated) out.push(log.time[r]);
  return out;
}

/** Mean seconds between arrivals, and the first car's travel time. */
function discharge(s: Scenario): { headway: number; first: number } {
  const t = arrivals(s);
  expect(t).toHaveLength(CARS);
  return { headway: (t[t.length - 1] - t[0]) / (t.length - 1), first: t[0] };
}

const always = { from: 0, until: null };

describe('measures on a single road', () => {
  test('without measures the road discharges at its capacity and the first car takes length / speed', () => {
    const { headway, first } = discharge(oneRoad([]));
    expect(headway).toBeCloseTo(3600 / CAPACITY, 6);
    expect(first).toBeCloseTo((LENGTH_KM / SPEED_KMH) * 3600, 6);
  });

  test('weather multiplies speed and capacity by their factors', () => {
    const weather: HazardSpec = { kind: 'weather', condition: 'heavy-rain', speedFactor: 0.8, capacityFactor: WEATHER_CAPACITY['heavy-rain'].factor, roads: [], classes: [], ...always };
    const { headway, first } = discharge(oneRoad([weather]));
    expect(headway).toBeCloseTo(3600 / (CAPACITY * (1 - 0.1413)), 6);
    expect(first).toBeCloseTo((LENGTH_KM / (SPEED_KMH * 0.8)) * 3600, 6);
  });

  test('weather on another road class leaves this road alone', () => {
    const weather: HazardSpec = { kind: 'weather', condition: null, speedFactor: 0.5, capacityFactor: 0.5, roads: [], classes: ['motorway'], ...always };
    expect(discharge(oneRoad([weather])).headway).toBeCloseTo(3600 / CAPACITY, 6);
  });

  test('contraflow adds the inbound lanes to the outbound capacity and closes the inbound direction', () => {
    const contraflow: HazardSpec = { kind: 'contraflow', road: 'road', direction: 'forward', ...always };
    const { headway } = discharge(oneRoad([contraflow], false));
    expect(headway).toBeCloseTo(3600 / (2 * CAPACITY), 6);
  });

  test('two contraflows in force at once on one road join its two directions once, not twice', () => {
    // 600 + 600 veh/h, 3 s apart; compounded it took 2,400 veh/h, 1.5 s apart, from lanes the road does not have.
    const contraflow: HazardSpec = { kind: 'contraflow', road: 'road', direction: 'forward', ...always };
    expect(discharge(oneRoad([contraflow, { ...contraflow }], false)).headway).toBeCloseTo(3600 / (2 * CAPACITY), 6);
    // A second one that extends the first: the same all along.
    const extended: HazardSpec[] = [{ ...contraflow, until: 7200 }, { ...contraflow, from: 60, until: null }];
    expect(discharge(oneRoad(extended, false)).headway).toBeCloseTo(3600 / (2 * CAPACITY), 6);
  });

  test('contraflow the other way closes this direction: nobody gets out', () => {
    const contraflow: HazardSpec = { kind: 'contraflow', road: 'road', direction: 'backward', ...always };
    expect(arrivals(oneRoad([contraflow], false))).toEqual([]);
  });

  test('a control point scales the capacity of the direction it controls', () => {
    const control = (direction: 'forward' | 'backward' | 'both'): HazardSpec =>
      ({ kind: 'control', roads: ['road'], capacityFactor: 0.5, direction, ...always });
    expect(discharge(oneRoad([control('forward')], false)).headway).toBeCloseTo(3600 / (CAPACITY * 0.5), 6);
    expect(discharge(oneRoad([control('both')], false)).headway).toBeCloseTo(3600 / (CAPACITY * 0.5), 6);
    expect(discharge(oneRoad([control('backward')], false)).headway).toBeCloseTo(3600 / CAPACITY, 6);
  });

  test('a measure ends at its until: cars after it discharge at the plain capacity', () => {
    // The road takes cars at half capacity (12 s apart) until 5 min, then 6 s apart; each leaves 30 min later.
    const control: HazardSpec = { kind: 'control', roads: ['road'], capacityFactor: 0.5, direction: 'both', from: 0, until: 300 };
    const t = arrivals(oneRoad([control]));
    const last = t.length - 1;
    expect(t[last] - t[last - 1]).toBeCloseTo(3600 / CAPACITY, 6);
    expect(t[1] - t[0]).toBeCloseTo(3600 / (CAPACITY * 0.5), 6);
  });
});

describe('background traffic on a single road', () => {
  const withBackground = (vehiclesPerHour: number, direction: 'forward' | 'backward' | 'both' = 'both') => ({
    ...oneRoad([], false),
    background: [{ roads: ['road'], direction, vehiclesPerHour, from: 0, until: null }],
  });

  test('takes its flow from the capacity left to evacuees', () => {
    expect(discharge(withBackground(300)).headway).toBeCloseTo(3600 / (CAPACITY - 300), 6);
    expect(discharge(withBackground(300, 'backward')).headway).toBeCloseTo(3600 / CAPACITY, 6);
  });

  test('never takes more than 90 % of it', () => {
    expect(discharge(withBackground(5000)).headway).toBeCloseTo(3600 / (CAPACITY * 0.1), 6);
  });

  // Background traffic is a flow in vehicles per hour: under other measures on its road it still
  // takes that flow from the capacity in force, not its share of the road's own capacity.
  const overlapping = (hazards: HazardSpec[], flows: number[], direction: 'forward' | 'both' = 'both') => ({
    ...oneRoad(hazards, false),
    background: flows.map((vehiclesPerHour) => ({ roads: ['road'], direction, vehiclesPerHour, from: 0, until: null })),
  });

  test('under contraflow takes its own flow from the joined capacity, not twice it', () => {
    // 600 + 600 veh/h less 300: 900 veh/h, 4 s apart (it took 600, left 600: 6 s).
    const contraflow: HazardSpec = { kind: 'contraflow', road: 'road', direction: 'forward', ...always };
    expect(discharge(overlapping([contraflow], [300], 'forward')).headway).toBeCloseTo(3600 / 900, 6);
  });

  test('under a control point, a slowdown or weather takes its flow from the capacity they leave', () => {
    // Each halves 600 veh/h; 300 − 100 = 200 veh/h, 18 s apart (it took a sixth of 300: 14.4 s).
    const control: HazardSpec = { kind: 'control', roads: ['road'], capacityFactor: 0.5, direction: 'both', ...always };
    const slowdown: HazardSpec = { kind: 'slowdown', roads: ['road'], factor: 0.5, ...always };
    const weather: HazardSpec = { kind: 'weather', condition: null, speedFactor: 1, capacityFactor: 0.5, roads: [], classes: [], ...always };
    for (const h of [control, slowdown, weather]) expect(discharge(overlapping([h], [100])).headway).toBeCloseTo(3600 / 200, 6);
    // 300 − 250 = 50 veh/h, above the tenth of 300 it always leaves: 72 s apart.
    expect(discharge(overlapping([control], [250])).headway).toBeCloseTo(3600 / 50, 6);
    // A flow beyond the capacity in force leaves a tenth of it: 30 veh/h, 120 s apart.
    expect(discharge(overlapping([control], [5000])).headway).toBeCloseTo(3600 / 30, 6);
  });

  test('two flows on one road add up', () => {
    // 600 − 200 − 200 = 200 veh/h, 18 s apart (they took (1 − 1/3)² of 600: 13.5 s).
    expect(discharge(overlapping([], [200, 200])).headway).toBeCloseTo(3600 / 200, 6);
  });

  test('is read from the file, its roads checked', () => {
    const file = (roads: string[]) => ({
      name: 'b',
      network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }], roads: [{ id: 'r', from: 'a', to: 'b' }] },
      settlements: [{ id: 'a', node: 'a', population: 1 }],
      shelters: [{ id: 'b', node: 'b' }],
      background: [{ roads, vehiclesPerHour: 200, from: '1h', until: '3h' }],
    });
    expect(parseScenario(file(['r'])).background).toEqual([{ roads: ['r'], direction: 'both', vehiclesPerHour: 200, from: 3600, until: 10800 }]);
    expect(() => parseScenario(file(['x']))).toThrow(/background\[0\]\.roads/);
  });
});

describe('measures in the scenario file', () => {
  const file = (hazard: unknown, oneway = false) => ({
    name: 'm',
    network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }], roads: [{ id: 'r', from: 'a', to: 'b', oneway }] },
    settlements: [{ id: 'a', node: 'a', population: 1 }],
    shelters: [{ id: 'b', node: 'b' }],
    hazards: [hazard],
  });

  test('a weather condition sets the HCM capacity factor; explicit factors win', () => {
    const [rain] = parseScenario(file({ kind: 'weather', condition: 'light-snow', from: '1h' })).hazards;
    expect(rain).toMatchObject({ kind: 'weather', speedFactor: 1, capacityFactor: 1 - 0.0429, roads: [], classes: [], from: 3600, until: null });
    const [own] = parseScenario(file({ kind: 'weather', condition: 'light-snow', capacityFactor: 0.5, speedFactor: 0.9, from: 0 })).hazards;
    expect(own).toMatchObject({ capacityFactor: 0.5, speedFactor: 0.9 });
  });

  test('contraflow needs a two-way road that exists', () => {
    expect(() => parseScenario(file({ kind: 'contraflow', road: 'r', from: 0 }, true))).toThrow('hazards[0].road: contraflow needs a two-way road; "r" is one-way');
    expect(() => parseScenario(file({ kind: 'contraflow', road: 'nope', from: 0 }))).toThrow(/hazards\[0\]\.road/);
  });

  test('a control point names roads and a positive factor', () => {
    expect(() => parseScenario(file({ kind: 'control', roads: ['r'], capacityFactor: 0, from: 0 }))).toThrow(/hazards\[0\]\.capacityFactor/);
    expect(() => parseScenario(file({ kind: 'weather', condition: 'hail', from: 0 }))).toThrow(/hazards\[0\]\.condition/);
  });
});
