// A value starting with a minus that is not a plain number is read by the parser
// as short options; the error said "Unknown arguments: 5, 1", naming neither the
// option nor the value. It now says how to write it.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('values that start with a minus', () => {
  it.each([
    [['export', 'geojson', 'scenarios/grid-city.json', '--origin', '-51,35'], '--origin -51,35', '--origin=-51,35'],
    [['sweep', 'scenarios/two-towns.json', '--set', 'households.carShare=0.5', '--dry-run', '--shard', '-1/2'], '--shard -1/2', '--shard=-1/2'],
    [['import', 'osm', 'tests/fixtures/osm/town.osm', '--bbox', '-9.5,40,-9,41'], '--bbox -9.5,40,-9,41', '--bbox=-9.5,40,-9,41'],
  ])('%j names the option and the way to write it', async (argv, given, written) => {
    const r = await cli(...argv);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(`evacsim: ${given}: a value that starts with a minus reads as options; write ${written}\n(see evacsim --help)\n`);
  });

  it('a plain negative number still reaches the option check', async () => {
    const r = await cli('run', 'scenarios/two-towns.json', '--seed', '-1');
    expect([r.code, r.err]).toEqual([2, `evacsim: --seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got -1\n`]);
  });

  it('written with =, the value is read', async () => {
    const r = await cli('export', 'geojson', 'scenarios/grid-city.json', '--origin=-51,35');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).origin).toEqual([35, -51]);
  });
});
