// The Scenario: plain data after parsing, validation and defaults.
// Every duration and instant is already in seconds from the scenario start;
// lengths and speeds keep the units the file names (km, km/h) and are
// converted to metres and m/s when the network is compiled.

export type RoadClass = 'motorway' | 'trunk' | 'primary' | 'secondary' | 'tertiary' | 'local';
export type RoadMode = 'road' | 'rail';

export interface NodeSpec {
  id: string;
  /** Geographic position, when given as lat/lon. */
  lat?: number;
  lon?: number;
  /** Planar position in metres, when given as x/y. */
  x?: number;
  y?: number;
}

export interface RoadSpec {
  id: string;
  from: string;
  to: string;
  class: RoadClass;
  /** Length in km; when absent in the file it is the great-circle (or planar) distance of its ends. */
  lengthKm: number;
  lanes: number;
  /** Free speed; null means the class default. */
  speedKmh: number | null;
  /** Flow capacity of all lanes; null means class default × lanes. */
  capacityVehPerHour: number | null;
  oneway: boolean;
  mode: RoadMode;
  /** Backward wave speed; null means the scenario's class setting or the triangular diagram's. */
  waveSpeedKmh: number | null;
  /** Optional drawing geometry ([lon, lat] or [x, y] points), kept from imports. */
  geometry?: [number, number][];
}

export interface SettlementSpec {
  id: string;
  name: string;
  node: string;
  population: number;
  district: string | null;
  region: string | null;
  /** Household parameters of this settlement, over its district's and the scenario's; absent: none. */
  households?: HouseholdOverride;
  /** A special facility (school, hospital, …): its people have no cars and are moved by the fleets serving it. Absent: none. */
  facility?: FacilityKind;
  /** A facility's own delay from its order to each of its people being ready to board; absent: the order's. */
  mobilization?: Mobilization;
}

/** Kinds of special facility, as NUREG/CR-7002 reports them apart. */
export const FACILITY_KINDS = ['school', 'hospital', 'nursing-home', 'prison', 'other'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** Household parameters a district or settlement sets over the scenario's. */
export interface HouseholdOverride {
  size?: number;
  carShare?: number;
  rideShare?: number;
}

export interface Households {
  /** Mean people per household. */
  size: number;
  /** Share of households that drive their own car. */
  carShare: number;
  /** Share of the households without a car that leave with neighbours who have one; absent: 0. */
  rideShare?: number;
  /** Overrides by district name; absent: none. */
  districts?: Record<string, HouseholdOverride>;
}

/** A destination: a shelter when `capacity` is a number, an exit when it is null. */
export interface ShelterSpec {
  id: string;
  name: string;
  node: string;
  capacity: number | null;
  /** Registration throughput, people per hour; arrivals beyond it queue at the shelter. Absent: no registration queue. */
  processingPerHour?: number;
}

export type MobilizationKind = 'fixed' | 'uniform' | 'rayleigh' | 'weibull' | 'lognormal' | 'logistic';

export interface Mobilization {
  kind: MobilizationKind;
  /** Median delay from the order to departure, seconds. */
  median: number;
  /** Shape parameter for weibull, lognormal (sigma) and logistic (scale as a share of median); ignored otherwise. */
  shape: number | null;
  /** Upper bound of the delay, seconds: the distribution is truncated there. Absent or null: none. */
  max?: number | null;
}

export interface WithinKmOf {
  /** Polyline of [lon, lat] points (or [x, y] metres on planar networks). */
  line: [number, number][];
  km: number;
}

export interface OrderSpec {
  /** Seconds from start. */
  at: number;
  districts: string[];
  settlements: string[];
  withinKmOf: WithinKmOf | null;
  compliance: number;
  mobilization: Mobilization;
}

/** The most passenger car equivalents a fleet vehicle may take (an articulated bus is about 3). */
export const MAX_PCE = 8;

export interface FleetSpec {
  id: string;
  /** Node where the vehicles start. */
  depot: string;
  vehicles: number;
  seats: number;
  boardingSecondsPerPerson: number;
  /**
   * Passenger car equivalents of each vehicle, a whole number: the road space and the
   * headways at each end of a link it takes, in cars. Absent: 1.
   */
  pce?: number;
  /** Settlement ids or district names this fleet serves; empty means every settlement. */
  serves: string[];
  mode: RoadMode;
  /** Time the fleet is first available, seconds from start. */
  from: number;
  /** For rail fleets: seconds between departures from the depot; null = dispatch on demand. */
  headway: number | null;
  /** For rail fleets: explicit departure instants from the depot; empty = none. */
  timetable: number[];
}

/** Weather conditions with capacity factors from HCM 2010 Exhibit 10-15 (see docs/model.md). */
export type WeatherCondition =
  | 'clear' | 'light-rain' | 'moderate-rain' | 'heavy-rain' | 'light-snow' | 'moderate-snow' | 'heavy-snow' | 'very-heavy-snow';

export type HazardSpec =
  | { kind: 'closure'; roads: string[]; from: number; until: number | null }
  | {
      kind: 'weather';
      condition: WeatherCondition | null;
      /** Multiplies free speed; from `speedFactor` in the file, else 1. */
      speedFactor: number;
      /** Multiplies flow capacity; from `capacityFactor` in the file, else the condition's. */
      capacityFactor: number;
      /** Roads affected; empty with empty `classes`: every road. */
      roads: string[];
      classes: RoadClass[];
      from: number;
      until: number | null;
    }
  | {
      kind: 'contraflow';
      road: string;
      /** The direction that takes every lane: "forward" (from → to) or "backward". */
      direction: 'forward' | 'backward';
      from: number;
      until: number | null;
    }
  | {
      kind: 'control';
      roads: string[];
      /** Multiplies flow capacity (a traffic control point can raise or lower it). */
      capacityFactor: number;
      direction: 'forward' | 'backward' | 'both';
      from: number;
      until: number | null;
    }
  | { kind: 'slowdown'; roads: string[]; from: number; until: number | null; factor: number }
  | { kind: 'capture'; settlements: string[]; nodes: string[]; at: number }
  | {
      kind: 'front';
      /** Starting line: [lon, lat] points (or [x, y] metres). */
      line: [number, number][];
      /** Unit direction the front advances in is to the side given by `towards` ([lon, lat] point). */
      towards: [number, number] | null;
      speedKmPerDay: number;
      maxDepthKm: number;
      from: number;
    };

export type RoutingMode = 'free-flow' | 'adaptive' | 'equilibrium';

/** How vehicles choose routes and destinations. */
export interface RoutingSpec {
  mode: RoutingMode;
  /** Adaptive and equilibrium: seconds between refreshes of the travel-time estimates and trees. */
  periodSeconds: number;
  /** Adaptive and equilibrium: weight of the newest estimate in each refresh (1 = no smoothing). */
  smoothing: number;
  /** Equilibrium: runs of the method of successive averages. */
  iterations: number;
  /** Equilibrium: width of the time bins shares and link times are learned in, seconds. */
  binSeconds: number;
  /** Equilibrium: stop once a run's relative gap is at or below this; absent: run every iteration (unless the runs repeat). */
  gap?: number;
}

/** Link-model settings. */
export interface TrafficSpec {
  /** Metres of lane a vehicle occupies in a standing queue (1 / jam density per lane). */
  jamSpacingM: number;
  /** Backward wave speed per road class, km/h; a class not named uses the triangular diagram. */
  waveSpeedKmh: Partial<Record<RoadClass, number>>;
  /** Share of capacity lost while a road takes vehicles from a queue waiting for it (0: none); absent is 0. */
  capacityDrop?: number;
}

/** Traffic that is not evacuating (through or inbound) on some roads: it takes their capacity. */
export interface BackgroundSpec {
  roads: string[];
  direction: 'forward' | 'backward' | 'both';
  vehiclesPerHour: number;
  from: number;
  until: number | null;
}

export interface TargetScope {
  region?: string;
  district?: string;
  settlement?: string;
}

export interface TargetSpec {
  /** A dotted summary key such as `people.evacuated`, `people.trapped`, `clearance.p90`. */
  metric: string;
  /** Instant the metric is read at, seconds; null = at the end of the run. */
  at: number | null;
  scope: TargetScope | null;
  value: number;
  /** Relative tolerance (0.03 = ±3 %); used when min/max are absent. */
  tolerance: number;
  min: number | null;
  max: number | null;
  note: string;
}

export interface Scenario {
  name: string;
  description: string;
  seed: number;
  /** ISO date-time of t = 0, or null when the scenario uses plain durations only. */
  start: string | null;
  /** Simulated time limit, seconds. */
  horizon: number;
  network: { nodes: NodeSpec[]; roads: RoadSpec[] };
  settlements: SettlementSpec[];
  shelters: ShelterSpec[];
  households: Households;
  /** Share of evacuees who head for shelters (the rest for exits); null = nearest destination of any kind. */
  shelterShare: number | null;
  shadowShare: number;
  stochasticCompliance: boolean;
  /** A head vehicle waiting this long for its next link chooses again (adaptive and equilibrium routing). */
  stuckSeconds: number;
  routing: RoutingSpec;
  traffic: TrafficSpec;
  /** Width of the report bins (throughput, time series), seconds. */
  reportBinSeconds: number;
  orders: OrderSpec[];
  fleets: FleetSpec[];
  hazards: HazardSpec[];
  /** Background and inbound traffic; absent: none. */
  background?: BackgroundSpec[];
  targets: TargetSpec[];
}
