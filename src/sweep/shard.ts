// Shards: a sweep split over machines. Runs are numbered replication × points +
// point; each block of COUNT consecutive runs gives every shard one, the shards' turn
// shifted by one from block to block: run r goes to (r + ⌊r / COUNT⌋) mod COUNT. So the
// shards' sizes differ by one at most, and a shard gets points from across the design
// even when the number of points shares a factor with COUNT (by r mod COUNT alone, ten
// points on ten shards gave each shard one point, all its replications: one machine had
// every slow point).

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

/** The shard (its index) of `count` that run `run` belongs to. */
function shardOf(run: number, count: number): number {
  return (run + Math.floor(run / count)) % count;
}

/** Whether run `run` belongs to `shard` (every run does when there is no shard). */
export function inShard(run: number, shard: Shard | null): boolean {
  return shard === null || shardOf(run, shard.count) === shard.index;
}

/** The runs of `total` that `shard` holds, in order. */
export function shardRuns(total: number, shard: Shard | null): number[] {
  if (shard === null) return Array.from({ length: total }, (_, run) => run);
  const runs: number[] = [];
  // One in each block of `count` runs: in block b, the run at offset (index − b) mod count.
  for (let block = 0; block * shard.count < total; block++) {
    const run = block * shard.count + ((((shard.index - block) % shard.count) + shard.count) % shard.count);
    if (run < total) runs.push(run);
  }
  return runs;
}
