// The manifest of a sweep folder (sweep.json): the scenario's fingerprint, the
// resolved design and the shard. A folder is resumed, and shards are merged,
// only when their manifests describe the same sweep.

import { createHash } from 'node:crypto';
import type { ResolvedDesign, SweepPlan } from './design.js';
import type { Shard } from './shard.js';

export const MANIFEST_FORMAT = 'evacsim-sweep/1';

export interface SweepManifest {
  format: typeof MANIFEST_FORMAT;
  /** `file` is where it was read from, for people; `sha256` fingerprints its content. */
  scenario: { name: string; file: string; sha256: string };
  design: ResolvedDesign;
  points: number;
  runs: number;
  shard: Shard | null;
}

/** The manifest of `plan` run on the scenario file value `raw`. */
export function manifestOf(raw: unknown, name: string, file: string, plan: SweepPlan, shard: Shard | null): SweepManifest {
  return {
    format: MANIFEST_FORMAT,
    scenario: { name, file, sha256: fingerprint(raw) },
    design: plan.design,
    points: plan.points.length,
    runs: plan.runs,
    shard,
  };
}

/** SHA-256 of the scenario value as JSON: formatting and comments of the file do not count, content does. */
export function fingerprint(raw: unknown): string {
  return createHash('sha256').update(JSON.stringify(raw)).digest('hex');
}

/**
 * What differs between two manifests, in words (empty when they describe the
 * same sweep). The scenario's file name never counts; the shard only when `withShard`.
 */
export function differences(a: SweepManifest, b: SweepManifest, withShard: boolean): string[] {
  const out: string[] = [];
  if (a.format !== b.format) out.push(`format ${a.format} vs ${b.format}`);
  if (a.scenario.sha256 !== b.scenario.sha256) out.push(`scenario content (${a.scenario.file} vs ${b.scenario.file})`);
  for (const key of Object.keys(a.design) as (keyof ResolvedDesign)[]) {
    const x = JSON.stringify(a.design[key]);
    const y = JSON.stringify(b.design?.[key]);
    if (x !== y) out.push(`${key} ${x} vs ${y}`);
  }
  if (withShard && JSON.stringify(a.shard) !== JSON.stringify(b.shard)) {
    out.push(`shard ${shardText(a.shard)} vs ${shardText(b.shard)}`);
  }
  return out;
}

function shardText(shard: Shard | null): string {
  return shard === null ? 'none' : `${shard.index}/${shard.count}`;
}
