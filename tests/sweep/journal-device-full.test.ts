// A sweep's journal on a full device: the command line's one-line message and
// exit 2 (as run, ete and generate give for a full disk), not an internal error.
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appendFailure, Journal } from '../../src/cli/sweep-folder.js';
import { UsageError } from '../../src/cli/usage-error.js';
import type { SweepRow } from '../../src/sweep/row.js';

const dir = mkdtempSync(join(tmpdir(), 'evacsim-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row: SweepRow = { run: 0, point: 0, replication: 0, seed: 1, parameters: {}, metrics: { 'clearance.p90': 3600 }, endTime: 7200, wallSeconds: 0.01 };

// /dev/full takes no byte: every write fails with ENOSPC, as on a full disk.
describe.skipIf(!existsSync('/dev/full'))('a sweep folder on a full device', () => {
  it('names the journal and the cause in a UsageError', () => {
    symlinkSync('/dev/full', join(dir, 'runs.jsonl'));
    const journal = new Journal(dir);
    try {
      expect(() => journal.append(row)).toThrow(UsageError);
      expect(() => journal.append(row)).toThrow(`cannot write ${join(dir, 'runs.jsonl')}: no space left on the device`);
    } finally {
      journal.close();
    }
  });

  it('names failures.jsonl and the cause in a UsageError', () => {
    symlinkSync('/dev/full', join(dir, 'failures.jsonl'));
    expect(() => appendFailure(dir, { run: 0 })).toThrow(`cannot write ${join(dir, 'failures.jsonl')}: no space left on the device`);
  });
});
