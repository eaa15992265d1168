// Turns a schema-valid scenario file into the plain `Scenario` the simulation
// reads: durations and instants in seconds from the start, absent optionals as
// null, shapes defaulted by distribution. Problems only visible at this stage
// (ISO instants without `start`, zero horizon, until before from) are gathered.

import type { HazardSpec, Mobilization, OrderSpec, Scenario, TargetSpec } from './types.js';
import { parseDuration, parseInstant } from './duration.js';
import { IssueList, type Issue } from './issues.js';
import { checkMobilization, DEFAULT_SHAPE } from './mobilization.js';
import { normalizeNetwork } from './normalize-network.js';
import { checkLinePoints } from './line-points.js';
import type { PathKey } from './path.js';
import { quote } from './quote.js';
import { didYouMean } from './suggest.js';
import type { ScenarioFile } from './schema.js';
import { WEATHER_CAPACITY } from './weather.js';

type Time = number | string;

class Normalizer extends IssueList {
  constructor(private readonly start: string | null) {
    super();
  }

  instant(value: Time, path: PathKey[]): number {
    return this.read(path, () => parseInstant(value, this.start), 0);
  }

  duration(value: Time, path: PathKey[]): number {
    return this.read(path, () => parseDuration(value), 0);
  }

  /** A duration that must be longer than zero. */
  span(value: Time, path: PathKey[]): number {
    const seconds = this.duration(value, path);
    if (seconds === 0) this.add(path, `must be longer than 0, got ${quote(value)}`);
    return seconds;
  }

  /** Reports `until` at `path` unless it comes after `from`. */
  after(from: number, until: number | null, path: PathKey[], value: Time | null | undefined): void {
    if (until !== null && until <= from) this.add(path, `must be after "from", got ${quote(value)}`);
  }

  mobilization(given: ScenarioFile['orders'][number]['mobilization'], at: PathKey[]): Mobilization {
    checkMobilization(given, at, this);
    const median = this.duration(given.median, [...at, 'median']);
    const defaultShape = DEFAULT_SHAPE[given.kind];
    const mobilization: Mobilization = { kind: given.kind, median, shape: defaultShape === undefined ? null : (given.shape ?? defaultShape) };
    if (given.max == null) return mobilization;
    return { ...mobilization, max: this.duration(given.max, [...at, 'max']) };
  }

  order(order: ScenarioFile['orders'][number], index: number): OrderSpec {
    const at = ['orders', index];
    return {
      at: this.instant(order.at, [...at, 'at']),
      districts: order.districts,
      settlements: order.settlements,
      withinKmOf: order.withinKmOf ?? null,
      compliance: order.compliance,
      mobilization: this.mobilization(order.mobilization, [...at, 'mobilization']),
    };
  }

  hazard(hazard: ScenarioFile['hazards'][number], index: number): HazardSpec {
    const at = ['hazards', index];
    switch (hazard.kind) {
      case 'closure':
      case 'slowdown': {
        const from = this.instant(hazard.from, [...at, 'from']);
        const until = hazard.until == null ? null : this.instant(hazard.until, [...at, 'until']);
        this.after(from, until, [...at, 'until'], hazard.until);
        return hazard.kind === 'closure'
          ? { kind: 'closure', roads: hazard.roads, from, until }
          : { kind: 'slowdown', roads: hazard.roads, from, until, factor: hazard.factor };
      }
      case 'weather':
      case 'contraflow':
      case 'control': {
        const from = this.instant(hazard.from, [...at, 'from']);
        const until = hazard.until == null ? null : this.instant(hazard.until, [...at, 'until']);
        this.after(from, until, [...at, 'until'], hazard.until);
        if (hazard.kind === 'contraflow') return { kind: 'contraflow', road: hazard.road, direction: hazard.direction, from, until };
        if (hazard.kind === 'control') {
          return { kind: 'control', roads: hazard.roads, capacityFactor: hazard.capacityFactor, direction: hazard.direction, from, until };
        }
        const condition = hazard.condition ?? null;
        return {
          kind: 'weather',
          condition,
          speedFactor: hazard.speedFactor ?? 1,
          capacityFactor: hazard.capacityFactor ?? (condition === null ? 1 : WEATHER_CAPACITY[condition].factor),
          roads: hazard.roads,
          classes: hazard.classes,
          from,
          until,
        };
      }
      case 'capture':
        return { kind: 'capture', settlements: hazard.settlements, nodes: hazard.nodes, at: this.instant(hazard.at, [...at, 'at']) };
      case 'front':
        return {
          kind: 'front',
          line: hazard.line,
          towards: hazard.towards ?? null,
          speedKmPerDay: hazard.speedKmPerDay,
          maxDepthKm: hazard.maxDepthKm,
          from: this.instant(hazard.from, [...at, 'from']),
        };
    }
  }

  target(target: ScenarioFile['targets'][number], index: number): TargetSpec {
    const at = ['targets', index];
    const min = target.min ?? null;
    const max = target.max ?? null;
    if (min !== null && max !== null && max < min) this.add([...at, 'max'], `must be at least min (${min}), got ${max}`);
    if (target.value === undefined && min === null && max === null) this.add([...at, 'value'], 'missing: give value, or min and/or max');
    return {
      metric: target.metric,
      at: target.at == null ? null : this.instant(target.at, [...at, 'at']),
      scope: target.scope ?? null,
      // with only bounds, the reference value drawn in reports is the lower bound, else the upper
      value: target.value ?? min ?? max ?? 0,
      tolerance: target.tolerance,
      min,
      max,
      note: target.note,
    };
  }
}

/** The Scenario a valid file describes, and the problems that keep it from being one. */
export function normalize(file: ScenarioFile): { scenario: Scenario; issues: Issue[] } {
  const start = file.start ?? null;
  const normalizer = new Normalizer(start);
  const scenario: Scenario = {
    name: file.name,
    description: file.description,
    seed: file.seed,
    start,
    horizon: normalizer.span(file.horizon, ['horizon']),
    network: normalizeNetwork(file.network, normalizer),
    settlements: file.settlements.map((s, index) => ({
      id: s.id,
      name: s.name ?? s.id,
      node: s.node,
      population: s.population,
      district: s.district ?? null,
      region: s.region ?? null,
      ...(s.households === undefined ? {} : { households: s.households }),
      ...(s.facility === undefined ? {} : { facility: s.facility }),
      ...(s.mobilization === undefined ? {} : { mobilization: normalizer.mobilization(s.mobilization, ['settlements', index, 'mobilization']) }),
    })),
    shelters: file.shelters.map((s) => ({
      id: s.id,
      name: s.name ?? s.id,
      node: s.node,
      capacity: s.capacity ?? null,
      ...(s.processingPerHour === undefined ? {} : { processingPerHour: s.processingPerHour }),
    })),
    households: file.households,
    shelterShare: file.shelterShare ?? null,
    shadowShare: file.shadowShare,
    stochasticCompliance: file.stochasticCompliance,
    stuckSeconds: positiveSpan(normalizer.span(file.stuckSeconds, ['stuckSeconds'])),
    reportBinSeconds: normalizer.span(file.reportBinSeconds, ['reportBinSeconds']),
    routing: {
      mode: file.routing.mode,
      periodSeconds: positiveSpan(normalizer.span(file.routing.periodSeconds, ['routing', 'periodSeconds'])),
      smoothing: file.routing.smoothing,
      iterations: file.routing.iterations,
      binSeconds: positiveSpan(normalizer.span(file.routing.binSeconds, ['routing', 'binSeconds'])),
      ...(file.routing.gap === undefined ? {} : { gap: file.routing.gap }),
    },
    traffic: { jamSpacingM: file.traffic.jamSpacingM, waveSpeedKmh: { ...file.traffic.waveSpeedKmh }, capacityDrop: file.traffic.capacityDrop },
    orders: file.orders.map((order, index) => normalizer.order(order, index)),
    fleets: file.fleets.map((fleet, index) => ({
      id: fleet.id,
      depot: fleet.depot,
      vehicles: fleet.vehicles,
      seats: fleet.seats,
      boardingSecondsPerPerson: fleet.boardingSecondsPerPerson,
      pce: fleet.pce,
      serves: fleet.serves,
      mode: fleet.mode,
      from: normalizer.instant(fleet.from, ['fleets', index, 'from']),
      headway: fleet.headway == null ? null : normalizer.span(fleet.headway, ['fleets', index, 'headway']),
      timetable: fleet.timetable.map((t, j) => normalizer.instant(t, ['fleets', index, 'timetable', j])),
    })),
    hazards: file.hazards.map((hazard, index) => normalizer.hazard(hazard, index)),
    ...(file.background === undefined ? {} : {
      background: file.background.map((b, index) => {
        const from = normalizer.instant(b.from, ['background', index, 'from']);
        const until = b.until == null ? null : normalizer.instant(b.until, ['background', index, 'until']);
        normalizer.after(from, until, ['background', index, 'until'], b.until);
        return { roads: b.roads, direction: b.direction, vehiclesPerHour: b.vehiclesPerHour, from, until };
      }),
    }),
    targets: file.targets.map((target, index) => normalizer.target(target, index)),
  };
  const districts = new Set(scenario.settlements.flatMap((s) => (s.district === null ? [] : [s.district])));
  for (const name of Object.keys(file.households.districts ?? {})) {
    if (!districts.has(name)) normalizer.add(['households', 'districts', name], `no settlement is in district ${quote(name)}${didYouMean(name, districts)}`);
  }
  checkLinePoints(file, normalizer);
  return { scenario, issues: normalizer.issues };
}

/**
 * A minimum of one second for the periods the run repeats something at: a period of 0 would
 * schedule refreshes at one instant for ever, and a `stuckSeconds` of 1e-300 (added to an
 * instant, nothing) had a waiting head check itself at one instant for ever; 0.01 s made a
 * waiting head cost 100 events a second of its wait.
 */
function positiveSpan(seconds: number): number {
  return Math.max(1, seconds);
}
