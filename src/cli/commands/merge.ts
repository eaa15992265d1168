// `evacsim merge DIR… --out DIR`: joins the folders of a sharded sweep into the
// folder one machine would have written: the same manifest, journal (in run
// order), tables and summaries.

import type { Argv } from 'yargs';
import { UsageError } from '../../errors.js';
import { differences, type SweepManifest } from '../../sweep/manifest.js';
import { planSweep } from '../../sweep/design.js';
import type { SweepRow } from '../../sweep/row.js';
import type { Command, Io } from '../command.js';
import { MANIFEST, readJournal, readManifest, stageJournal, stageManifest, stageReports } from '../sweep-folder.js';
import { Outputs } from '../write.js';

export interface MergeArgs {
  dirs: string[];
  out: string;
  partial: boolean;
}

export const mergeCommand: Command = {
  command: 'merge <dirs..>',
  describe: 'join the folders of a sharded sweep into one, as a single machine would have written it',
  options: (yargs) => mergeOptions(yargs) as unknown as Argv,
  repeatable: ['dirs'],
  handle: (args, io) => merge(args as unknown as MergeArgs, io),
};

/** Declares the positionals and options of `evacsim merge`. */
export function mergeOptions(yargs: Argv): Argv<MergeArgs> {
  return yargs
    .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'sweep folders (shards) of one sweep' })
    .option('out', { type: 'string', demandOption: true, describe: 'folder to write the merged sweep to' })
    .option('partial', { type: 'boolean', default: false, describe: 'write even when runs are missing (finish them later with sweep --resume)' }) as unknown as Argv<MergeArgs>;
}

/** Runs the command; returns the exit code. */
export function merge(args: MergeArgs, io: Io): number {
  const manifests = args.dirs.map((dir) => {
    const manifest = readManifest(dir);
    if (manifest === null) throw new UsageError(`${dir} is not a sweep folder (no ${MANIFEST})`);
    return manifest;
  });
  const first = manifests[0];
  manifests.forEach((m, i) => {
    const different = differences(first, m, false);
    if (different.length > 0) throw new UsageError(`${args.dirs[i]} is another sweep than ${args.dirs[0]}: ${different.join('; ')}`);
  });
  const plan = planSweep(first.design);
  const rows = new Map<number, { row: SweepRow; dir: string }>();
  args.dirs.forEach((dir) => {
    for (const row of readJournal(dir, plan, false)) {
      const seen = rows.get(row.run);
      if (seen === undefined) rows.set(row.run, { row, dir });
      else if (withoutWallTime(seen.row) !== withoutWallTime(row)) {
        throw new UsageError(`run ${row.run} differs between ${seen.dir} and ${dir}; were they run by different evacsim versions?`);
      }
    }
  });
  const missing = plan.runs - rows.size;
  if (missing > 0 && !args.partial) {
    const some = [...Array(plan.runs).keys()].filter((run) => !rows.has(run)).slice(0, 5);
    throw new UsageError(`${missing} of ${plan.runs} runs are missing (runs ${some.join(', ')}${missing > some.length ? ', …' : ''}); finish the shards, or pass --partial`);
  }
  const target = readManifest(args.out);
  if (target !== null && differences(first, target, false).length > 0) throw new UsageError(`${args.out} holds another sweep; choose another --out`);
  const merged: SweepManifest = { ...first, shard: null };
  const list = [...rows.values()].map((r) => r.row).sort((a, b) => a.run - b.run);
  const outputs = new Outputs();
  stageManifest(outputs, args.out, merged);
  stageJournal(outputs, args.out, list);
  stageReports(outputs, args.out, first.scenario.name, plan, list);
  outputs.commit();
  io.out(`merged ${list.length} of ${plan.runs} runs from ${args.dirs.length} folders into ${args.out}${missing > 0 ? ` (${missing} missing)` : ''}\n`);
  return 0;
}

function withoutWallTime(row: SweepRow): string {
  return JSON.stringify({ ...row, wallSeconds: 0 });
}
