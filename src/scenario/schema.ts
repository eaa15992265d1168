// The scenario file format v1 (docs/design.md §3) as a zod schema: the shapes,
// types, ranges and defaults of what a planner writes. Cross-references and
// instants that depend on `start` are checked later, in references.ts and
// normalize.ts; the JSON Schema for editors is generated from this one.

import * as z from 'zod';
import { ScenarioError } from '../errors.js';
import { DURATION_PATTERN, checkInstantSyntax, parseDuration } from './duration.js';
import { wording } from './wording.js';
import { FACILITY_KINDS, MAX_PCE } from './types.js';

/** A string checked by `check`, which throws ScenarioError with the message to report. */
function checkedText(check: (value: string) => unknown) {
  return z.string().superRefine((value, ctx) => {
    try {
      check(value);
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.issues[0].message });
    }
  });
}

const id = z.string().min(1);
const seconds = z.number().min(0);
const positive = z.number().positive();
const count = z.int().min(0);
const share = z.number().min(0).max(1).register(wording, { range: 'between 0 and 1' });
const factor = z.number().gt(0).max(1).register(wording, { range: 'greater than 0 and at most 1' });

/** Seconds, or a duration string; a fresh schema each call, as each registers its own wording. */
const durationOf = () => z.union([seconds, checkedText(parseDuration).meta({ pattern: DURATION_PATTERN })]);
const DURATION_FORMS = 'seconds, or a string such as "45m", "6h", "2d" or "1h30m"';

const duration = durationOf().register(wording, { expects: `a duration: ${DURATION_FORMS}` });

// A duration that must be longer than 0: normalizing refuses 0 (with every other problem
// found then); a negative one is refused here, in the same words.
// The JSON Schema says so too (exclusiveMinimum), where `seconds` alone gave a minimum of 0.
const span = z.union([seconds.meta({ exclusiveMinimum: 0 }), checkedText(parseDuration).meta({ pattern: DURATION_PATTERN })])
  .register(wording, { expects: `a duration longer than 0: ${DURATION_FORMS}`, range: 'longer than 0' });

const instant = z
  .union([
    seconds,
    checkedText(checkInstantSyntax).meta({ anyOf: [{ pattern: DURATION_PATTERN }, { format: 'date-time' }] }),
  ])
  .register(wording, {
    expects: 'an instant: a duration from the start such as "6h", or an ISO date-time such as "2024-08-06T03:00:00+03:00"',
  });

const point = z
  .tuple([z.number(), z.number()])
  .register(wording, { expects: 'a [lon, lat] or [x, y] pair of numbers' });

const polyline = (minPoints: number) =>
  z.array(point).min(minPoints).describe('Points [lon, lat] (or [x, y] metres on planar networks).');

const isoDateTime = z.iso.datetime({ offset: true }).register(wording, {
  expects: 'an ISO date-time with a time zone, such as "2024-08-06T03:00:00+03:00"',
});

const roadClass = z
  .enum(['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'local'])
  .register(wording, { noun: 'road class' });

const weatherCondition = z
  .enum(['clear', 'light-rain', 'moderate-rain', 'heavy-rain', 'light-snow', 'moderate-snow', 'heavy-snow', 'very-heavy-snow'])
  .register(wording, { noun: 'weather condition' });

const mode = z.enum(['road', 'rail']).register(wording, { noun: 'mode' });

const distribution = z
  .enum(['fixed', 'uniform', 'rayleigh', 'weibull', 'lognormal', 'logistic'])
  .register(wording, { noun: 'distribution' });

const node = z
  .object({
    id: id.describe('Unique node id.'),
    lat: z.number().min(-90).max(90).optional().describe('Latitude in degrees (with lon).'),
    lon: z.number().min(-180).max(180).optional().describe('Longitude in degrees (with lat).'),
    x: z.number().optional().describe('Planar east coordinate in metres (with y).'),
    y: z.number().optional().describe('Planar north coordinate in metres (with x).'),
  })
  .strict()
  .describe('A junction or place: either lat/lon or x/y, the same kind for every node.');

const road = z
  .object({
    id: id.describe('Unique road id.'),
    from: id.describe('Node id at one end.'),
    to: id.describe('Node id at the other end.'),
    class: roadClass.default('local').describe('Sets the default speed and capacity per lane.'),
    lengthKm: positive.optional().describe('Length in km; default: the distance between its ends.'),
    lanes: z.int().min(1).default(1).describe('Lanes in each direction.'),
    speedKmh: positive.nullish().describe('Free speed in km/h; default: by class.'),
    capacityVehPerHour: positive.nullish().describe('Flow capacity of all lanes, vehicles per hour; default: by class × lanes.'),
    oneway: z.boolean().default(false).describe('true: only from → to; false: two directed links.'),
    mode: mode.default('road').describe('"rail" links carry only rail fleets.'),
    waveSpeedKmh: positive
      .nullish()
      .describe('Backward (congestion) wave speed in km/h; default: the class setting, else the triangular diagram.'),
    geometry: polyline(2).optional().describe('Drawing geometry, kept from imports.'),
  })
  .strict();

const network = z
  .object({
    nodes: z.array(node).describe('Junctions and places.'),
    roads: z.array(road).describe('Roads between nodes; two-way unless oneway.'),
  })
  .strict()
  .describe('The road (and rail) graph.');

const householdOverride = z
  .object({
    size: z.number().min(1).optional().describe('Mean people per household.'),
    carShare: share.optional().describe('Share of households that drive their own car.'),
    rideShare: share.optional().describe('Share of the households without a car that leave with neighbours who have one.'),
  })
  .strict();

const mobilization = z
  .object({
    kind: distribution.describe('Distribution of the delay from order to departure.'),
    median: duration.describe('Median delay.'),
    shape: positive
      .nullish()
      .describe('weibull shape (default 1.5), lognormal sigma (default 0.8), logistic scale as a share of the median (default 0.25).'),
    max: duration.nullish().describe('Upper bound of the delay: the distribution is truncated there. Absent: none.'),
  })
  .strict();

/** A settlement's household parameters as a scenario file writes them: also read from a GeoJSON settlement's properties. */
export const householdOverrideSchema = householdOverride;

/** A mobilization as a scenario file writes it: also read from a GeoJSON settlement's properties. */
export const mobilizationSchema = mobilization;

const facilityKind = z
  .enum(FACILITY_KINDS)
  .register(wording, { noun: 'facility kind' });

const settlement = z
  .object({
    id: id.describe('Unique settlement id.'),
    name: z.string().optional().describe('Display name; default: the id.'),
    node: id.describe('Node the settlement sits on; its people depart from there.'),
    population: count.describe('People living there.'),
    district: id.nullish().describe('District, as named by orders, fleets and targets.'),
    region: id.nullish().describe('Region, as named by targets.'),
    households: householdOverride.optional().describe("This settlement's household parameters, over its district's and the scenario's."),
    facility: facilityKind
      .optional()
      .describe('A special facility: all its people are told with their order and leave, none has a car; the fleets serving it move them.'),
    mobilization: mobilization
      .optional()
      .describe("A special facility's delay from its order to each of its people being ready to board; default: the order's."),
  })
  .strict();

const shelter = z
  .object({
    id: id.describe('Unique shelter id.'),
    name: z.string().optional().describe('Display name; default: the id.'),
    node: id.describe('Node of the shelter.'),
    capacity: count.nullish().describe('Places for people; absent: an exit with unlimited room.'),
    processingPerHour: positive
      .optional()
      .describe('Registration throughput, people per hour: arrivals beyond it queue at the shelter (counted in the summary).'),
  })
  .strict()
  .describe('A destination: a temporary accommodation centre when it has a capacity, an exit when not.');

const households = z
  .object({
    size: z.number().min(1).default(2.5).describe('Mean people per household.'),
    carShare: share.default(0.7).describe('Share of households that drive their own car.'),
    rideShare: share
      .default(0)
      .describe('Share of the households without a car that leave with neighbours who have one (no extra vehicle); the rest wait for fleets.'),
    districts: z
      .record(id, householdOverride)
      .optional()
      .describe('Overrides by district name: { "Sudzhansky": { "carShare": 0.5 } }.'),
  })
  .strict();

const order = z
  .object({
    at: instant.describe('When the order is given.'),
    districts: z.array(id).default([]).describe('Districts told to leave.'),
    settlements: z.array(id).default([]).describe('Settlement ids told to leave.'),
    withinKmOf: z
      .object({ line: polyline(1), km: positive.describe('Distance from the line, km.') })
      .strict()
      .nullish()
      .describe('Settlements within km of a line are told to leave.'),
    compliance: share.default(1).describe('Share of the people told who leave.'),
    mobilization: mobilization
      .prefault({ kind: 'fixed', median: 0 })
      .describe('Delay from the order to each household departing; default: none.'),
  })
  .strict();

const fleet = z
  .object({
    id: id.describe('Unique fleet id.'),
    depot: id.describe('Node where the vehicles start.'),
    vehicles: count.describe('Number of vehicles.'),
    seats: z.int().min(1).describe('Seats per vehicle.'),
    boardingSecondsPerPerson: seconds.default(3).describe('Boarding time per passenger, seconds.'),
    pce: z.int().min(1).max(MAX_PCE).default(1)
      .describe(`Passenger car equivalents of each vehicle (whole, 1 to ${MAX_PCE}): the road space and headways it takes, in cars.`),
    mode: mode.default('road').describe('"rail" for trains on rail links.'),
    from: instant.default(0).describe('When the fleet is first available.'),
    headway: span.nullish().describe('Rail: time between departure slots, from `from`, whatever station a train leaves; absent: on demand.'),
    timetable: z.array(instant).default([]).describe('Rail: departure instants from the depot.'),
    serves: z.array(id).default([]).describe('Settlement ids or districts served; empty: all.'),
  })
  .strict();

const hazard = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('closure'),
        roads: z.array(id).min(1).describe('Road ids closed.'),
        from: instant.describe('When the roads close.'),
        until: instant.nullish().describe('When they reopen; absent: never.'),
      })
      .strict()
      .describe('Roads closed between two instants.'),
    z
      .object({
        kind: z.literal('slowdown'),
        roads: z.array(id).min(1).describe('Road ids slowed.'),
        from: instant.describe('When the slowdown starts.'),
        until: instant.nullish().describe('When it ends; absent: never.'),
        factor: factor.describe('Speed and capacity are multiplied by this factor.'),
      })
      .strict()
      .describe('Roads slowed between two instants.'),
    z
      .object({
        kind: z.literal('weather'),
        condition: weatherCondition
          .optional()
          .describe('Sets capacityFactor from the average capacity reductions of HCM 2010 Exhibit 10-15 (docs/model.md lists them).'),
        speedFactor: factor.optional().describe('Free speed is multiplied by this factor; default 1.'),
        capacityFactor: factor.optional().describe("Flow capacity is multiplied by this factor; default: the condition's."),
        roads: z.array(id).default([]).describe('Road ids affected; with no classes either: every road.'),
        classes: z.array(roadClass).default([]).describe('Road classes affected.'),
        from: instant.describe('When the weather sets in.'),
        until: instant.nullish().describe('When it ends; absent: never.'),
      })
      .strict()
      .describe('Speed and capacity factors on every road, or on some roads or classes, between two instants.'),
    z
      .object({
        kind: z.literal('contraflow'),
        road: id.describe('A two-way road.'),
        direction: z.enum(['forward', 'backward']).default('forward').describe('"forward" (from → to) or "backward" takes every lane.'),
        from: instant.describe('When contraflow starts.'),
        until: instant.nullish().describe('When it ends; absent: never.'),
      })
      .strict()
      .describe("A two-way road's inbound lanes serve the outbound direction (capacity and storage add up); the inbound direction is closed."),
    z
      .object({
        kind: z.literal('control'),
        roads: z.array(id).min(1).describe('Road ids with a traffic control point.'),
        capacityFactor: z.number().gt(0).max(4).register(wording, { range: 'greater than 0 and at most 4' }).describe('Flow capacity is multiplied by this factor.'),
        direction: z.enum(['forward', 'backward', 'both']).default('both').describe('Direction of the road controlled.'),
        from: instant.describe('When control starts.'),
        until: instant.nullish().describe('When it ends; absent: never.'),
      })
      .strict()
      .describe('A traffic control point: a capacity change at a road between two instants.'),
    z
      .object({
        kind: z.literal('capture'),
        settlements: z.array(id).default([]).describe('Settlement ids captured.'),
        nodes: z.array(id).default([]).describe('Node ids captured.'),
        at: instant.describe('When they are captured.'),
      })
      .strict()
      .describe('Settlements and nodes lost at an instant, with the links touching them.'),
    z
      .object({
        kind: z.literal('front'),
        line: polyline(2).describe('Starting line of the front.'),
        towards: point.nullish().describe('A point on the side the front advances to.'),
        speedKmPerDay: positive.describe('Advance speed, km per day.'),
        maxDepthKm: positive.describe('The front stops this far from its starting line.'),
        from: instant.describe('When the front starts to advance.'),
      })
      .strict()
      .describe('A line advancing at a speed up to a depth, capturing the nodes it reaches.'),
  ])
  .register(wording, { noun: 'hazard kind' });

const target = z
  .object({
    metric: id.describe('A dotted summary key such as "people.evacuated" or "clearance.p90".'),
    at: instant.nullish().describe('When the metric is read; absent: at the end of the run.'),
    scope: z
      .object({
        region: id.optional(),
        district: id.optional(),
        settlement: id.optional(),
      })
      .strict()
      .nullish()
      .describe('Restricts the metric to a region, district or settlement.'),
    value: z.number().optional().describe('Expected value; may be left out when min or max is given.'),
    tolerance: seconds.default(0.05).describe('Relative tolerance (0.03 = ±3 %), used when min and max are absent.'),
    min: z.number().nullish().describe('Lowest acceptable value.'),
    max: z.number().nullish().describe('Highest acceptable value.'),
    note: z.string().default('').describe('Where the value comes from.'),
  })
  .strict();

const routing = z
  .object({
    mode: z
      .enum(['free-flow', 'adaptive', 'equilibrium'])
      .register(wording, { noun: 'routing mode' })
      .default('adaptive')
      .describe('free-flow: shortest free-flow routes; adaptive: en-route choice on queue-aware estimates; equilibrium: iterative dynamic user equilibrium.'),
    periodSeconds: span.default(120).describe('Adaptive and equilibrium: seconds between refreshes of the travel-time estimates.'),
    smoothing: factor.default(0.5).describe('Adaptive and equilibrium: weight of the newest estimate at each refresh (1 = none).'),
    iterations: z.int().min(1).max(200).default(20).describe('Equilibrium: iterations of successive averages.'),
    binSeconds: span.default(300).describe('Equilibrium: width of the time bins routes are learned in.'),
    gap: share.optional().describe('Equilibrium: stop once a run\'s relative gap is at or below this (0.005 = 0.5 %); without it, every iteration runs unless a run would repeat the one before.'),
  })
  .strict()
  .describe('Route and destination choice.');

const traffic = z
  .object({
    jamSpacingM: positive.default(7.5).describe('Metres of lane per vehicle in a standing queue (1 / jam density).'),
    waveSpeedKmh: z
      .partialRecord(roadClass, positive)
      .register(wording, { expects: 'an object of road classes to km/h, such as { "primary": 18 }' })
      .default({})
      .describe('Backward wave speed per road class, km/h; default: from the triangular diagram.'),
    capacityDrop: z
      .number()
      .min(0)
      .max(0.5)
      .register(wording, { range: 'between 0 and 0.5' })
      .default(0)
      .describe('Capacity drop: a road fed from a queue waiting for it takes vehicles at capacity × (1 − this); 0.07 is the Highway Capacity Manual\'s queue discharge at freeway bottlenecks. Default 0 (none).'),
  })
  .strict()
  .describe('Link-model settings.');

const background = z
  .object({
    roads: z.array(id).min(1).describe('Road ids the traffic uses.'),
    direction: z.enum(['forward', 'backward', 'both']).default('both').describe('Direction of the roads it uses.'),
    vehiclesPerHour: positive.describe('Its flow, vehicles per hour in each direction it uses.'),
    from: instant.default(0).describe('When it starts.'),
    until: instant.nullish().describe('When it stops; absent: never.'),
  })
  .strict()
  .describe('Background or inbound traffic: its flow is taken from the capacity of its roads (it is not simulated vehicle by vehicle).');

const variant = z
  .object({
    name: id.describe('Name of the variant, as `run --variant` and `ete --variants a,b` take it: no comma, no space at either end.'),
    description: z.string().default('').describe('What the variant represents.'),
    set: z
      .record(z.string().min(1), z.unknown())
      .describe('Values to set, by path in the syntax of `sweep --set`: "orders[*].compliance": 0.8.'),
  })
  .strict();

export const scenarioFileSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema of this file, for editors; ignored.'),
    name: id.describe('Scenario name, repeated in reports.'),
    description: z.string().default('').describe('What the scenario represents.'),
    seed: z.int().min(0).default(1).describe('Seed of every random draw; the command line can override it.'),
    start: isoDateTime.nullish().describe('Calendar time of t = 0; lets instants be ISO date-times.'),
    horizon: span.default('7d').describe('Simulated time limit.'),
    network,
    settlements: z.array(settlement).describe('Places people leave from.'),
    shelters: z.array(shelter).describe('Destinations: shelters and exits. At least one.'),
    households: households.prefault({}).describe('How compliant people travel.'),
    shelterShare: share
      .nullish()
      .describe('Share of evacuees who head for shelters, the rest for exits; absent: nearest destination of any kind.'),
    shadowShare: share.default(0).describe('Share of people not told who leave anyway.'),
    stochasticCompliance: z.boolean().default(false).describe('Draw compliance binomially instead of rounding.'),
    stuckSeconds: span
      .default(600)
      .describe('A head vehicle waiting this long for its next link chooses again (adaptive and equilibrium routing).'),
    routing: routing.prefault({}).describe('Route and destination choice.'),
    traffic: traffic.prefault({}).describe('Link-model settings.'),
    reportBinSeconds: span.default(3600).describe('Width of report bins (throughput, time series).'),
    orders: z.array(order).default([]).describe('Evacuation orders.'),
    fleets: z.array(fleet).default([]).describe('Buses and trains for people without a car.'),
    hazards: z.array(hazard).default([]).describe('Closures, slowdowns, weather, contraflow, control points, captures and fronts.'),
    background: z
      .array(background)
      .optional()
      .describe('Traffic that is not evacuating (through or inbound) on some roads, taking their capacity.'),
    targets: z.array(target).default([]).describe('Checks of the results (run --check).'),
    variants: z.array(variant).default([]).describe('Named changes of this scenario, run by `run --variant` and `ete`.'),
  })
  .strict()
  .describe('An evacsim scenario (format v1).');

/** A scenario file after schema validation: defaults filled, durations still as written. */
export type ScenarioFile = z.output<typeof scenarioFileSchema>;
