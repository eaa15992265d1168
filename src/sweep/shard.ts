// Shards: a sweep split over machines. Shard INDEX of COUNT runs the runs whose
// index is INDEX modulo COUNT, so every shard gets a like mix of points.

import { InputError } from '../errors.js';

export interface Shard {
  /** From 0. */
  index: number;
  count: number;
}

/** Reads `INDEX/COUNT` (INDEX from 0, below COUNT); throws InputError otherwise. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) throw new InputError(`--shard must be INDEX/COUNT such as 0/4, got ${JSON.stringify(text)}`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new InputError(`--shard ${text}: COUNT must be at least 1`);
  if (index >= count) throw new InputError(`--shard ${text}: INDEX counts from 0 and must be below ${count}`);
  return { index, count };
}

/**
 * Throws InputError unless `shard` (from code: `options.shard`) is null or a
 * shard `parseShard` would give: whole numbers, COUNT at least 1, INDEX below it.
 */
export function checkShard(shard: Shard | null | undefined): void {
  if (shard === null || shard === undefined) return;
  const { index, count } = shard as Partial<Shard>;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);
  if (!whole(count) || count < 1 || !whole(index) || index < 0 || index >= count) {
    throw new InputError(`shard must be { index, count } with whole numbers, count at least 1 and index from 0 below count, got ${JSON.stringify(shard)}`);
  }
}

/** Whether run `run` belongs to `shard` (every run does when there is no shard). */
export function inShard(run: number, shard: Shard | null): boolean {
  return shard === null || run % shard.count === shard.index;
}

/** The runs of `total` that `shard` holds, in order. */
export function shardRuns(total: number, shard: Shard | null): number[] {
  const runs: number[] = [];
  for (let run = shard?.index ?? 0; run < total; run += shard?.count ?? 1) runs.push(run);
  return runs;
}
