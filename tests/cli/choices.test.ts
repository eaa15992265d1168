// An option or positional that takes one of a few words, given another word: the
// message names the option, the words it takes and the word given, in evacsim's
// own wording (it was yargs' "Invalid values:\n  Argument: format, Given: "xml",
// Choices: "csv", "parquet"", in the system's language), exit 2.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

const TOWNS = 'scenarios/two-towns.json';
const usage = (message: string) => `evacsim: ${message}\n(see evacsim --help)\n`;

describe('options that take one of a few words', () => {
  it.each([
    [['sweep', TOWNS, '--format', 'xml'], '--format must be csv or parquet, got "xml"'],
    [['sweep', TOWNS, '--method', 'fast'], '--method must be sobol or morris, got "fast"'],
    [['calibrate', TOWNS, '--format', 'json'], '--format must be csv or parquet, got "json"'],
    [['ete', TOWNS, '--end', 'Zone'], '--end must be destination or zone, got "Zone"'],
    [['import', 'osm', 'map.osm', '--min-class', 'big'], '--min-class must be motorway, trunk, primary, secondary, tertiary or local, got "big"'],
    [['generate', 'blob'], 'generate <kind> must be grid, corridor or region, got "blob"'],
    [['import', 'osb', 'map.osm'], 'import <source> must be osm, got "osb"'],
    [['export', 'kml', TOWNS], 'export <format> must be geojson, got "kml"'],
    // The first of two bad words; a bad word given beside a good one; an empty word.
    [['sweep', TOWNS, '--format=xml', '--method=x'], '--format must be csv or parquet, got "xml"'],
    [['sweep', TOWNS, '--format', 'csv', '--format', 'xml'], '--format must be csv or parquet, got "xml"'],
    [['ete', TOWNS, '--end='], '--end needs a value'],
  ])('%j', async (argv, message) => {
    const r = await cli(...argv);
    expect([r.code, r.err, r.out]).toEqual([2, usage(message), '']);
  });

  it('every option and positional with choices is declared through oneOf, so none is left to yargs wording', () => {
    const dir = 'src/cli/commands';
    const raw = readdirSync(dir).filter((f) => readFileSync(join(dir, f), 'utf8').includes('choices:'));
    expect(raw).toEqual([]);
    const declared = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').match(/oneOf\('[^']+'/g) ?? []);
    expect(declared.sort()).toEqual([
      "oneOf('--end'", "oneOf('--format'", "oneOf('--method'", "oneOf('--min-class'",
      "oneOf('export <format>'", "oneOf('generate <kind>'", "oneOf('import <source>'",
    ]);
  });

  it('the words themselves are still taken, and the help still lists them', async () => {
    expect((await cli('generate', 'grid', '--people', '100')).code).toBe(0);
    expect((await cli('sweep', TOWNS, '--set', 'households.carShare=0.6,0.8', '--dry-run', '--workers', '0', '--format', 'parquet')).code).toBe(0);
    expect((await cli('sweep', '--help')).out).toContain('[choices: "csv", "parquet"]');
  });
});
