// Orders × settlements → households with departure times. Of the people told,
// round(population × compliance) comply (or a binomial draw); they form households
// of the scenario's mean size; a share of households drives a car, the rest wait
// for a fleet. Each household is ready at order time + a mobilization delay.
// A special facility's people all comply, have no car, leave no shadow evacuees
// and are each ready at order time + the facility's own delay (or the order's).
import type { Scenario } from '../scenario/types.js';
import { rng } from '../engine/rng.js';
import { binomial, delaySampler } from './distributions.js';
import { orderByTime } from './order-by-time.js';
import { idOrder } from '../scenario/id-order.js';
import { householdsOf, travelOf, type HouseholdParams } from './household-params.js';
import { roundHalfUp } from './round.js';

/** Households of a run, sorted by the instant they are ready to leave. */
export interface Demand {
  /** Per settlement: people told, complied, and when (−1 / NaN when never told). */
  told: Int32Array;
  complied: Int32Array;
  order: Int32Array;
  orderTime: Float64Array;
  /** Per settlement: shadow evacuees (not told, leaving anyway). */
  shadow: Int32Array;
  /** Households, in order of `ready` (ties by settlement, then household). */
  count: number;
  settlement: Int32Array;
  people: Int32Array;
  /** 1 when the household drives its own car, 0 when it waits for a fleet. */
  car: Uint8Array;
  /** 1 for shadow-evacuee households. */
  isShadow: Uint8Array;
  ready: Float64Array;
  /** Number of households with a car (shadow households included). */
  cars: number;
}

/** Number of households `people` form at mean size `size`: round(people / size), at least one. */
function householdCount(people: number, size: number): number {
  return people <= 0 ? 0 : Math.max(1, roundHalfUp(people / size));
}

/** Whether household i of a settlement has a car: spreads ⌊n × share⌋ cars evenly over the n households. */
function hasCar(i: number, share: number): boolean {
  return Math.floor((i + 1) * share + 1e-9) > Math.floor(i * share + 1e-9);
}

/** A settlement's households: people in each, and 1 where it drives its own car. */
export interface SettlementHouseholds {
  people: Int32Array;
  car: Uint8Array;
}

/**
 * The households `leaving` people of one settlement form: sizes differing by
 * at most one (the first `extra` households have one more person), ⌊n × carShare⌋
 * cars spread evenly over them, and a `rideShare` of the carless households,
 * spread evenly too, folded into the car households in turn (they leave with
 * neighbours: no vehicle of their own). Without any car, nobody can ride along.
 * Typed arrays: a settlement of a billion people makes hundreds of millions of households.
 */
export function settlementHouseholds(leaving: number, params: HouseholdParams): SettlementHouseholds {
  const n = householdCount(leaving, params.size);
  const base = n === 0 ? 0 : Math.floor(leaving / n);
  const extra = leaving - base * n;
  const people = new Int32Array(n);
  const car = new Uint8Array(n);
  let cars = 0;
  for (let h = 0; h < n; h++) {
    people[h] = base + (h < extra ? 1 : 0);
    car[h] = hasCar(h, params.carShare) ? 1 : 0;
    cars += car[h];
  }
  if (params.rideShare <= 0 || cars === 0 || cars === n) return { people, car };
  const carIndex = new Int32Array(cars);
  for (let h = 0, c = 0; h < n; h++) if (car[h]) carIndex[c++] = h;
  // Riders join the car households in turn and leave no household of their own.
  let carless = 0;
  let riders = 0;
  let kept = n;
  for (let h = 0; h < n; h++) {
    if (!car[h] && hasCar(carless++, params.rideShare)) {
      people[carIndex[riders++ % cars]] += people[h];
      people[h] = -1;
      kept--;
    }
  }
  const keptPeople = new Int32Array(kept);
  const keptCar = new Uint8Array(kept);
  for (let h = 0, k = 0; h < n; h++) {
    if (people[h] < 0) continue;
    keptPeople[k] = people[h];
    keptCar[k++] = car[h];
  }
  return { people: keptPeople, car: keptCar };
}

/** People of the `leaving` who travel by car (their own or a neighbour's), as settlementHouseholds splits them. */
export function carPeople(leaving: number, params: HouseholdParams): number {
  const { people, car } = settlementHouseholds(leaving, params);
  return people.reduce((sum, p, h) => sum + (car[h] ? p : 0), 0);
}

/** Builds the households of every told (and shadow-evacuating) settlement. */
export function buildDemand(scenario: Scenario, assignedOrder: Int32Array, seed: number): Demand {
  const n = scenario.settlements.length;
  const told = new Int32Array(n);
  const complied = new Int32Array(n);
  const shadow = new Int32Array(n);
  const orderTime = new Float64Array(n).fill(NaN);
  const firstOrder = scenario.orders.reduce<number>(
    (best, o, i) => (best === -1 || o.at < scenario.orders[best].at ? i : best),
    -1,
  );

  // First the people leaving each settlement and their households, then one
  // row per household in order of settlement id: each settlement's draws come from its own stream.
  const households: SettlementHouseholds[] = [];
  let rows = 0;
  scenario.settlements.forEach((s, i) => {
    const o = assignedOrder[i];
    const facility = s.facility !== undefined;
    if (o === -1) {
      // An institution moves on an order only: no shadow evacuation.
      if (scenario.shadowShare <= 0 || firstOrder === -1 || facility) return;
      shadow[i] = roundHalfUp(s.population * scenario.shadowShare);
      // Shadow evacuees all leave by car, in households of the settlement's own size.
      households[i] = settlementHouseholds(shadow[i], { size: householdsOf(scenario, i).size, carShare: 1, rideShare: 0 });
      rows += households[i].people.length;
      return;
    }
    const order = scenario.orders[o];
    told[i] = s.population;
    orderTime[i] = order.at;
    if (facility) complied[i] = s.population;
    else {
      complied[i] = scenario.stochasticCompliance
        ? binomial(s.population, order.compliance, rng(seed, `compliance:${s.id}`))
        : roundHalfUp(s.population * order.compliance);
    }
    households[i] = settlementHouseholds(complied[i], travelOf(scenario, i));
    rows += households[i].people.length;
  });

  const settlement = new Int32Array(rows);
  const people = new Int32Array(rows);
  const car = new Uint8Array(rows);
  const isShadow = new Uint8Array(rows);
  const ready = new Float64Array(rows);
  let r = 0;
  // Rows in order of settlement id, so households ready at the same instant leave in that
  // order whatever order the settlements are listed in (the sort below is stable).
  for (const i of idOrder(scenario.settlements.map((s) => s.id))) {
    const s = scenario.settlements[i];
    const o = assignedOrder[i];
    const isShadowRow = o === -1;
    const list = households[i];
    if (list === undefined || list.people.length === 0) continue;
    const order = scenario.orders[isShadowRow ? firstOrder : o];
    const draw = delaySampler(s.mobilization ?? order.mobilization);
    const random = rng(seed, `${isShadowRow ? 'shadow' : 'departures'}:${s.id}`);
    for (let h = 0; h < list.people.length; h++, r++) {
      settlement[r] = i;
      people[r] = list.people[h];
      car[r] = list.car[h];
      isShadow[r] = isShadowRow ? 1 : 0;
      ready[r] = order.at + draw(random);
    }
  }

  // Stable: equal ready times keep settlement id, then household order.
  const sorted = orderByTime(ready);
  const demand: Demand = {
    told, complied, order: assignedOrder, orderTime, shadow, count: rows,
    settlement: new Int32Array(rows),
    people: new Int32Array(rows),
    car: new Uint8Array(rows),
    isShadow: new Uint8Array(rows),
    ready: new Float64Array(rows),
    cars: 0,
  };
  demand.cars = permuteRows(sorted, { settlement, people, car, isShadow, ready }, demand);
  return demand;
}

type Rows = Pick<Demand, 'settlement' | 'people' | 'car' | 'isShadow' | 'ready'>;

/**
 * Copies row `sorted[k]` of `from` to row k of `to`; returns the cars among them. A
 * function of its own, as each loop of the sort is: run once, while the code is cold.
 */
function permuteRows(sorted: Int32Array, from: Rows, to: Rows): number {
  // The arrays read once: the two records have different shapes.
  const { settlement, people, car, isShadow, ready } = from;
  const { settlement: toSettlement, people: toPeople, car: toCar, isShadow: toShadow, ready: toReady } = to;
  let cars = 0;
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k];
    toSettlement[k] = settlement[i];
    toPeople[k] = people[i];
    toCar[k] = car[i];
    toShadow[k] = isShadow[i];
    toReady[k] = ready[i];
    cars += car[i];
  }
  return cars;
}
