// The manifest of a sweep folder (sweep.json): its provenance (the evacsim
// version, the scenario's fingerprint), the resolved design, the shard and the
// report options. A folder is resumed, and shards are merged, only when their
// manifests describe the same sweep made by the same evacsim on the same scenario.

import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { ResolvedDesign, SweepPlan } from './design.js';
import type { Shard } from './shard.js';
import { evacsimVersion } from './version.js';

export const MANIFEST_FORMAT = 'evacsim-sweep/2';

/** How the tables and summaries of a folder are written; merge writes them the same way. */
export interface ReportOptions {
  /** Point the paired differences are taken from (`--compare-to`); null for none. */
  compareTo: number | null;
  /** Format of the data tables. */
  format: 'csv' | 'parquet';
  /** Write the calibration report (evacsim calibrate). */
  calibration: boolean;
}

export const DEFAULT_REPORTS: ReportOptions = { compareTo: null, format: 'csv', calibration: false };

export interface SweepManifest {
  format: typeof MANIFEST_FORMAT;
  /** The evacsim that ran the sweep. */
  evacsim: { version: string };
  /** `file` is where it was read from, for people; `sha256` fingerprints its content. */
  scenario: { name: string; file: string; sha256: string };
  design: ResolvedDesign;
  points: number;
  runs: number;
  shard: Shard | null;
  reports: ReportOptions;
}

/** The manifest of `plan` run on the scenario file value `raw`. */
export function manifestOf(raw: unknown, name: string, file: string, plan: SweepPlan, shard: Shard | null, reports: ReportOptions = DEFAULT_REPORTS): SweepManifest {
  return {
    format: MANIFEST_FORMAT,
    evacsim: { version: evacsimVersion() },
    scenario: { name, file, sha256: fingerprint(raw) },
    design: plan.design,
    points: plan.points.length,
    runs: plan.runs,
    shard,
    reports,
  };
}

/** SHA-256 of the scenario value as JSON: formatting and comments of the file do not count, content does. */
export function fingerprint(raw: unknown): string {
  return createHash('sha256').update(JSON.stringify(raw)).digest('hex');
}

/** What differs between two manifests, in words, split into the sweep itself and its provenance. */
export interface ManifestDifferences {
  /** The design (and the shard, when compared): never to be mixed. */
  sweep: string[];
  /** The evacsim version and the scenario content: mixed only when the user says so. */
  provenance: string[];
}

/**
 * What differs between two manifests. The scenario's file name never counts;
 * the shard only when `withShard`; the number of replications only when
 * `withReplications` (a resumed sweep may raise it).
 */
export function differences(a: SweepManifest, b: SweepManifest, withShard: boolean, withReplications = true): ManifestDifferences {
  const sweep: string[] = [];
  const provenance: string[] = [];
  if (a.format !== b.format) sweep.push(`format ${a.format} vs ${b.format}`);
  if (a.evacsim?.version !== b.evacsim?.version) provenance.push(`evacsim version ${a.evacsim?.version} vs ${b.evacsim?.version}`);
  if (a.scenario.sha256 !== b.scenario.sha256) provenance.push(`scenario content (${a.scenario.file} vs ${b.scenario.file})`);
  for (const key of Object.keys(a.design) as (keyof ResolvedDesign)[]) {
    if (key === 'replications' && !withReplications) continue;
    const x = JSON.stringify(a.design[key]);
    const y = JSON.stringify(b.design?.[key]);
    if (x !== y) sweep.push(`${key} ${short(x)} vs ${short(y)}`);
  }
  if (withShard && JSON.stringify(a.shard) !== JSON.stringify(b.shard)) {
    sweep.push(`shard ${shardText(a.shard)} vs ${shardText(b.shard)}`);
  }
  return { sweep, provenance };
}

function short(json: string | undefined): string {
  return json === undefined ? 'none' : json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

function shardText(shard: Shard | null): string {
  return shard === null ? 'none' : `${shard.index}/${shard.count}`;
}

/** The shape of a SweepManifest, as sweep.json holds it; the design's values are checked further when it is planned. */
const finite = z.number().finite();
const manifestShape = z.object({
  evacsim: z.object({ version: z.string() }),
  scenario: z.object({ name: z.string(), file: z.string(), sha256: z.string() }),
  design: z.object({
    kind: z.enum(['grid', 'lhs', 'points', 'sobol', 'morris']),
    parameters: z.array(z.object({ path: z.string(), values: z.union([z.null(), z.string(), z.array(z.unknown())]) })),
    samples: finite.nullable(),
    trajectories: finite.nullable(),
    points: z.array(z.array(z.unknown())).nullable(),
    replications: finite,
    seed: finite,
    commonSeeds: z.boolean(),
    metrics: z.array(z.string()),
  }),
  points: finite,
  runs: finite,
  shard: z.object({ index: finite, count: finite }).nullable(),
  reports: z.object({ compareTo: finite.nullable(), format: z.enum(['csv', 'parquet']), calibration: z.boolean() }),
});

/**
 * The first way `value` (a parsed sweep.json of this format) departs from the
 * shape of a SweepManifest, in words (`"scenario" is missing`), or null when it
 * has the shape.
 */
export function manifestShapeProblem(value: unknown): string | null {
  const parsed = manifestShape.safeParse(value);
  if (parsed.success) return null;
  const [issue] = parsed.error.issues;
  if (issue.path.length === 0) return 'not a JSON object';
  const path = issue.path.join('.');
  let found: unknown = value;
  for (const key of issue.path) found = (found as Record<PropertyKey, unknown> | undefined)?.[key];
  return found === undefined ? `"${path}" is missing` : `"${path}" has an unexpected value (${short(JSON.stringify(found))})`;
}
