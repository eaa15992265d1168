// What the library says when it is called wrongly: raw JSON to simulate, an
// unknown district to clearance.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { clearance, loadScenario, simulate, InputError } from '../../src/index.js';

describe('library errors', () => {
  it('simulate refuses the raw JSON of a scenario file, saying to parse it first', () => {
    const raw = JSON.parse(readFileSync('scenarios/bottleneck.json', 'utf8'));
    expect(() => simulate(raw)).toThrow(InputError);
    expect(() => simulate(raw)).toThrow(/parseScenario\(\) first/);
  });

  it('clearance of an unknown district names the known ones', () => {
    const scenario = loadScenario('scenarios/two-towns.json');
    const result = simulate(scenario);
    const known = [...new Set(scenario.settlements.map((s) => s.district).filter((d) => d !== null))].sort();
    expect(known.length).toBeGreaterThan(0);
    expect(() => clearance(result, { district: 'nowhere' })).toThrow(`unknown district "nowhere"; known: ${known.map((k) => JSON.stringify(k)).join(', ')}`);
    expect(clearance(result, { district: known[0] as string }).p50).not.toBeNull();
  });
});
