// The warning for a special facility no fleet serves: its people have no cars,
// so nothing will move them. Given once, not also as carless households.
import { describe, expect, it } from 'vitest';
import { quickWarnings, scenarioWarnings } from '../../src/check/warnings.js';
import { estimateBytes } from '../../src/check/limits.js';
import { facilityWords } from '../../src/html/unserved.js';
import type { FleetSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const bus = (serves: string[]): FleetSpec => ({
  id: 'bus', depot: 'out', vehicles: 1, seats: 10, boardingSecondsPerPerson: 1, serves, mode: 'road', from: 0, headway: null, timetable: [],
});

//   town, school, jail ──r── out (exit)
const base = (fleets: FleetSpec[]): Scenario =>
  scenario({
    nodes: [],
    network: { nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'out', x: 1000, y: 0 }], roads: [road('r', 'town', 'out', { oneway: false })] },
    settlements: [
      settlement('town', 'town', 100, { district: 'D' }),
      settlement('school', 'town', 300, { district: 'D', facility: 'school' }),
      settlement('jail', 'town', 50, { facility: 'prison' }),
    ],
    shelters: [exit('out', 'out')],
    orders: [order(['town', 'school', 'jail'])],
    fleets,
  });

const JAIL = 'settlements[2]: "jail" is a special facility (prison) that no fleet serves: nothing will move its 50 people; name it (or its district) in a fleet\'s "serves"';

describe('special facilities without a fleet', () => {
  it('are named, each once, by validate and by the quick warnings of run and ete', () => {
    const s = base([bus(['D'])]);
    const lines = (w: { path: string; message: string }[]) => w.map((x) => `${x.path}: ${x.message}`);
    expect(lines(scenarioWarnings(s))).toEqual([JAIL]);
    expect(lines(quickWarnings(s))).toEqual([JAIL]);
  });

  it('are not warned of once a fleet serves them, by name, district or serving everyone', () => {
    expect(scenarioWarnings(base([bus(['D', 'jail'])]))).toEqual([]);
    expect(scenarioWarnings(base([bus([])]))).toEqual([]);
  });

  it('are warned of when the only fleets serving them have no vehicles, naming those fleets; so is the report', () => {
    const s: Scenario = { ...base([{ ...bus(['D']), vehicles: 0 }, bus(['jail'])]), households: { size: 1, carShare: 0.5 } };
    expect(quickWarnings(s)).toEqual([{
      path: 'settlements[1]',
      message: '"school" is a special facility (school) whose fleets ("bus") have no vehicles: nothing will move its 300 people; ' +
        'give one of them vehicles, or name it (or its district) in another fleet\'s "serves"',
    }]);
    expect(s.settlements.map((x) => facilityWords(s, x))).toEqual([undefined, 'school, no fleet serves it', 'prison']);
    // The town's carless half has no fleet vehicle to wait for either.
    expect(scenarioWarnings(s).map((w) => w.path)).toContain('settlements[0]');
  });

  it('count a row per person in the memory estimate', () => {
    const s = base([]);
    const plain: Scenario = { ...s, settlements: s.settlements.map(({ facility: _, ...rest }) => rest) };
    // Households of 1 either way (the builder's size): the estimates agree; at size 5 the facilities' 350 people stay 350 rows.
    expect(estimateBytes(s)).toBe(estimateBytes(plain));
    const five = (x: Scenario): Scenario => ({ ...x, households: { size: 5, carShare: 1 } });
    expect(estimateBytes(five(s)) - estimateBytes(five(plain))).toBeCloseTo((350 - 350 / 5) * 200, 6);
  });
});

describe('the shelter warning', () => {
  it("counts every person of a special facility, whatever the order's compliance", () => {
    // 100 × 0.5 = 50 from the town, all 300 + 50 of the facilities (by bus): 400 expected at a 380-place shelter.
    const s: Scenario = { ...base([bus([])]), shelters: [exit('out', 'out', 380)], orders: [order(['town', 'school', 'jail'], { compliance: 0.5 })] };
    expect(scenarioWarnings(s).map((w) => w.message)).toEqual([
      'total shelter capacity 380 is below the 400 people expected to head for shelters (50 by car, 350 by fleet); the rest will have nowhere to go',
    ]);
  });
});

describe('special facilities no serving fleet can reach', () => {
  it('are named by validate, with the fleets that serve them, even where the fleets reach other places', () => {
    // A road from the hill to "out" runs one way: the bus at "out" reaches the town, not the jail on the hill.
    const s = base([bus([])]);
    s.network = {
      nodes: [...s.network.nodes, { id: 'hill', x: 0, y: 1000 }],
      roads: [...s.network.roads, road('h', 'hill', 'out')],
    };
    s.settlements[2] = { ...s.settlements[2], node: 'hill' };
    expect(scenarioWarnings(s).map((w) => `${w.path}: ${w.message}`)).toEqual([
      'settlements[2]: "jail" is a special facility (prison) that no fleet serving it can reach from its depot ("bus"): nothing will move its 50 people',
    ]);
    // One serving fleet that reaches it is enough.
    expect(scenarioWarnings({ ...s, fleets: [bus([]), { ...bus(['jail']), id: 'van', depot: 'hill' }] })).toEqual([]);
  });
});
