// The explorer benchmark's body on a small scenario, so it cannot rot. Nothing is timed here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explorerTiming, median, nodeSteps } from '../../benchmarks/explorer.js';
import { browserTests } from '../explore/chromium.js';
import { rawScenario } from '../html/fixtures.js';

describe('explorer benchmark', () => {
  it('median of an odd and an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('times the same steps in Node, with the CPU time of each run', () => {
    const runs = nodeSteps(rawScenario() as Record<string, unknown>, 2);
    expect(runs.map((r) => Object.keys(r))).toEqual(Array(2).fill(['parse', 'simulate', 'summary', 'outcome', 'pack', 'cpu']));
    // Thread CPU time comes in clock ticks (10 ms): a small run on a quiet machine may read 0.
    for (const r of runs) expect(r.cpu).toBeGreaterThanOrEqual(0);
  });

  it.skipIf(!browserTests)('times the server, the first run and each re-run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-bench-explorer-'));
    try {
      const file = join(dir, 'tiny.json');
      writeFileSync(file, JSON.stringify(rawScenario()));
      const t = await explorerTiming(file, 2);
      expect(t.serverReady).toBeGreaterThan(0);
      expect(t.firstRun).toBeGreaterThan(0);
      expect(t.reruns).toHaveLength(2);
      for (const s of t.reruns) expect(s).toBeGreaterThan(0);
      expect(t.steps.map((s) => Object.keys(s))).toEqual(Array(2).fill(['parse', 'simulate', 'summary', 'outcome', 'messages', 'decode', 'draw']));
      // Linux tells each thread's CPU time, in clock ticks: the server's main thread's is known.
      expect(t.serverCpu).toHaveLength(2);
      for (const ms of t.serverCpu) expect(ms).toBeGreaterThanOrEqual(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
