// Files named by options (`sweep --design`, `ete --zones`, `run --baseline`) are
// read as a scenario is: a FIFO or device is refused at once (it hung the command,
// deaf to SIGTERM, before), and a byte-order mark is dropped.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

const folder = () => mkdtempSync(join(tmpdir(), 'evacsim-option-files-'));

/** The command as a process, killed after 20 s: a read that blocks (deaf to SIGTERM) must not hang the test. */
function bin(...args: string[]) {
  return spawnSync(process.execPath, ['bin/evacsim.js', ...args], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
}

const ZONES = {
  type: 'FeatureCollection',
  features: [{
    type: 'Feature',
    properties: { name: 'west' },
    geometry: { type: 'Polygon', coordinates: [[[35, 51], [35.5, 51], [35.5, 51.3], [35, 51.3], [35, 51]]] },
  }],
};

describe('files named by options', () => {
  it.each([
    ['sweep --design', (f: string) => ['sweep', 'scenarios/two-towns.json', '--design', f, '--dry-run', '--workers', '0'], '--design'],
    ['ete --zones', (f: string) => ['ete', 'scenarios/readme-example.jsonc', '--zones', f, '--quiet'], '--zones'],
    ['run --baseline', (f: string) => ['run', 'scenarios/two-towns.json', '--report', join(folder(), 'r.html'), '--baseline', f], '--baseline'],
  ])('%s refuses a FIFO at once with exit 2', (_, argv, option) => {
    const fifo = join(folder(), option === '--zones' ? 'z.geojson' : option === '--design' ? 'd.csv' : 'b.json');
    execFileSync('mkfifo', [fifo]);
    const r = bin(...argv(fifo));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`evacsim: ${option} ${fifo}: is not a regular file (a device, FIFO or socket), not ${option === '--design' ? 'grid, lhs or a CSV file' : option === '--zones' ? 'a GeoJSON file' : 'a summary or scenario file'}\n`);
  });

  it('ete --zones reads a GeoJSON file that starts with a byte-order mark', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'plain.geojson'), JSON.stringify(ZONES));
    writeFileSync(join(dir, 'bom.geojson'), `\uFEFF${JSON.stringify(ZONES)}`);
    const plain = await cli('ete', 'scenarios/readme-example.jsonc', '--zones', join(dir, 'plain.geojson'), '--json');
    const bom = await cli('ete', 'scenarios/readme-example.jsonc', '--zones', join(dir, 'bom.geojson'), '--json');
    expect(bom.err).toBe('');
    expect(bom.code).toBe(0);
    expect(bom.out).toBe(plain.out);
    expect(JSON.parse(bom.out).zones).toContain('west');
  });

  it('run --baseline reads a summary JSON that starts with a byte-order mark', async () => {
    const dir = folder();
    const summary = (await cli('run', 'scenarios/two-towns.json', '--json')).out;
    writeFileSync(join(dir, 'base.json'), `\uFEFF${summary}`);
    const r = await cli('run', 'scenarios/two-towns.json', '--report', join(dir, 'r.html'), '--baseline', join(dir, 'base.json'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('baseline base.json');
  });

  it('sweep --design names a missing file as missing', async () => {
    const r = await cli('sweep', 'scenarios/two-towns.json', '--design', 'no-such-design.csv', '--dry-run', '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.err).toBe('evacsim: --design no-such-design.csv: file not found\n');
  });
});
