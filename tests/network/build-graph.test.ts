// The road graph of a scenario and the typed arrays compiled from it: one
// directed link per road direction, keyed by the road id (`<id>:back` for a
// two-way road's way back), in road order; bad ids refused as ScenarioError at
// their path, never as one of graphology's own errors.
//
//   a ──r1 (two-way)── b ──r2 (one-way)──▶ c
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/network/build-graph.js';
import { compileScenario, MODE_RAIL } from '../../src/network/compile.js';
import { ScenarioError } from '../../src/errors.js';
import { loadNetwork, simulate } from '../../src/index.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { generate } from '../../src/generate/index.js';
import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, road, scenario, settlement } from '../helpers/build.js';

function line(): Scenario {
  return scenario({
    nodes: ['a', 'b', 'c'],
    network: {
      nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }, { id: 'c', x: 2000, y: 0 }],
      roads: [road('r1', 'a', 'b', { oneway: false, lanes: 2, speedKmh: 72 }), road('r2', 'b', 'c', { mode: 'rail' })],
    },
    settlements: [settlement('town', 'a', 10)],
    shelters: [exit('safety', 'c')],
  });
}

function refusal(run: () => unknown): ScenarioError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('not refused');
}

describe('buildGraph', () => {
  it('makes a link per direction of each road, carrying what the model uses', () => {
    const g = buildGraph(line());
    expect(g.edges()).toEqual(['r1', 'r1:back', 'r2']);
    expect([g.source('r1:back'), g.target('r1:back')]).toEqual(['b', 'a']);
    expect(g.getEdgeAttributes('r1:back')).toMatchObject({ roadId: 'r1', direction: 'back', lanes: 2, speedMs: 20, lengthM: 1000 });
    expect(g.getEdgeAttribute('r2', 'mode')).toBe('rail');
    expect(g.getNodeAttributes('b')).toEqual({ x: 1000, y: 0 });
    expect(g.getAttributes()).toEqual({ name: line().name, origin: null });
  });

  it('keeps lon/lat beside the projected metres of a geographic scenario', () => {
    const s = loadScenarioFile('scenarios/kursk-2024.json');
    const g = buildGraph(s);
    const first = s.network.nodes[0];
    expect(g.getNodeAttributes(first.id)).toMatchObject({ lon: first.lon, lat: first.lat });
    expect(g.getAttribute('origin')).toHaveLength(2);
  });

  it('loadNetwork gives the graph of a scenario file', () => {
    const s = loadScenarioFile('scenarios/two-towns.json');
    const g = loadNetwork('scenarios/two-towns.json');
    expect(g.order).toBe(s.network.nodes.length);
    expect(g.size).toBe(s.network.roads.reduce((t, r) => t + (r.oneway ? 1 : 2), 0));
    expect(g.getAttribute('name')).toBe(s.name);
    expect(() => loadNetwork('scenarios/none.json')).toThrow(ScenarioError);
  });

  it('refuses repeated node ids, missing nodes and repeated link keys at their paths', () => {
    const twice = line();
    twice.network.nodes.push({ id: 'b', x: 5, y: 5 });
    expect(refusal(() => buildGraph(twice)).issues[0].path).toBe('network.nodes[3].id');
    const missing = line();
    missing.network.roads[1].to = 'nowhere';
    expect(refusal(() => buildGraph(missing)).issues).toEqual([{ path: 'network.roads[1].to', message: 'no node "nowhere"' }]);
    const back = line();
    back.network.roads.push(road('r1:back', 'b', 'c'));
    expect(refusal(() => buildGraph(back)).issues[0].path).toBe('network.roads[2].id');
  });

  it('simulate() of a hand-built scenario with bad ids throws ScenarioError, not a graph error', () => {
    const s = line();
    s.network.roads[0].from = 'nowhere';
    expect(refusal(() => simulate(s)).message).toContain('no node "nowhere"');
  });
});

describe('compile', () => {
  it('numbers nodes and links in graph order, with CSR adjacency', () => {
    const net = compileScenario(line());
    expect(net.linkIds).toEqual(['r1', 'r1:back', 'r2']);
    expect([...net.linkFrom]).toEqual([0, 1, 1]);
    expect([...net.linkTo]).toEqual([1, 0, 2]);
    expect([...net.outStart]).toEqual([0, 1, 3, 3]);
    expect([...net.outLinks]).toEqual([0, 1, 2]);
    expect([...net.linkLanes]).toEqual([2, 2, 1]);
    expect(net.linkMode[2]).toBe(MODE_RAIL);
  });

  it('has a link per road direction on shipped and synthetic scenarios', () => {
    for (const s of [loadScenarioFile('scenarios/grid-city.json'), parseScenario(generate('region', { people: 20_000, seed: 2 }))]) {
      const net = compileScenario(s);
      let links = 0;
      for (const r of s.network.roads) links += r.oneway ? 1 : 2;
      expect([net.nodeCount, net.linkCount]).toEqual([s.network.nodes.length, links]);
    }
  });
});
