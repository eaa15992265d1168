import { describe, expect, it } from 'vitest';
import { districtClearance } from '../../src/html/tables.js';
import { builtInScenario } from '../../src/cli/paths.js';
import { clearance } from '../../src/report/clearance.js';
import { summarize } from '../../src/report/summary.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { simulate } from '../../src/simulation/simulate.js';
import { runFixture } from './fixtures.js';

describe('districtClearance', () => {
  it('gives every district the 90 % and full clearance that clearance() gives for it alone', () => {
    const kursk = loadScenarioFile(builtInScenario());
    const run = simulate(kursk);
    const runs = [{ result: run, summary: summarize(run, kursk) }, runFixture()];
    for (const { result, summary } of runs) {
      const byDistrict = districtClearance(result, summary);
      const districts = [...new Set(summary.settlements.flatMap((s) => (s.district === null ? [] : [s.district])))];
      expect([...byDistrict.keys()].sort()).toEqual(districts.sort());
      for (const district of districts) {
        const alone = clearance(result, { district });
        expect(byDistrict.get(district), district).toEqual({ p90: alone.p90, p100: alone.p100 });
      }
    }
  });
});
