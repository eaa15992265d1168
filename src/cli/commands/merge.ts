// `evacsim merge DIR… --out DIR`: joins the folders of a sharded sweep into the
// folder one machine would have written: the same manifest, journal (in run
// order), tables and summaries. Refuses folders of other sweeps, and (unless
// told) of another evacsim version or scenario content.

import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { InputError } from '../../errors.js';
import { UsageError } from '../usage-error.js';
import { removeEmptyFolder } from '../write.js';
import { counted, formatCount } from '../../report/format.js';
import { planSweep, type SweepPlan } from '../../sweep/design.js';
import { lockSweepFolder } from '../../sweep/folder-lock.js';
import { differences, type SweepManifest } from '../../sweep/manifest.js';
import type { SweepRow } from '../../sweep/row.js';
import { type Command, defineCommand, type Io } from '../command.js';
import { MANIFEST, prepareSweepFolder, readJournal, readManifest, refuseForeign, reportTargets, writeReports } from '../sweep-folder.js';

export interface MergeArgs {
  dirs: string[];
  out: string;
  partial: boolean;
  ignoreProvenance: boolean;
}

export const mergeCommand: Command = defineCommand({
  repeatable: ['dirs'],
  command: 'merge <dirs..>',
  describe: 'join the folders of a sharded sweep into one, as a single machine would have written it',
  options: mergeOptions,
  handle: (args, io) => merge(args, io),
});

/** Declares the positionals and options of `evacsim merge`. */
export function mergeOptions(yargs: Argv) {
  return yargs
    .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'sweep folders (shards) of one sweep' })
    .option('out', { type: 'string', demandOption: true, describe: 'folder to write the merged sweep to' })
    .option('partial', { type: 'boolean', default: false, describe: 'write even when runs are missing (finish them later with sweep --resume)' })
    .option('ignore-provenance', { type: 'boolean', default: false, describe: 'merge folders made by different evacsim versions or on different scenario content' });
}

/** Runs the command; resolves to the exit code. */
export async function merge(args: MergeArgs, io: Io): Promise<number> {
  refuseRepeated(args.dirs);
  const manifests = args.dirs.map((dir) => {
    const manifest = readManifest(dir);
    if (manifest === null) throw new UsageError(`${dir} is not a sweep folder (no ${MANIFEST})`);
    return manifest;
  });
  const output = realPath(args.out);
  const input = args.dirs.find((dir) => output !== null && realPath(dir) === output);
  if (input !== undefined) {
    throw new UsageError(`--out ${args.out} is ${input === args.out ? 'one of the folders to merge' : `${input}, one of the folders to merge`}; merging into it would replace that shard: choose another --out`);
  }
  const first = manifests[0];
  manifests.forEach((m, i) => { refuseOther(first, m, `${args.dirs[i]} is`, args.dirs[0], args.ignoreProvenance); });
  const plan = plannedFrom(first, join(args.dirs[0], MANIFEST));
  const rows = new Map<number, { row: SweepRow; dir: string }>();
  const take = (dir: string, list: readonly SweepRow[]) => {
    for (const row of list) {
      const seen = rows.get(row.run);
      if (seen === undefined) rows.set(row.run, { row, dir });
      else if (withoutWallTime(seen.row) !== withoutWallTime(row)) {
        throw new UsageError(`run ${row.run} differs between ${seen.dir} and ${dir}; were they run by different evacsim versions?`);
      }
    }
  };
  args.dirs.forEach((dir) => { take(dir, readJournal(dir, plan, false)); });
  const refuseMissing = () => {
    const missing = plan.runs - rows.size;
    if (missing > 0 && !args.partial) {
      const some = [...Array(plan.runs).keys()].filter((run) => !rows.has(run)).slice(0, 5);
      throw new UsageError(`${formatCount(missing)} of ${counted(plan.runs, 'run')} ${missing === 1 ? 'is' : 'are'} missing (runs ${some.join(', ')}${missing > some.length ? ', …' : ''}); finish the shards, or pass --partial`);
    }
  };
  // Checked again below with the runs a merged folder at --out already holds; here so a refused merge creates no folder.
  if (readManifest(args.out) === null) refuseMissing();
  const merged: SweepManifest = { ...first, shard: null };
  const madeHere = !existsSync(args.out);
  prepareSweepFolder(args.out, reportTargets(args.out, merged.reports));
  const release = await lockSweepFolder(args.out, io.err);
  let kept = 0;
  let written = false;
  try {
    const target = readManifest(args.out);
    if (target === null) refuseForeign(args.out);
    else {
      refuseOther(first, target, `${args.out} holds`, args.dirs[0], args.ignoreProvenance);
      if (target.shard !== null) throw new UsageError(`${args.out} holds shard ${target.shard.index}/${target.shard.count} of this sweep; name it among the folders to merge, or choose another --out`);
      // A merge (or a merge finished by sweep --resume) already there: its runs are kept.
      const before = rows.size;
      take(args.out, readJournal(args.out, plan, false));
      kept = rows.size - before;
    }
    refuseMissing();
    const missing = plan.runs - rows.size;
    const list = [...rows.values()].map((r) => r.row).sort((a, b) => a.run - b.run);
    writeReports(args.out, first.scenario.name, plan, list, first.reports, { journal: true, manifest: merged });
    const folders = `${args.dirs.length} folder${args.dirs.length === 1 ? '' : 's'}${kept > 0 ? ` and ${kept} run${kept === 1 ? '' : 's'} only ${args.out} held` : ''}`;
    written = true;
    io.out(`merged ${formatCount(list.length)} of ${counted(plan.runs, 'run')} from ${folders} into ${args.out}${missing > 0 ? ` (${missing} missing)` : ''}\n`);
    return 0;
  } finally {
    await release();
    // A failed merge (a full disk, say) leaves no new folder behind: nothing was written into it.
    if (!written && madeHere) removeEmptyFolder(args.out);
  }
}

/** The plan of a manifest's design; a design that cannot be planned is reported at `file`. */
function plannedFrom(manifest: SweepManifest, file: string): SweepPlan {
  try {
    return planSweep(manifest.design);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`${file}: the design cannot be planned: ${error.message}`);
    throw error;
  }
}

/** Refuses a folder named twice (`sh0` and `./sh0/` too): its runs would count once, and the rest read as missing. */
function refuseRepeated(dirs: readonly string[]): void {
  const named = new Map<string, string>();
  for (const dir of dirs) {
    const real = realPath(dir);
    if (real === null) continue;
    const earlier = named.get(real);
    if (earlier !== undefined) {
      throw new UsageError(`${earlier} is named twice among the folders to merge${earlier === dir ? '' : ` (again as ${dir})`}; name each shard folder once`);
    }
    named.set(real, dir);
  }
}

/** The real path of `path` (links resolved), or null when it does not exist. */
function realPath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** Throws UsageError when `other` is another sweep than `first`, or (unless `ignoreProvenance`) of another evacsim or scenario. */
function refuseOther(first: SweepManifest, other: SweepManifest, what: string, firstDir: string, ignoreProvenance: boolean): void {
  const different = differences(first, other, false);
  if (different.sweep.length > 0) throw new UsageError(`${what} another sweep than ${firstDir}: ${different.sweep.join('; ')}`);
  if (different.provenance.length > 0 && !ignoreProvenance) {
    throw new UsageError(`${what} a sweep made by another evacsim or on another scenario than ${firstDir}: ${different.provenance.join('; ')}; pass --ignore-provenance to merge anyway`);
  }
}

function withoutWallTime(row: SweepRow): string {
  return JSON.stringify({ ...row, wallSeconds: 0 });
}
