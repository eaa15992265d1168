// One town of 60 people in district D, 2 km from an exit, each ready between 0 and
// 3,600 s after an order at 0 s (uniform, median 1,800 s): the smallest ETE study
// whose runs differ by seed.
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from './build.js';

/** The town, with `fields` over it. */
export function town(fields: Partial<Scenario> = {}): Scenario {
  return scenario({
    nodes: ['town', 'exit'],
    network: { nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'exit', x: 2000, y: 0 }], roads: [road('r', 'town', 'exit', { lengthKm: 2 })] },
    settlements: [settlement('town', 'town', 60, { district: 'D' })],
    shelters: [exit('exit', 'exit')],
    orders: [order(['town'], { mobilization: { kind: 'uniform', median: 1800, shape: null } })],
    ...fields,
  });
}
