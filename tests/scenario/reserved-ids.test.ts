// Ids, districts and regions that every plain JavaScript object has as a property
// (`__proto__`, `constructor`, `toString`, …) are refused. The road graph keys each
// node's neighbours in a plain object: a node `__proto__` reached the prototype of every
// object (validate then reported a field `previous` on every object of the file) and a
// node `constructor` ended the network analysis in an internal error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { issuesOf, minimalFile } from './fixtures.js';

const RESERVED = ['__proto__', ...Object.getOwnPropertyNames(Object.prototype)];
const message = (name: string) => `${JSON.stringify(name)} is a name JavaScript objects have already; choose another`;

describe('reserved names', () => {
  it.each(RESERVED)('a node %j is refused at its id, once, and the roads naming it are not told it is unknown', (name) => {
    const file = minimalFile();
    const renamed = file.network.nodes[0].id;
    file.network.nodes[0].id = name;
    const rename = (id: string) => (id === renamed ? name : id);
    file.network.roads = file.network.roads.map((r) => ({ ...r, from: rename(r.from), to: rename(r.to) }));
    file.settlements = file.settlements.map((s) => ({ ...s, node: rename(s.node) }));
    file.shelters = file.shelters.map((s) => ({ ...s, node: rename(s.node) }));
    expect(issuesOf(() => parseScenario(file))).toEqual([{ path: 'network.nodes[0].id', message: message(name) }]);
    // Nothing leaked into every object.
    expect(Object.hasOwn(Object.prototype, 'previous')).toBe(false);
  });

  it('settlement, road, shelter ids, districts and regions too', () => {
    const file = minimalFile();
    file.settlements[0].id = 'toString';
    file.settlements[0].district = 'constructor';
    file.settlements[0].region = '__proto__';
    file.network.roads[0].id = 'valueOf';
    expect(issuesOf(() => parseScenario(file)).map((i) => i.path).sort()).toEqual(['network.roads[0].id', 'settlements[0].district', 'settlements[0].id', 'settlements[0].region']);
  });

  it('any other name is taken (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '' && !RESERVED.includes(s) && s.trim() === s), (name) => {
        const file = minimalFile();
        file.settlements[0].district = name;
        file.settlements[0].id = name;
        expect(() => parseScenario(file)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
