// The validate warnings added for new users: settlements no order names, a map
// without orders, swapped latitude and longitude, a horizon ending with people
// still on their way; and the teaching scenario generating none of them.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../../src/scenario/parse.js';
import { scenarioWarnings } from '../../src/check/warnings.js';
import { unfinishedAtHorizon } from '../../src/check/unfinished.js';
import { cli } from '../helpers/cli.js';

const bottleneck = () => JSON.parse(readFileSync('scenarios/bottleneck.json', 'utf8'));
const messages = (raw: unknown) => scenarioWarnings(parseScenario(raw)).map((w) => `${w.path}: ${w.message}`);

describe('new warnings', () => {
  it('a settlement that no order names', () => {
    const s = bottleneck();
    s.settlements.push({ ...s.settlements[0], id: 'forgotten', population: 40 });
    expect(messages(s)).toContain('settlements[1]: "forgotten" is named by no order: its 40 people are never told to leave');
    // Thousands grouped, and one person is one.
    s.settlements.push({ ...s.settlements[0], id: 'big', population: 440000 }, { ...s.settlements[0], id: 'lone', population: 1 });
    expect(messages(s)).toContain('settlements[2]: "big" is named by no order: its 440,000 people are never told to leave');
    expect(messages(s)).toContain('settlements[3]: "lone" is named by no order: its 1 person is never told to leave');
  });

  it('a road whose capacity needs a backward wave faster than its cars: close to the line beyond which it carries no more', () => {
    const s = bottleneck();
    // bottleneck: 1 lane at 50 km/h holds at most 6,667 veh/h at jam. At 4,000 veh/h the
    // triangle's wave is 4,000 / (133.3 − 80) veh/km = 75 km/h, faster than the cars; at
    // 3,000 it is 40.9 km/h, and nothing is said.
    s.network.roads[1].capacityVehPerHour = 4000;
    expect(messages(s).filter((m) => m.startsWith('network.roads'))).toEqual([
      'network.roads[1]: "bottleneck" carries its capacity of 4000 veh/h only with a backward wave of 75 km/h, faster than its cars (50 km/h): ' +
        '1 lane at that speed holds at most 6667 veh/h at 7.5 m a vehicle, and no higher capacity carries more; check its capacity, speed and lanes',
    ]);
    s.network.roads[1].capacityVehPerHour = 3000;
    expect(messages(s).filter((m) => m.startsWith('network.roads'))).toEqual([]);
    // A wave speed the scenario sets is its own choice: only a slow one is said (below).
    s.network.roads[1].capacityVehPerHour = 4000;
    s.network.roads[1].waveSpeedKmh = 80;
    expect(messages(s).filter((m) => m.startsWith('network.roads'))).toEqual([]);
  });

  it('a road that cannot carry its capacity: a slow backward wave, or more flow than its lanes hold at jam spacing', () => {
    const s = bottleneck();
    // approach: 5 km, 2 lanes, 100 km/h, 3,600 veh/h. A 10 km/h wave lets in at most
    // (2 / 7.5 m) / (1/v + 1/w) = 0.2667 / (0.036 + 0.36) veh/s = 2,424 veh/h.
    s.network.roads[0].waveSpeedKmh = 10;
    // bottleneck: 1 lane at 50 km/h holds at most 50,000 / 7.5 = 6,667 veh/h at jam, asked
    // 9,000: no congested branch, the wave is instant and the road carries what the lane holds.
    s.network.roads[1].capacityVehPerHour = 9000;
    expect(messages(s).filter((m) => m.startsWith('network.roads'))).toEqual([
      'network.roads[0]: "approach" carries at most 2424 veh/h, not its capacity of 3600 veh/h: its backward wave of 10 km/h lets vehicles in no faster',
      'network.roads[1]: "bottleneck" carries at most 6667 veh/h, not its capacity of 9000 veh/h: 1 lane at 50 km/h and 7.5 m a vehicle at jam cannot hold that flow',
    ]);
    // The shipped scenarios' roads all carry what they state.
    for (const file of ['bottleneck', 'grid-city', 'kursk-2024', 'two-towns']) {
      const raw = JSON.parse(readFileSync(`scenarios/${file}.json`, 'utf8'));
      expect(messages(raw).filter((m) => m.startsWith('network.roads'))).toEqual([]);
    }
  });

  it('a weather hazard that changes nothing: no condition, and factors of 1', () => {
    const s = bottleneck();
    const warned = (hazard: Record<string, unknown>) => messages({ ...s, hazards: [{ kind: 'weather', from: 0, ...hazard }] }).filter((m) => m.startsWith('hazards'));
    const nothing = 'hazards[0]: this weather changes nothing: it has no condition, and its speedFactor and capacityFactor are 1';
    expect(warned({})).toEqual([nothing]);
    expect(warned({ speedFactor: 1, capacityFactor: 1 })).toEqual([nothing]);
    expect(warned({ speedFactor: 0.9 })).toEqual([]);
    expect(warned({ capacityFactor: 0.9 })).toEqual([]);
    expect(warned({ condition: 'light-rain' })).toEqual([]);
    // "clear" says on purpose that the weather takes nothing away.
    expect(warned({ condition: 'clear' })).toEqual([]);
  });

  it('a hazard or background traffic that starts after the horizon never happens', () => {
    const s = { ...bottleneck(), horizon: '6h' };
    s.hazards = [
      { kind: 'closure', roads: ['bottleneck'], from: '5h', until: '7h' },
      { kind: 'slowdown', roads: ['bottleneck'], factor: 0.5, from: '7h' },
      { kind: 'capture', nodes: ['b'], at: '6h 30m' },
      { kind: 'front', line: [[0, -1000], [0, 1000]], speedKmPerDay: 10, maxDepthKm: 5, from: '1d' },
      { kind: 'capture', nodes: ['b'], at: '6h' },
      { kind: 'control', roads: ['bottleneck'], capacityFactor: 2, from: '9h' },
    ];
    s.background = [{ roads: ['bottleneck'], vehiclesPerHour: 100, from: '8h' }];
    expect(messages(s).filter((m) => m.startsWith('hazards') || m.startsWith('background'))).toEqual([
      'hazards[1].from: the slowdown starts at 7.0 h, after the horizon (6.0 h): it never happens',
      'hazards[2].at: the capture comes at 6.5 h, after the horizon (6.0 h): it never happens',
      'hazards[3].from: the front starts at 24.0 h, after the horizon (6.0 h): it never happens',
      'hazards[5].from: the control point starts at 9.0 h, after the horizon (6.0 h): it never happens',
      'background[0].from: the background traffic starts at 8.0 h, after the horizon (6.0 h): it never happens',
    ]);
  });

  it('a control point or background traffic in a direction its one-way road does not have changes nothing', () => {
    const s = bottleneck();
    s.hazards = [
      { kind: 'control', roads: ['approach', 'bottleneck'], capacityFactor: 0.5, direction: 'backward', from: 0 },
      { kind: 'control', roads: ['bottleneck'], capacityFactor: 0.5, from: 0 },
    ];
    s.background = [
      { roads: ['exit-road'], direction: 'backward', vehiclesPerHour: 100 },
      { roads: ['exit-road'], direction: 'forward', vehiclesPerHour: 100 },
    ];
    expect(messages(s).filter((m) => m.startsWith('hazards') || m.startsWith('background'))).toEqual([
      'hazards[0].direction: "approach" is one-way: this control point has no backward direction on it and changes nothing there',
      'hazards[0].direction: "bottleneck" is one-way: this control point has no backward direction on it and changes nothing there',
      'background[0].direction: "exit-road" is one-way: this background traffic has no backward direction on it and changes nothing there',
    ]);
  });

  it('contraflows on one road in opposite directions at once: each closes the other, the road takes nobody', () => {
    const s = bottleneck();
    s.network.roads[1].oneway = false;
    const warned = (hazards: unknown[]) => messages({ ...s, hazards }).filter((m) => m.startsWith('hazards'));
    const forward = { kind: 'contraflow', road: 'bottleneck', direction: 'forward', from: '1h', until: '3h' };
    expect(warned([forward, { ...forward, direction: 'backward', from: '2h', until: null }])).toEqual([
      'hazards[1]: this contraflow takes "bottleneck" backward while hazards[0] takes it forward (from 2.0 h to 3.0 h): each closes the other\'s direction, and the road takes nobody then',
    ]);
    // One after the other, or both the same way: nothing to warn of.
    expect(warned([forward, { ...forward, direction: 'backward', from: '3h', until: null }])).toEqual([]);
    expect(warned([forward, { ...forward, from: '2h', until: null }])).toEqual([]);
  });

  it('a scenario without orders (as imported) gets one warning, not one per settlement', () => {
    const s = bottleneck();
    s.orders = [];
    s.targets = [];
    expect(messages(s).filter((m) => m.includes('order'))).toEqual(['orders: there are no orders: nobody is told to leave (add orders naming districts or settlements)']);
  });

  it('a cut-off part larger than a call takes arguments (150,000 nodes) is reported, not a stack overflow', () => {
    const s = bottleneck();
    const first = s.network.nodes.length;
    for (let k = 0; k < 150_000; k++) s.network.nodes.push({ id: `far${k}`, x: 20_000 + k, y: 0 });
    for (let k = 1; k < 150_000; k++) s.network.roads.push({ id: `far-road${k}`, from: `far${k - 1}`, to: `far${k}` });
    expect(messages(s).filter((m) => m.includes('not connected'))).toEqual([
      `network.nodes[${first}]: 150,000 nodes ("far0", "far1", "far2", …) and their roads are not connected to the rest of the network, and no settlement, shelter or exit is on them`,
    ]);
  });

  it('parts of the network cut off from every settlement, with and without a shelter', () => {
    const s = bottleneck();
    s.network.nodes.push({ id: 'island', x: 9000, y: 0 }, { id: 'islet', x: 9500, y: 0 }, { id: 'rock', x: 0, y: 9000 }, { id: 'reef', x: 0, y: -9000 });
    s.network.roads.push({ id: 'causeway', from: 'island', to: 'islet' });
    s.shelters.push({ id: 'lighthouse', node: 'rock', capacity: 50 });
    expect(messages(s).filter((m) => m.includes('not connected'))).toEqual([
      'network.nodes[4]: 2 nodes ("island", "islet") and their roads are not connected to the rest of the network, and no settlement, shelter or exit is on them',
      'network.nodes[6]: 1 node ("rock") with shelter or exit "lighthouse" is not connected to any settlement\'s roads; no one can reach them',
      'network.nodes[7]: 1 node ("reef") and its roads are not connected to the rest of the network, and no settlement, shelter or exit is on them',
    ]);
    expect(messages(bottleneck()).filter((m) => m.includes('not connected'))).toEqual([]);
  });

  it('a node with latitude and longitude swapped', () => {
    const raw = {
      name: 'swapped',
      network: {
        nodes: [{ id: 'a', lat: 51.2, lon: 35.3 }, { id: 'b', lat: 51.3, lon: 35.4 }, { id: 'c', lat: 35.5, lon: 51.25 }],
        roads: [{ id: 'ab', from: 'a', to: 'b' }, { id: 'bc', from: 'b', to: 'c' }],
      },
      settlements: [{ id: 's', node: 'a', population: 10 }],
      shelters: [{ id: 'x', node: 'b' }],
      orders: [{ at: 0, settlements: ['s'] }],
    };
    expect(messages(raw).filter((m) => m.startsWith('network'))).toEqual(['network.nodes[2]: "c" at lat 35.5, lon 51.25 is far from the other nodes; its latitude and longitude look swapped']);
  });

  it('a run that ends before its horizon with people nothing will move: a pickup no bus can reach', () => {
    //   village ──one-way──► out (exit, the bus's depot): the bus can never reach the village.
    const s = {
      name: 'stranded',
      seed: 1,
      network: {
        nodes: [{ id: 'village', x: 0, y: 0 }, { id: 'out', x: 1000, y: 0 }],
        roads: [{ id: 'r1', from: 'village', to: 'out', lengthKm: 1, speedKmh: 36, lanes: 1, capacityVehPerHour: 3600, oneway: true }],
      },
      settlements: [{ id: 'village', node: 'village', population: 25 }],
      shelters: [{ id: 'out', node: 'out' }],
      households: { size: 1, carShare: 0 },
      fleets: [{ id: 'bus', depot: 'out', vehicles: 1, seats: 10 }],
      orders: [{ at: '0s', settlements: ['village'], compliance: 1 }],
      horizon: '24h',
    };
    const [warning] = unfinishedAtHorizon(parseScenario(s));
    expect(warning.path).toBe('horizon');
    expect(warning.message).toMatch(/^the run ends at .*, before the horizon, with 25 people still waiting and 0 travelling whom nothing will move/);
    // With the road both ways the bus carries everyone: no warning.
    s.network.roads[0].oneway = false;
    expect(unfinishedAtHorizon(parseScenario(s))).toEqual([]);
  });

  it('a run that ends before its horizon with people nothing will move: a timetable with no departure left', () => {
    // village ⇄ out (exit, the bus's depot): one bus of 10 seats with a single timetabled
    // departure takes 10 of the 25 and never leaves again.
    const s = {
      name: 'timetable',
      seed: 1,
      network: {
        nodes: [{ id: 'village', x: 0, y: 0 }, { id: 'out', x: 1000, y: 0 }],
        roads: [{ id: 'r1', from: 'village', to: 'out', lengthKm: 1, speedKmh: 36, lanes: 1, capacityVehPerHour: 3600, oneway: false }],
      },
      settlements: [{ id: 'village', node: 'village', population: 25 }],
      shelters: [{ id: 'out', node: 'out' }],
      households: { size: 1, carShare: 0 },
      fleets: [{ id: 'bus', depot: 'out', vehicles: 1, seats: 10, timetable: ['0s'] }],
      orders: [{ at: '0s', settlements: ['village'], compliance: 1 }],
      horizon: '24h',
    };
    const [warning] = unfinishedAtHorizon(parseScenario(s));
    expect(warning.message).toMatch(/^the run ends at .*, before the horizon, with 15 people still waiting and 0 travelling whom nothing will move: .*no timetabled departure left/);
    // Two more departures, an hour apart, carry the rest: no warning.
    s.fleets[0].timetable = ['0s', '1h', '2h'];
    expect(unfinishedAtHorizon(parseScenario(s))).toEqual([]);
  });

  it('a horizon that ends with people still waiting or travelling, with the counts of the run', () => {
    const s = bottleneck();
    s.targets = [];
    expect(unfinishedAtHorizon(parseScenario(s))).toEqual([]);
    s.horizon = '30m';
    const [warning] = unfinishedAtHorizon(parseScenario(s));
    expect(warning.path).toBe('horizon');
    expect(warning.message).toMatch(/^the run ends at the horizon \(30m 0s\) with \d+ people still waiting and \d+ travelling/);
  });

  it.each([[null], ['30000']])('generate region (people: %s) writes a scenario that validates without warnings', async (people) => {
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-region-')), 'region.json');
    const size = people === null ? [] : ['--people', people];
    expect((await cli('generate', 'region', ...size, '--out', file)).code).toBe(0);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    // No warning: in particular nobody is still waiting or travelling at the horizon.
    expect(r.out).not.toContain('warning');
  });
});
