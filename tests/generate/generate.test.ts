// The synthetic scenarios of `evacsim generate`: valid, reachable, exactly the
// people asked for, and the same file for the same seed.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { GENERATOR_KINDS, apportion, generate, gridSide, regionSide, scenarioJson } from '../../src/generate/index.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { unreachableSettlements } from '../../src/network/reachability.js';
import { simulate } from '../../src/simulation/simulate.js';
import { LogKind } from '../../src/result.js';
import { cli } from '../helpers/cli.js';
import { scenarioWarnings } from '../../src/check/warnings.js';

const population = (file: ReturnType<typeof generate>) => file.settlements.reduce((sum, s) => sum + s.population, 0);

describe('generate', () => {
  it.each(GENERATOR_KINDS)('%s gives a valid scenario in which every settlement reaches a destination', (kind) => {
    for (const people of [1, 999, 25_000]) {
      const scenario = parseScenario(JSON.parse(scenarioJson(generate(kind, { people, seed: 3 }))));
      expect(unreachableSettlements(scenario)).toEqual([]);
    }
  });

  it.each(GENERATOR_KINDS)('%s holds exactly the people asked for', (kind) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 0, max: 1000 }), (people, seed) => {
        expect(population(generate(kind, { people, seed }))).toBe(people);
      }),
      { numRuns: 25 },
    );
  });

  it.each(GENERATOR_KINDS)('%s gives the same file for the same seed and another for another seed', (kind) => {
    const a = scenarioJson(generate(kind, { people: 5000, seed: 1 }));
    expect(scenarioJson(generate(kind, { people: 5000, seed: 1 }))).toBe(a);
    if (kind !== 'corridor') expect(scenarioJson(generate(kind, { people: 5000, seed: 2 }))).not.toBe(a);
  });

  it('sizes grids and regions at about 100 people per junction', () => {
    expect(gridSide(1_000_000)).toBe(100);
    expect(generate('grid', { people: 1_000_000, seed: 1 }).network.nodes).toHaveLength(10_000);
    expect(regionSide(10_000)).toBe(10);
    expect(generate('region', { people: 10_000, seed: 1, side: 7 }).network.nodes).toHaveLength(49);
  });

  it('gives a region of the smallest sides orders that each tell someone (seeds 1 to 40)', () => {
    // --side 3 and 4 put the border's first belt (a quarter of the height) short of the top
    // row, and some rows hold no settlement: an order then told nobody (a validate warning).
    for (const side of [3, 4]) {
      for (let seed = 1; seed <= 40; seed++) {
        const scenario = parseScenario(generate('region', { people: 1000, seed, side }));
        expect(scenarioWarnings(scenario), `side ${side}, seed ${seed}`).toEqual([]);
      }
    }
  });

  it('lets everyone on the corridor through the bottleneck, one car every 4 s', () => {
    const scenario = parseScenario(generate('corridor', { people: 2000, seed: 1 }));
    const r = simulate(scenario);
    expect(r.vehicles.cars).toBe(2000);
    expect(r.vehicles.arrived).toBe(2000);
    // Demand (2000 cars in an hour) exceeds the bottleneck (900 an hour): the last
    // car leaves it (1999 × 4 s after the first could) and drives 1 km more.
    const arrivals = Array.from(r.log.time).filter((_, i) => r.log.kind[i] === LogKind.Evacuated);
    expect(Math.max(...arrivals)).toBeGreaterThanOrEqual(1999 * 4 + 36);
  });

  it('writes one array item per line', () => {
    const text = scenarioJson(generate('grid', { people: 900, seed: 1 }));
    const lines = text.split('\n');
    expect(lines.filter((l) => l.trimStart().startsWith('{"id":"n')).length).toBe(9);
    expect(JSON.parse(text).network.roads).toHaveLength(12);
  });
});

describe('apportion', () => {
  it('splits a total in proportion to the weights, summing exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 0])).toEqual([4, 3]);
    expect(apportion(100, [3, 1])).toEqual([75, 25]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (total, weights) => {
        const parts = apportion(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        for (const p of parts) expect(Number.isInteger(p) && p >= 0).toBe(true);
      }),
    );
  });
});

describe('evacsim generate', () => {
  it('prints the scenario on stdout, or writes it with --out', async () => {
    const r = await cli('generate', 'corridor', '--people', '300', '--seed', '5');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).settlements[0].population).toBe(300);
  });

  it('refuses a people count that is not a positive whole number', async () => {
    const r = await cli('generate', 'grid', '--people', '2.5');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--people must be a whole number');
  });

  it('refuses an --out that cannot be written before generating (100 million people take seconds and gigabytes)', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'evacsim-generate-')), 'big.json');
    mkdirSync(folder);
    const r = spawnSync(process.execPath, ['bin/evacsim.js', 'generate', 'grid', '--people', '100000000', '--side', '1000', '--seed', '1', '--out', folder], { encoding: 'utf8', timeout: 3000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`evacsim: cannot write ${folder}: it is a folder, not a regular file; name a file to create or replace\n`);
  });

  it('refuses an unknown kind', async () => {
    const r = await cli('generate', 'city');
    expect(r.code).toBe(2);
  });
});
