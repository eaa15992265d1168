// summary.md's "Results by point" shows the headline metrics a sweep recorded, then its
// other metrics, eight columns at most: a metric chosen beside a headline one is not left
// out (clearance.p100 beside clearance.p90 was).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

async function sweep(metrics: string[]): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'evacsim-columns-')), 'sw');
  const args = ['sweep', 'scenarios/two-towns.json', '--set', 'households.carShare=0.6,0.8', '--workers', '0', '--quiet', '--out', out, ...metrics.flatMap((m) => ['--metric', m])];
  expect(await main(args, { out: () => undefined, err: () => undefined })).toBe(0);
  const md = readFileSync(join(out, 'summary.md'), 'utf8');
  const at = md.indexOf('## Results by point');
  return md.slice(at, md.indexOf('\n| ---', at)).split('\n').at(-1) as string;
}

describe('summary.md results by point', () => {
  it('shows the headline metrics first, then the others chosen', async () => {
    expect(await sweep(['clearance.p100', 'clearance.p90', 'vehicles.rerouted'])).toBe(
      '| point | `households.carShare` | runs | clearance p90 | clearance.p100 | vehicles.rerouted |',
    );
  });

  it('shows the first eight of many', async () => {
    const many = ['people.told', 'people.complied', 'people.stayed', 'people.waiting', 'people.inTransit', 'people.evacuated', 'people.trapped', 'clearance.p50', 'clearance.p100'];
    expect(await sweep(many)).toBe(
      '| point | `households.carShare` | runs | evacuated | trapped | clearance p50 | people.told | people.complied | people.stayed | people.waiting | people.inTransit |',
    );
  });
});
