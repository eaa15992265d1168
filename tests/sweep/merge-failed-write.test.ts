// A merge whose files cannot be written (a full disk, say) leaves no new --out folder:
// the folder it made for them is removed again once its lock is released. A folder that
// was there before is left, with what it held.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir, writeSweepFile } from './fixtures.js';

const failing = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/cli/sweep-folder.js', async (original) => {
  const real = await original<typeof import('../../src/cli/sweep-folder.js')>();
  // The error class of the modules the command line is loaded with (below), so it is reported as a usage error.
  const { UsageError } = await import('../../src/cli/usage-error.js');
  return {
    ...real,
    writeReports: (...args: Parameters<typeof real.writeReports>) => {
      if (failing.on) throw new UsageError(`cannot write ${join(args[0], 'runs.jsonl')}: no space left on the device`);
      return real.writeReports(...args);
    },
  };
});

// Test files share a worker's modules (vitest.config.ts): load the command line afresh, with the mock,
// or a file run before this one in the worker leaves main bound to the real writeReports.
vi.resetModules();
const { main } = await import('../../src/cli/main.js');

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(args, { out: () => undefined, err: (t) => (stderr += t) });
  return { code, stderr };
}

async function shards(): Promise<string> {
  const file = writeSweepFile();
  const root = tempDir();
  for (const i of [0, 1]) {
    const sweep = await cli(['sweep', file, '--set', 'households.carShare=0.6,0.9', '--seed', '7', '--quiet', '--workers', '0', '--shard', `${i}/2`, '--out', join(root, `shard${i}`)]);
    expect(sweep.code).toBe(0);
  }
  return root;
}

describe('merge that cannot write its files', () => {
  it('removes the --out folder it made, and leaves an empty one that was there', async () => {
    const root = await shards();
    const out = join(root, 'merged');
    failing.on = true;
    try {
      const merge = await cli(['merge', join(root, 'shard0'), join(root, 'shard1'), '--out', out]);
      expect([merge.code, merge.stderr]).toEqual([2, `evacsim: cannot write ${join(out, 'runs.jsonl')}: no space left on the device\n`]);
      expect(existsSync(out)).toBe(false);
      const empty = join(root, 'empty');
      mkdirSync(empty);
      const into = await cli(['merge', join(root, 'shard0'), join(root, 'shard1'), '--out', empty]);
      expect(into.stderr).toContain('no space left on the device');
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      failing.on = false;
    }
    expect((await cli(['merge', join(root, 'shard0'), join(root, 'shard1'), '--out', out])).code).toBe(0);
    expect(readdirSync(out)).toContain('runs.jsonl');
  });
});
