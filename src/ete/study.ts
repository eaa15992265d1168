// An ETE study: every variant of a scenario × replications, each run turned
// into ETE rows for the same zones, combined into means with confidence
// intervals, with the warnings of its variants and of their runs. Pure: the
// caller loads the scenarios and writes the results.

import { compileScenario } from '../network/compile.js';
import type { Demand } from '../demand/households.js';
import { type RunEnd, runEnd } from '../check/unfinished.js';
import { unfinishedReplications } from '../check/unfinished-replications.js';
import { gridlockReplications } from '../check/gridlock-warning.js';
import { quickVariantWarnings } from '../check/variant-warnings.js';
import type { Warning } from '../check/warning.js';
import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { simulate } from '../simulation/simulate.js';
import { peopleAt } from '../report/metrics.js';
import { runSeed } from '../sweep/seeds.js';
import { combineReplications, type EteStudyRow } from './replications.js';
import { eteOfRun, type EteCurve, type EteEnd, type EteRow } from './table.js';
import { TripRecorder } from './trips.js';
import { buildZones, type ZoneSpec } from './zones.js';
import { regionScenario } from './region.js';

export interface EteVariant {
  /** "base" for the scenario as written. */
  name: string;
  /** What the variant stands for (its `description` in the file: a season, a time of day, the weather); empty when none. */
  description?: string;
  scenario: Scenario;
}

export interface EteStudyOptions {
  zones: readonly ZoneSpec[];
  end?: EteEnd;
  /** Runs per variant, each with its own seed (the same seeds for every variant of one seed). */
  replications?: number;
  /** Seed every variant's replications derive from; default: each variant's scenario seed. */
  seed?: number;
  /**
   * Each zone but `all` evacuated alone, as an ETE study's regions (region.ts): its times come
   * from runs in which only its settlements are ordered; `all`'s from the scenario as written.
   * One run per zone, variant and replication.
   */
  regions?: boolean;
  /** Called after each run (for progress). */
  onRun?: (done: number, total: number) => void;
}

/** Runs an ETE study makes: per variant and replication, one, or with `regions` one per zone (`zoneCount`, `all` included). */
export function studyRuns(variants: number, replications: number, regions: boolean, zoneCount: number): number {
  return variants * replications * (regions ? zoneCount : 1);
}

export interface EteStudy {
  end: EteEnd;
  /** Whether each zone was evacuated alone (EteStudyOptions.regions). */
  regions: boolean;
  replications: number;
  /** Per variant, the seed of each replication: the variant's seed itself, then seeds derived from it. */
  seeds: { variant: string; seeds: number[] }[];
  variants: string[];
  /** Each variant's description, in the order of `variants` (empty when it has none): what a reviewer reads each column as. */
  descriptions: string[];
  /**
   * Each variant's shadow evacuees (people never told who left anyway: `shadowShare`), the
   * mean over its replications, in the order of `variants`: the load they put on the roads
   * is in every zone's times, and a reviewer checks the assumption by this number.
   */
  shadow: number[];
  /**
   * With `regions`, each variant's shadow evacuees in the runs of each zone evacuated alone
   * (mean over the replications), in the variant's zone order (`all`: the scenario as
   * written); empty otherwise. Evacuating a small region alone leaves more people untold,
   * so its shadow load is larger, and it is in that region's times.
   */
  regionShadow: { variant: string; zones: { zone: string; shadow: number }[] }[];
  /** The zones of every variant, in the order they were first met. */
  zones: string[];
  rows: EteStudyRow[];
  /** Cumulative curves of the first replication, per variant (group `all`). */
  curves: { variant: string; curves: EteCurve[] }[];
  /** The variants' quick warnings (ids alike but for case, facilities no fleet serves, roads below their capacity), each once, named by variant as quickVariantWarnings names them. */
  warnings: Warning[];
  /**
   * Variant by variant, the runs that ended with people still waiting or travelling
   * (unfinishedReplications), then those that gridlocked (gridlockReplications); empty when none did.
   */
  unfinished: Warning[];
}

/** The seed of replication `r`: the study seed for the first, so one replication matches `run`. */
export function replicationSeed(seed: number, r: number): number {
  return r === 0 ? seed : runSeed(seed, null, r);
}

/** Runs the study; rows come variant by variant, then zone by zone, groups in eteGroups order. */
export function runEteStudy(variants: readonly EteVariant[], options: EteStudyOptions): EteStudy {
  const end = options.end ?? 'destination';
  const replications = options.replications ?? 1;
  const regions = options.regions ?? false;
  const seeds: EteStudy['seeds'] = [];
  const zonesOf = variants.map((v) => buildZones(v.scenario, options.zones));
  const total = zonesOf.reduce((sum, zones) => sum + studyRuns(1, replications, regions, zones.length), 0);
  const rows: EteStudyRow[] = [];
  const curves: EteStudy['curves'] = [];
  const unfinished: Warning[] = [];
  const shadow: number[] = [];
  const regionShadow: EteStudy['regionShadow'] = [];
  // Every variant's zones, first seen first: a variant may move a settlement to another district.
  const zoneIds = new Set<string>();
  let done = 0;
  variants.forEach((variant, v) => {
    const zones = zonesOf[v];
    for (const zone of zones) zoneIds.add(zone.id);
    const network = compileScenario(variant.scenario);
    const runs: EteRow[][] = [];
    const ends: RunEnd[] = [];
    const gridlocks: SimulationResult['gridlocks'][] = [];
    let shadowSum = 0;
    const planShadow = new Float64Array(regions ? zones.length : 0);
    // A variant that sets `seed` runs on its own seeds, as `run --variant` does; the others share the scenario's.
    const seed = options.seed ?? variant.scenario.seed;
    const variantSeeds = Array.from({ length: replications }, (_, r) => replicationSeed(seed, r));
    seeds.push({ variant: variant.name, seeds: variantSeeds });
    const nodeIndex = new Map(variant.scenario.network.nodes.map((n, i) => [n.id, i]));
    // The scenario as written for every zone, or for `all` and each other zone alone.
    const plans = regions
      ? zones.map((zone, z) => ({ scenario: z === 0 ? variant.scenario : regionScenario(variant.scenario, zone), zones: [zone] }))
      : [{ scenario: variant.scenario, zones }];
    variantSeeds.forEach((runSeedValue, r) => {
      const runRows: EteRow[] = [];
      const runCurves: EteCurve[] = [];
      plans.forEach((plan, p) => {
        const recorder = end === 'zone' ? new TripRecorder() : null;
        // The run's own demand, for trip generation, rather than building it again.
        let demand: Demand | undefined;
        const result = simulate(plan.scenario, { seed: runSeedValue, network, trace: recorder?.trace, onDemand: (d) => { demand = d; } });
        const ete = eteOfRun(result, plan.scenario, plan.zones, { end, visits: recorder?.visits(result, nodeIndex), demand });
        runRows.push(...ete.rows);
        runCurves.push(...ete.curves);
        const runShadow = regions || p === 0 ? peopleAt(result, result.endTime).shadow : 0;
        if (regions) planShadow[p] += runShadow;
        // The run of the scenario as written speaks for the variant: its end, gridlocks and shadow evacuees.
        if (p === 0) {
          ends.push(runEnd(result));
          gridlocks.push(result.gridlocks);
          shadowSum += runShadow;
        }
        options.onRun?.(++done, total);
      });
      runs.push(runRows);
      if (r === 0) curves.push({ variant: variant.name, curves: runCurves });
    });
    rows.push(...combineReplications(variant.name, runs));
    shadow.push(shadowSum / replications);
    if (regions) regionShadow.push({ variant: variant.name, zones: zones.map((zone, z) => ({ zone: zone.id, shadow: planShadow[z] / replications })) });
    unfinished.push(...unfinishedReplications(variant.name, ends), ...gridlockReplications(variant.name, gridlocks));
  });
  return {
    end, regions, replications, seeds, variants: variants.map((v) => v.name), descriptions: variants.map((v) => v.description ?? ''), shadow, regionShadow, zones: [...zoneIds], rows, curves,
    warnings: quickVariantWarnings(variants), unfinished,
  };
}
