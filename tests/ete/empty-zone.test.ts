// A zone where nobody lives (a ring with no settlement in it) reads "nobody lives here",
// not "nobody told": there was nobody to tell.
import { describe, expect, it } from 'vitest';
import { runEteStudy } from '../../src/ete/study.js';
import { eteTableText } from '../../src/ete/output.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { parseZoneSpec } from '../../src/ete/zone-spec.js';
import type { ZoneSpec } from '../../src/ete/zones.js';

const scenario = parseScenario({
  name: 'ring', seed: 1, horizon: '1d',
  network: {
    nodes: [{ id: 'plant', x: 0, y: 0 }, { id: 't', x: 8000, y: 0 }, { id: 'x', x: 20000, y: 0 }],
    roads: [{ id: 'tx', from: 't', to: 'x', class: 'secondary' }, { id: 'pt', from: 'plant', to: 't', class: 'secondary' }],
  },
  settlements: [{ id: 't', node: 't', population: 400 }],
  shelters: [{ id: 'x', node: 'x' }],
  households: { size: 2, carShare: 1 },
  orders: [{ at: 0, settlements: ['t'], compliance: 1, mobilization: { kind: 'fixed', median: '10m' } }],
});

describe('an ETE zone where nobody lives', () => {
  it('counts its population as 0 and reads "nobody lives here"; the town\'s ring has its 400', () => {
    const study = runEteStudy([{ name: 'base', description: '', scenario }], { zones: [parseZoneSpec('rings:2,10km@plant') as ZoneSpec], replications: 1 });
    const rows = study.rows.filter((r) => r.group === 'all');
    expect(rows.map((r) => [r.zone, r.zonePopulation])).toEqual([['all', 400], ['2km@plant', 0], ['10km@plant', 400]]);
    const text = eteTableText(study, 'p90');
    expect(text).toMatch(/2km@plant\s+0\s+nobody lives here/);
    expect(text).not.toContain('nobody told');
  });
});
