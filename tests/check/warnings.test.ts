import { describe, expect, it } from 'vitest';
import { quickWarnings, scenarioWarnings } from '../../src/check/warnings.js';
import { limitProblems, DEFAULT_LIMITS, estimateBytes, sizeProblems } from '../../src/check/limits.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   town ──r──► out     (and a shelter at out)
const base = (fields: Partial<Scenario> = {}) =>
  scenario({
    nodes: [],
    network: { nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'out', x: 1000, y: 0 }], roads: [road('r', 'town', 'out')] },
    settlements: [settlement('town', 'town', 100, { district: 'D' })],
    shelters: [exit('out', 'out')],
    orders: [order(['town'], { at: 3600 })],
    ...fields,
  });

const messages = (s: Scenario) => scenarioWarnings(s).map((w) => `${w.path}: ${w.message}`);

describe('validate warnings', () => {
  it('has none for a plain scenario', () => {
    expect(messages(base())).toEqual([]);
  });

  it('warns of a settlement whose only way out is closed when its order comes, for good or until the closure ends', () => {
    const s = base({ hazards: [{ kind: 'closure', roads: ['r'], from: 0, until: null }] });
    expect(messages(s)).toEqual([
      'settlements[0]: "town" has no open road to any destination when its order comes (1.0 h): hazards close every way out, for good (captures or closures without an end)',
    ]);
    const lifted = base({ hazards: [{ kind: 'closure', roads: ['r'], from: 0, until: 3 * 3600 }] });
    expect(messages(lifted)).toEqual([
      'settlements[0]: "town" has no open road to any destination when its order comes (1.0 h): hazards close every way out until closures end (the first at 3.0 h)',
    ]);
    // A closure that ends beside one that does not, on the only road: for good.
    const both = base({ hazards: [{ kind: 'closure', roads: ['r'], from: 0, until: 3 * 3600 }, { kind: 'closure', roads: ['r'], from: 0, until: null }] });
    expect(messages(both)[0]).toMatch(/, for good \(captures or closures without an end\)$/);
  });

  it('warns of shelters too small for those heading to them', () => {
    const s = base({ shelters: [exit('school', 'out', 30)] });
    expect(messages(s)).toContain('shelters: total shelter capacity 30 is below the 100 people expected to head for shelters; the rest will have nowhere to go');
  });

  it('warns of a fleet that serves nothing and of carless households no fleet serves', () => {
    const s = base({
      households: { size: 1, carShare: 0.5 },
      fleets: [{ id: 'bus', depot: 'out', vehicles: 1, seats: 10, boardingSecondsPerPerson: 1, serves: ['elsewhere'], mode: 'road', from: 0, headway: null, timetable: [] }],
      settlements: [settlement('town', 'town', 100, { district: 'D' }), settlement('elsewhere', 'out', 0)],
    });
    expect(messages(s)).toEqual([
      'fleets[0].serves: fleet "bus" serves no settlement that an order tells to leave',
      'settlements[0]: "town": households without a car (50 %) have no fleet to wait for and will not leave',
    ]);
  });

  it('reads each settlement\'s own car share and ride-sharing for households no fleet serves', () => {
    const two = (households: Scenario['households'], own: Partial<Scenario['settlements'][number]>) =>
      base({
        households,
        settlements: [settlement('town', 'town', 100, { district: 'D' }), settlement('hamlet', 'town', 10, own)],
        orders: [order(['town', 'hamlet'], { at: 3600 })],
      });
    // Everyone has a car but the hamlet, where half have none.
    expect(messages(two({ size: 1, carShare: 1 }, { households: { carShare: 0.5 } }))).toEqual([
      'settlements[1]: "hamlet": households without a car (50 %) have no fleet to wait for and will not leave',
    ]);
    // The district drives, or the hamlet's carless all ride with neighbours: nobody waits.
    expect(messages(two({ size: 1, carShare: 0.5, districts: { D: { carShare: 1 } } }, { district: 'D' }))).toEqual([]);
    expect(messages(two({ size: 1, carShare: 1 }, { households: { carShare: 0.5, rideShare: 1 } }))).toEqual([]);
  });

  it('warns of targets on unknown metrics, orders telling nobody, and events after the horizon', () => {
    const s = base({
      horizon: 7200,
      orders: [order(['town'], { at: 3600 }), order(['town'], { at: 9000 })],
      targets: [{ metric: 'people.happy', at: null, scope: null, value: 1, tolerance: 0, min: null, max: null, note: '' }],
    });
    expect(messages(s)).toEqual([
      'targets[0].metric: unknown metric "people.happy"; this target can never be met',
      'orders[1]: tells nobody: it names no settlement that an earlier order has not already told',
      'orders[1].at: the order comes at 2.5 h, after the horizon (2.0 h): it never happens',
    ]);
  });
});

describe('quick warnings', () => {
  it('name what comes after the horizon, a target judged on the run\'s last state among them, for every run to print', () => {
    const s = base({
      horizon: 7200,
      orders: [order(['town'], { at: 3600 }), order(['town'], { at: 9000 })],
      targets: [{ metric: 'people.evacuated', at: 10_800, scope: null, value: 1, tolerance: 0, min: 1, max: null, note: '' }],
    });
    expect(quickWarnings(s).map((w) => `${w.path}: ${w.message}`)).toEqual([
      'orders[1].at: the order comes at 2.5 h, after the horizon (2.0 h): it never happens',
      "targets[0].at: the target is read at 3.0 h, after the horizon (2.0 h): it is judged on the run's last state",
    ]);
    expect(quickWarnings(base({ horizon: 7200 }))).toEqual([]);
  });
});

describe('limits', () => {
  it('accepts the ordinary and refuses what would not fit, naming the limit', () => {
    expect(limitProblems(base())).toEqual([]);
    const huge = base({ settlements: [settlement('town', 'town', 1e9)] });
    expect(limitProblems(huge).map((p) => p.message)[0]).toMatch(/^the run would need about \d+\.\d GB of memory, above the limit of 16 GB \(use --allow-large to lift it\)$/);
    expect(limitProblems(base({ horizon: 400 * 86400 }))).toEqual([
      { path: 'horizon', message: `horizon in seconds ${400 * 86400} exceeds the limit of ${DEFAULT_LIMITS.horizonSeconds} (use --allow-large to lift it)` },
    ]);
  });
});

describe('a run larger than the machine', () => {
  const huge = () => base({ settlements: [settlement('town', 'town', 1e9)] });
  const GB = 1024 ** 3;

  it('is refused even with --allow-large, and the message does not offer to lift it', () => {
    const bytes = estimateBytes(huge());
    const machine = bytes - GB;
    const problems = sizeProblems(huge(), true, undefined, machine);
    expect(problems).toEqual([{
      path: 'settlements',
      message: `the run would need about ${(bytes / GB).toFixed(1)} GB of memory, more than this machine's ${(machine / GB).toFixed(1)} GB`,
    }]);
    // Without --allow-large the same one message: the limit's own, which says how to lift it, would mislead.
    expect(sizeProblems(huge(), false, undefined, machine)).toEqual(problems);
  });

  it('is only held to the limits when the machine has the memory', () => {
    const bytes = estimateBytes(huge());
    expect(sizeProblems(huge(), true, undefined, bytes)).toEqual([]);
    expect(sizeProblems(huge(), false, undefined, bytes).map((p) => p.message)).toEqual([
      expect.stringMatching(/above the limit of 16 GB \(use --allow-large to lift it\)$/),
    ]);
  });
});
