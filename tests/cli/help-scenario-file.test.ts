// Every command that reads a scenario reads the same file types; its help said
// so for some (`.json, .jsonc, .yaml`) and left `.jsonc` out for others
// (network, ete, sweep, calibrate). All now name every type the loader reads.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('help of the scenario argument', () => {
  it.each(['run', 'validate', 'network', 'export geojson', 'explore', 'sweep', 'ete', 'calibrate'])('%s --help names .json, .jsonc, .yaml and .yml', async (command) => {
    const r = await cli(...command.split(' '), '--help');
    expect(r.code).toBe(0);
    expect(r.out.replace(/\s+/g, ' ')).toContain('scenario file (.json, .jsonc, .yaml, .yml)');
  });
});
