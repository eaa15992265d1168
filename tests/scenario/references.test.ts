import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { issuesOf, minimalFile } from './fixtures.js';

const issues = (input: unknown) => issuesOf(() => parseScenario(input));

describe('parseScenario checks cross-references', () => {
  test('duplicate ids name both places, for every kind', () => {
    const file = minimalFile();
    expect(
      issues({
        ...file,
        network: {
          nodes: [...file.network.nodes, { id: 'town', x: 1, y: 1 }],
          roads: [...file.network.roads, { id: 'r1', from: 'city', to: 'town' }],
        },
        settlements: [file.settlements[0], file.settlements[0]],
        shelters: [file.shelters[0], file.shelters[0]],
        fleets: [
          { id: 'bus', depot: 'city', vehicles: 1, seats: 40 },
          { id: 'bus', depot: 'city', vehicles: 1, seats: 40 },
        ],
      }),
    ).toEqual([
      { path: 'network.nodes[3].id', message: 'duplicate node id "town", also used by network.nodes[1]' },
      { path: 'network.roads[2].id', message: 'duplicate road id "r1", also used by network.roads[0]' },
      { path: 'settlements[1].id', message: 'duplicate settlement id "village", also used by settlements[0]' },
      { path: 'shelters[1].id', message: 'duplicate shelter id "city-exit", also used by shelters[0]' },
      { path: 'fleets[1].id', message: 'duplicate fleet id "bus", also used by fleets[0]' },
    ]);
  });

  test('road ends, settlement and shelter nodes and depots must be nodes', () => {
    const file = minimalFile();
    expect(
      issues({
        ...file,
        network: { ...file.network, roads: [{ id: 'r1', from: 'village', to: 'krsk' }] },
        settlements: [{ id: 'village', node: 'vilage', population: 3 }],
        shelters: [{ id: 'exit', node: 'citi' }],
        fleets: [{ id: 'bus', depot: 'depot', vehicles: 1, seats: 40 }],
      }),
    ).toEqual([
      { path: 'settlements[0].node', message: 'unknown node "vilage" (did you mean "village"?)' },
      { path: 'network.roads[0].to', message: 'unknown node "krsk"' },
      { path: 'shelters[0].node', message: 'unknown node "citi" (did you mean "city"?)' },
      { path: 'fleets[0].depot', message: 'unknown node "depot"' },
    ]);
  });

  test('an unknown node suggests the id probably meant', () => {
    const file = minimalFile();
    const nodes = [...file.network.nodes, { id: 'kursk', x: 0, y: 9000 }];
    const roads = [...file.network.roads, { id: 'r3', from: 'city', to: 'krsk' }];
    expect(issues({ ...file, network: { nodes, roads } })).toEqual([
      { path: 'network.roads[2].to', message: 'unknown node "krsk" (did you mean "kursk"?)' },
    ]);
  });

  test('a road cannot start and end at the same node', () => {
    const file = minimalFile();
    expect(issues({ ...file, network: { ...file.network, roads: [{ id: 'loop', from: 'town', to: 'town' }] } })).toEqual([
      { path: 'network.roads[0].to', message: 'a road cannot start and end at the same node "town"' },
    ]);
  });

  test('orders name existing districts and settlements, and tell someone to leave', () => {
    expect(
      issues({
        ...minimalFile(),
        orders: [{ at: 0, districts: ['Nort'], settlements: ['villag'] }, { at: '1h' }],
      }),
    ).toEqual([
      { path: 'orders[0].districts[0]', message: 'unknown district "Nort" (did you mean "North"?)' },
      { path: 'orders[0].settlements[0]', message: 'unknown settlement "villag" (did you mean "village"?)' },
      { path: 'orders[1]', message: 'tells no one to leave: give districts, settlements or withinKmOf' },
    ]);
  });

  test('fleets serve settlement ids or districts', () => {
    const fleet = { id: 'bus', depot: 'city', vehicles: 1, seats: 40 };
    expect(issues({ ...minimalFile(), fleets: [{ ...fleet, serves: ['North', 'village', 'Sout'] }] })).toEqual([
      { path: 'fleets[0].serves[2]', message: 'unknown settlement or district "Sout"' },
    ]);
  });

  test('hazards name existing roads, settlements and nodes', () => {
    expect(
      issues({
        ...minimalFile(),
        hazards: [
          { kind: 'closure', roads: ['r9'], from: 0 },
          { kind: 'slowdown', roads: ['r1', 'r3'], from: 0, factor: 0.5 },
          { kind: 'capture', settlements: ['vilage'], nodes: ['twn'], at: '1d' },
          { kind: 'capture', at: '1d' },
        ],
      }),
    ).toEqual([
      { path: 'hazards[0].roads[0]', message: 'unknown road "r9"' },
      { path: 'hazards[1].roads[1]', message: 'unknown road "r3"' },
      { path: 'hazards[2].settlements[0]', message: 'unknown settlement "vilage" (did you mean "village"?)' },
      { path: 'hazards[2].nodes[0]', message: 'unknown node "twn" (did you mean "town"?)' },
      { path: 'hazards[3]', message: 'captures nothing: give settlements or nodes' },
    ]);
  });

  test('target scopes name an existing region, district or settlement', () => {
    const target = { metric: 'people.evacuated', value: 100 };
    expect(
      issues({
        ...minimalFile(),
        targets: [{ ...target, scope: { region: 'Krsk', district: 'South', settlement: 'town' } }],
      }),
    ).toEqual([
      { path: 'targets[0].scope.region', message: 'unknown region "Krsk" (did you mean "Kursk"?)' },
      { path: 'targets[0].scope.district', message: 'unknown district "South"' },
      { path: 'targets[0].scope.settlement', message: 'unknown settlement "town"' },
    ]);
  });

  test('a scenario needs at least one shelter or exit', () => {
    expect(issues({ ...minimalFile(), shelters: [] })).toEqual([
      { path: 'shelters', message: 'needs at least one shelter or exit (a shelter without a capacity is an exit)' },
    ]);
  });
});
