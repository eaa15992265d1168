// `evacsim run` builds the scenario's road graph once: the reachability check,
// the simulation, the congestion tables of --out and the report's map and
// network analysis share it.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const counted = vi.hoisted(() => ({ builds: 0 }));
vi.mock('../../src/network/build-graph.js', async (original) => {
  const actual = await original<typeof import('../../src/network/build-graph.js')>();
  return {
    ...actual,
    buildGraph: (...args: Parameters<typeof actual.buildGraph>) => {
      counted.builds++;
      return actual.buildGraph(...args);
    },
  };
});

// Test files share a worker's modules (vitest.config.ts): load the command line afresh, with the mock.
vi.resetModules();
const { cli } = await import('../helpers/cli.js');

describe('evacsim run builds the road graph once', () => {
  it('for the summary', async () => {
    counted.builds = 0;
    const r = await cli('run', 'scenarios/bottleneck.json', '--json');
    expect(r.code).toBe(0);
    expect(counted.builds).toBe(1);
  });

  it('with --out, whose congestion tables read the same network', async () => {
    counted.builds = 0;
    const r = await cli('run', 'scenarios/bottleneck.json', '--json', '--out', mkdtempSync(join(tmpdir(), 'evacsim-')));
    expect(r.code).toBe(0);
    expect(counted.builds).toBe(1);
  });

  it('with --report, whose map, traffic and network analysis read the same graph', async () => {
    counted.builds = 0;
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-'));
    const r = await cli('run', 'scenarios/two-towns.json', '--json', '--report', join(dir, 'report.html'));
    expect(r.code).toBe(0);
    expect(counted.builds).toBe(1);
  });
});
