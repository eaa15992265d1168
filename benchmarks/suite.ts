// The benchmark suite behind `npm run bench`: the machine, the hot loop beside
// its bare-heap baseline, the scale series, the corridor against SUMO's
// mesoscopic times, the built-in scenario, fleets up to the limit of a million
// vehicles, and a check of each target.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { hotLoop, type HotLoopResult } from './hot-loop.js';
import { memoryLatencyNs } from './memory-latency.js';
import { fleetRun, type FleetRow } from './fleet.js';
import { bestOf } from './process.js';
import { scaleRun, type ScaleRow } from './scale.js';
import { filesRun, type FilesRow } from './files.js';
import { networkRun } from './network.js';
import type { GeneratorKind } from '../src/generate/index.js';
import { count, megabytes, millions, seconds, table } from './table.js';

export type Part = 'hot-loop' | 'scale' | 'corridor' | 'kursk' | 'ete' | 'fleet' | 'files' | 'network';
export const PARTS: Part[] = ['hot-loop', 'scale', 'corridor', 'kursk', 'ete', 'fleet', 'files', 'network'];

/** The Kursk border (the front's starting line) as an `ete --zones` ring centre. */
export const KURSK_BORDER_RINGS = 'rings:10,25,50km@line:34.84,51.26;34.979,51.235;35.17,51.13;35.2325,51.062;35.32,51.06';

export interface SuiteOptions {
  parts: Part[];
  /** People on the hot-loop grid. */
  hotLoopPeople: number;
  /**
   * People on a second hot-loop grid whose state fits the cache (0: none): its ratio is
   * what the loop's own work allows, the large grid's what the machine's memory allows.
   */
  hotLoopCachedPeople: number;
  /** People of each scale run (street grid, about 100 per junction). */
  scalePeople: number[];
  /** People of each border-region run (towns, a front capturing junctions, buses). */
  regionPeople: number[];
  /** Cars on the corridor. */
  corridorPeople: number[];
  /** Fleet vehicles of each fleet run (kursk-2024 with a grown fleet). */
  fleetVehicles: number[];
  /** People of the grid run with and without files (--out, --report). */
  filesPeople: number;
  /** Scenarios whose network is analysed: grids (every junction a settlement) and regions. */
  networkCases: { kind: GeneratorKind; people: number }[];
  /** Whole-process runs below this many people are repeated three times (best kept). */
  repeatBelow: number;
  /** Check the targets (they are set for the default sizes). */
  checkTargets: boolean;
}

/** What `npm run bench` runs (10 million people only when asked: `--ten-million`). */
export function defaultOptions(): SuiteOptions {
  return {
    parts: PARTS,
    hotLoopPeople: 1_000_000,
    hotLoopCachedPeople: 100_000,
    scalePeople: [10_000, 100_000, 1_000_000],
    regionPeople: [100_000, 1_000_000],
    corridorPeople: [10_000, 100_000],
    fleetVehicles: [10_000, 100_000, 1_000_000],
    filesPeople: 1_000_000,
    networkCases: [
      { kind: 'grid', people: 100_000 }, { kind: 'grid', people: 300_000 }, { kind: 'grid', people: 1_000_000 },
      { kind: 'region', people: 1_000_000 },
    ],
    repeatBelow: 1_000_000,
    checkTargets: true,
  };
}

/** SUMO 1.15 mesoscopic on the same corridor and machine (seconds; > means it did not finish). */
const SUMO_MESO: Record<number, { seconds: number; finished: boolean }> = {
  10000: { seconds: 3.2, finished: true },
  100000: { seconds: 300, finished: false },
};

interface Check {
  target: string;
  measured: string;
  ok: boolean;
}

/** The machine, for the record. */
export function machine(): string {
  const cpu = cpus();
  return (
    `Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 1024 ** 3)} GB, ` +
    `${platform()} ${release()}, Node ${process.versions.node}; one thread per run; ` +
    `memory latency now ${memoryLatencyNs().toFixed(0)} ns (a dependent random read over 64 MB).\n`
  );
}

/** Runs the chosen parts, printing each table as it completes; returns false when a checked target was missed. */
export function runSuite(options: SuiteOptions, print: (text: string) => void): boolean {
  const checks: Check[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-bench-'));
  const repeat = (people: number) => (people < options.repeatBelow ? 3 : 1);
  print(machine());
  try {
    if (options.parts.includes('hot-loop')) {
      const r = hotLoop(options.hotLoopPeople);
      const cached = options.hotLoopCachedPeople > 0 ? hotLoop(options.hotLoopCachedPeople) : null;
      print(`\n### Hot loop: grid of ${count(r.people)} people (${count(r.nodes)} nodes, ${count(r.links)} links, ${count(r.vehicles)} vehicles)\n\n`);
      print(hotLoopTable(r, cached));
      checks.push({ target: 'hot loop ≥ 0.5 × bare heap', measured: `${r.ratio.toFixed(2)} ×`, ok: r.ratio >= 0.5 });
    }
    if (options.parts.includes('scale')) {
      const rows = options.scalePeople.map((people) => scaleRun('grid', people, dir, 1, repeat(people)));
      print('\n### Scale: street grid, about 100 people per junction, whole process\n\n');
      print(scaleTable(rows));
      const million = rows.find((r) => r.people === 1_000_000);
      if (million) {
        checks.push({ target: '1M people: < 10 s', measured: `${seconds(million.seconds)} s`, ok: million.seconds < 10 });
        checks.push({ target: '1M people: < 2 GB peak RSS', measured: `${megabytes(million.maxRssBytes)} MB`, ok: million.maxRssBytes < 2 * 1024 ** 3 });
      }
      // Linear cost: the cost per traversal at a million people against the smallest run
      // (or, when the series stops short of a million, its largest run).
      const smallest = rows[0];
      const compared = million ?? (rows.at(-1) as ScaleRow);
      if (rows.length > 1) {
        const growth = compared.nsPerTraversal / smallest.nsPerTraversal;
        checks.push({
          target: `ns per traversal, ${count(compared.people)} vs ${count(smallest.people)} people: ≤ 1.5 ×`,
          measured: `${growth.toFixed(2)} ×`,
          ok: growth <= 1.5,
        });
      }
      const regions = options.regionPeople.map((people) => scaleRun('region', people, dir, 1, repeat(people)));
      if (regions.length > 0) {
        print('\n### Scale: border region (towns, a front capturing junctions, buses), whole process\n\n');
        print(scaleTable(regions));
      }
    }
    if (options.parts.includes('corridor')) {
      const rows = options.corridorPeople.map((people) => scaleRun('corridor', people, dir, 1, repeat(people)));
      print('\n### Corridor: 5 km two-lane road, 500 m one-lane bottleneck, departures over one hour\n\n');
      print(corridorTable(rows));
      const hundred = rows.find((r) => r.people === 100_000);
      if (hundred) checks.push({ target: '100k-vehicle corridor: < 1 s', measured: `${seconds(hundred.seconds)} s`, ok: hundred.seconds < 1 });
    }
    if (options.parts.includes('kursk')) {
      const text = bestOf(3, ['run']);
      const json = bestOf(3, ['run', '--json']);
      print('\n### Built-in scenario (kursk-2024), whole process\n\n');
      print(
        table(
          ['command', 'wall s', 'peak RSS MB'],
          [
            ['evacsim run', seconds(text.seconds), megabytes(text.maxRssBytes)],
            ['evacsim run --json', seconds(json.seconds), megabytes(json.maxRssBytes)],
          ],
        ),
      );
      checks.push({ target: 'built-in scenario: < 1 s', measured: `${seconds(text.seconds)} s`, ok: text.seconds < 1 });
    }
    if (options.parts.includes('ete')) {
      const byDistrict = bestOf(3, ['ete']);
      const leaveZone = bestOf(3, ['ete', '--zones', KURSK_BORDER_RINGS, '--end', 'zone']);
      print('\n### ETE study of the built-in scenario: 4 variants × 1 replication, whole process\n\n');
      print(
        table(
          ['command', 'wall s', 'peak RSS MB'],
          [
            ['evacsim ete (districts, reach a destination)', seconds(byDistrict.seconds), megabytes(byDistrict.maxRssBytes)],
            ['evacsim ete (rings from the border, leave the zone)', seconds(leaveZone.seconds), megabytes(leaveZone.maxRssBytes)],
          ],
        ),
      );
      checks.push({ target: 'ete on the built-in scenario with its variants: < 5 s', measured: `${seconds(byDistrict.seconds)} s`, ok: byDistrict.seconds < 5 });
    }
    if (options.parts.includes('fleet')) {
      const rows = options.fleetVehicles.map((vehicles) => fleetRun(vehicles, dir, repeat(vehicles)));
      print('\n### Fleet size: kursk-2024 with its first fleet grown, whole process\n\n');
      print(fleetTable(rows));
      const million = rows.find((r) => r.vehicles === 1_000_000);
      if (million) checks.push({ target: 'a fleet of 1M vehicles: < 10 s', measured: `${seconds(million.seconds)} s`, ok: million.seconds < 10 });
    }
    if (options.parts.includes('files')) {
      const rows = filesRun(options.filesPeople, dir);
      print(`\n### Files: grid of ${count(options.filesPeople)} people, \`evacsim run\` without and with files, whole process\n\n`);
      print(filesTable(rows));
    }
    if (options.parts.includes('network')) {
      const rows = options.networkCases.map((c) => networkRun(c.kind, c.people, dir));
      print('\n### Network analysis: `evacsim network --json`, whole process (grids: every junction a settlement)\n\n');
      print(table(
        ['scenario', 'people', 'nodes', 'settlements', 'links', 'wall s', 'peak RSS MB'],
        rows.map((r) => [r.kind, count(r.people), count(r.nodes), count(r.settlements), count(r.links), seconds(r.seconds), megabytes(r.maxRssBytes)]),
      ));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!options.checkTargets) return true;
  if (checks.length > 0) {
    print('\n### Targets\n\n');
    print(table(['target', 'measured', ''], checks.map((c) => [c.target, c.measured, c.ok ? 'met' : 'MISSED'])));
  }
  return checks.every((c) => c.ok);
}

export function filesTable(rows: FilesRow[]): string {
  const plain = rows[0];
  return table(
    ['options', 'wall s', '× no files', 'peak RSS MB', 'written MB'],
    rows.map((r) => [r.options, seconds(r.seconds), (r.seconds / plain.seconds).toFixed(2), megabytes(r.maxRssBytes), (r.bytes / 1024 ** 2).toFixed(1)]),
  );
}

/** The hot loop's table; `cached`, a run on a grid whose state fits the cache, adds its rate and ratio. */
export function hotLoopTable(r: HotLoopResult, cached: HotLoopResult | null = null): string {
  const inCache = cached === null ? [] : [
    [`events, grid of ${count(cached.people)} people (its state fits the cache)`, millions(cached.eventsPerSecond), count(cached.events), seconds(cached.seconds)],
    [`ratio events / bare heap on that grid (${millions(cached.bareHeapPairsPerSecond)} M pairs/s)`, cached.ratio.toFixed(2), '', ''],
  ];
  return table(
    ['', 'M/s', 'count', 'seconds'],
    [
      ['events (event loop)', millions(r.eventsPerSecond), count(r.events), seconds(r.seconds)],
      ['link traversals (event loop)', millions(r.traversalsPerSecond), count(r.linkTraversals), seconds(r.seconds)],
      ['events (whole simulate(), set-up included)', millions(r.events / r.simulateSeconds), count(r.events), seconds(r.simulateSeconds)],
      [`bare heap pop/push pairs, ${count(r.meanPending)} events held (all pending)`, millions(r.bareHeapPairsPerSecond), count(r.events), seconds(r.events / r.bareHeapPairsPerSecond)],
      ['ratio events / bare heap', r.ratio.toFixed(2), '', ''],
      [`bare heap pop/push pairs, ${count(r.meanHeap)} events held (the clock's wheel)`, millions(r.bareHeapAtHeapLength), count(r.events), seconds(r.events / r.bareHeapAtHeapLength)],
      ...inCache,
      [`dependent random reads over 64 MB, ${r.memoryLatencyNs.toFixed(0)} ns each (memory latency)`, millions(1e9 / r.memoryLatencyNs), '', ''],
      [`dependent random reads over 4 MB, ${r.cacheLatencyNs.toFixed(0)} ns each (the cache the run had)`, millions(1e9 / r.cacheLatencyNs), '', ''],
      ['road graph built from the scenario (graphology, before the run)', '', count(r.links), seconds(r.graphSeconds)],
      ['graph compiled to typed arrays (before the run)', '', count(r.links), seconds(r.compileSeconds)],
    ],
  );
}

export function scaleTable(rows: ScaleRow[]): string {
  return table(
    ['people', 'nodes', 'vehicles', 'events', 'link traversals', 'wall s', 'simulate s', 'peak RSS MB', 'ns / traversal'],
    rows.map((r) => [
      count(r.people), count(r.nodes), count(r.vehicles), count(r.events), count(r.linkTraversals),
      seconds(r.seconds), seconds(r.simSeconds), megabytes(r.maxRssBytes), count(r.nsPerTraversal),
    ]),
  );
}

export function fleetTable(rows: FleetRow[]): string {
  return table(
    ['fleet vehicles', 'events', 'fleet trips', 'wall s', 'simulate s', 'peak RSS MB'],
    rows.map((r) => [count(r.vehicles), count(r.events), count(r.trips), seconds(r.seconds), seconds(r.simSeconds), megabytes(r.maxRssBytes)]),
  );
}

export function corridorTable(rows: ScaleRow[]): string {
  return table(
    ['vehicles', 'events', 'wall s', 'peak RSS MB', 'last arrival h', 'SUMO meso s', 'speed-up'],
    rows.map((r) => {
      const sumo = SUMO_MESO[r.people];
      const sumoText = sumo === undefined ? '' : `${sumo.finished ? '' : '> '}${sumo.seconds}`;
      const speedUp = sumo === undefined ? '' : `${sumo.finished ? '' : '> '}${Math.round(sumo.seconds / r.seconds)} ×`;
      return [
        count(r.vehicles), count(r.events), seconds(r.seconds), megabytes(r.maxRssBytes),
        r.clearance === null ? 'not all' : (r.clearance / 3600).toFixed(1), sumoText, speedUp,
      ];
    }),
  );
}
