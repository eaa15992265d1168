// Every benchmark body runs on a tiny size, so the benchmarks cannot rot. Nothing
// here is timed: the numbers are only checked for being there and consistent.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hotLoop } from '../../benchmarks/hot-loop.js';
import { bareHeapRate } from '../../benchmarks/bare-heap.js';
import { scaleRun } from '../../benchmarks/scale.js';
import { fleetRun } from '../../benchmarks/fleet.js';
import { filesRun } from '../../benchmarks/files.js';
import { networkRun } from '../../benchmarks/network.js';
import { corridorTable, filesTable, fleetTable, hotLoopTable, runSuite, scaleTable } from '../../benchmarks/suite.js';
import { table } from '../../benchmarks/table.js';
import { sideBySide, sideBySideTable } from '../../benchmarks/side-by-side.js';
import { packageRoot } from '../../src/package-root.js';
import { runEvacsim } from '../../benchmarks/process.js';

describe('benchmarks', () => {
  it('hot loop: counts events and traversals and compares with the bare heap', () => {
    const r = hotLoop(2000, 1, 1);
    expect(r.events).toBeGreaterThan(r.linkTraversals);
    expect(r.linkTraversals).toBeGreaterThan(0);
    expect(r.meanPending).toBeGreaterThanOrEqual(r.meanHeap);
    expect(r.meanPending).toBeGreaterThan(0);
    expect(r.ratio).toBeGreaterThan(0);
    expect(r.memoryLatencyNs).toBeGreaterThan(0);
    expect(r.cacheLatencyNs).toBeGreaterThan(0);
    expect(hotLoopTable(r)).toContain('bare heap');
    expect(hotLoopTable(r)).toContain('memory latency');
    expect(hotLoopTable(r)).toContain('over 4 MB');
    expect(hotLoopTable(r)).not.toContain('fits the cache');
    expect(hotLoopTable(r, r)).toContain('grid of 2,000 people (its state fits the cache)');
  });

  it('bare heap: a positive rate', () => {
    expect(bareHeapRate(100, 1000, 1, 1)).toBeGreaterThan(0);
  });

  it('scale and corridor: whole-process runs report the summary and peak memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-bench-test-'));
    try {
      const grid = scaleRun('grid', 1500, dir);
      expect(grid.vehicles).toBe(600);
      expect(grid.maxRssBytes).toBeGreaterThan(0);
      expect(grid.evacuated).toBe(1500);
      const corridor = scaleRun('corridor', 500, dir);
      expect(corridor.vehicles).toBe(500);
      expect(corridor.clearance).not.toBeNull();
      expect(scaleTable([grid])).toContain('1,500');
      expect(corridorTable([corridor])).toContain('500');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fleet: the built-in scenario with a grown fleet reports its vehicles, events and trips', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-bench-test-'));
    try {
      const r = fleetRun(2000, dir);
      expect(r.vehicles).toBe(2000);
      expect(r.events).toBeGreaterThan(r.trips);
      expect(r.trips).toBeGreaterThan(0);
      expect(fleetTable([r])).toContain('2,000');
      expect(() => fleetRun(10, dir)).toThrow(/more than/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('files: a run without files, with --out and with --report, each writing what it should', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-bench-test-'));
    try {
      const rows = filesRun(1500, dir);
      expect(rows.map((r) => r.options)).toEqual(['(none)', '--out', '--report']);
      expect(rows[0].bytes).toBe(0);
      expect(rows[1].bytes).toBeGreaterThan(0);
      expect(rows[2].bytes).toBeGreaterThan(0);
      expect(filesTable(rows)).toContain('--report');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('network: the analysis of a grid whose every junction is a settlement', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-bench-test-'));
    try {
      const r = networkRun('grid', 1500, dir);
      expect(r.settlements).toBe(r.nodes);
      expect(r.links).toBeGreaterThan(r.nodes);
      expect(r.seconds).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a whole-process run reports its own peak memory, not that of the process that started it', () => {
    // 400 MB held here, touched so that it is resident: a forked child starts with it on its books.
    const held = new Float64Array(50_000_000).fill(1);
    const run = runEvacsim(['validate', 'scenarios/two-towns.json']);
    expect(run.maxRssBytes).toBeGreaterThan(20 * 1024 ** 2);
    expect(run.maxRssBytes).toBeLessThan(300 * 1024 ** 2);
    expect(held[held.length - 1]).toBe(1);
  });

  it('suite: prints every part and the targets', () => {
    let out = '';
    runSuite(
      {
        parts: ['hot-loop', 'scale', 'corridor'], hotLoopPeople: 1000, hotLoopCachedPeople: 500, scalePeople: [1000, 2000], regionPeople: [2000],
        corridorPeople: [300],
        fleetVehicles: [], filesPeople: 0, networkCases: [], repeatBelow: 0, checkTargets: true,
      },
      (text) => (out += text),
    );
    for (const heading of ['Hot loop', 'Scale', 'border region', 'Corridor', 'Targets']) expect(out).toContain(heading);
    expect(out).toContain('grid of 500 people (its state fits the cache)');
  });

  it('side by side: runs two checkouts at once, times both and compares their summaries', async () => {
    const root = packageRoot();
    const r = await sideBySide(root, root, 'scenarios/two-towns.json', 2);
    expect(r.pairs).toHaveLength(2);
    for (const pair of r.pairs) expect(Math.min(pair.a, pair.b)).toBeGreaterThan(0);
    expect(r.identical).toBe(true);
    expect(sideBySideTable(r)).toContain('summaries identical');
  });

  it('side by side: the table gives the means, the ratio and which side was faster', () => {
    const text = sideBySideTable({ pairs: [{ a: 2, b: 1 }, { a: 4, b: 5 }], identical: false });
    expect(text).toContain('| mean |    3.00 |     3.00 |          1.000 |');
    expect(text).toContain('second faster in 1 of 2 pairs; summaries DIFFERENT');
  });

  it('side by side: names a checkout that has no build', async () => {
    await expect(sideBySide(join(tmpdir(), 'no-such-checkout'), packageRoot(), 'scenarios/two-towns.json', 1)).rejects.toThrow(/has no build/);
  });

  it('tables are Markdown with right-aligned numbers', () => {
    expect(table(['name', 'n'], [['a', 1], ['bb', 22]])).toBe('| name |  n |\n|:-----|---:|\n| a    |  1 |\n| bb   | 22 |\n');
  });
});
