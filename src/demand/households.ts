// Orders × settlements → households with departure times. Of the people told,
// round(population × compliance) comply (or a binomial draw); they form households
// of the scenario's mean size; a share of households drives a car, the rest wait
// for a fleet. Each household is ready at order time + a mobilization delay.
import type { Scenario } from '../scenario/types.js';
import { rng } from '../engine/rng.js';
import { binomial, delaySampler } from './distributions.js';

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

/** Splits `people` into `households` groups whose sizes differ by at most one. */
function householdSizes(people: number, size: number): number[] {
  if (people <= 0) return [];
  const count = Math.max(1, Math.round(people / size));
  const base = Math.floor(people / count);
  const extra = people - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Whether household i of a settlement has a car: spreads round(n × share) cars evenly over the n households. */
function hasCar(i: number, share: number): boolean {
  return Math.floor((i + 1) * share + 1e-9) > Math.floor(i * share + 1e-9);
}

/** Builds the households of every told (and shadow-evacuating) settlement. */
export function buildDemand(scenario: Scenario, assignedOrder: Int32Array, seed: number): Demand {
  const n = scenario.settlements.length;
  const told = new Int32Array(n);
  const complied = new Int32Array(n);
  const shadow = new Int32Array(n);
  const orderTime = new Float64Array(n).fill(NaN);
  const rows: { settlement: number; people: number; car: number; isShadow: number; ready: number }[] = [];
  const firstOrder = scenario.orders.reduce<number>(
    (best, o, i) => (best === -1 || o.at < scenario.orders[best].at ? i : best),
    -1,
  );

  scenario.settlements.forEach((s, i) => {
    const o = assignedOrder[i];
    if (o === -1) {
      if (scenario.shadowShare <= 0 || firstOrder === -1) return;
      const order = scenario.orders[firstOrder];
      shadow[i] = Math.round(s.population * scenario.shadowShare);
      const draw = delaySampler(order.mobilization);
      const random = rng(seed, `shadow:${s.id}`);
      for (const people of householdSizes(shadow[i], scenario.households.size)) {
        rows.push({ settlement: i, people, car: 1, isShadow: 1, ready: order.at + draw(random) });
      }
      return;
    }
    const order = scenario.orders[o];
    told[i] = s.population;
    orderTime[i] = order.at;
    complied[i] = scenario.stochasticCompliance
      ? binomial(s.population, order.compliance, rng(seed, `compliance:${s.id}`))
      : Math.round(s.population * order.compliance);
    const draw = delaySampler(order.mobilization);
    const random = rng(seed, `departures:${s.id}`);
    householdSizes(complied[i], scenario.households.size).forEach((people, h) => {
      rows.push({
        settlement: i,
        people,
        car: hasCar(h, scenario.households.carShare) ? 1 : 0,
        isShadow: 0,
        ready: order.at + draw(random),
      });
    });
  });

  // Stable: equal ready times keep settlement, then household order.
  const order = rows.map((_, i) => i).sort((a, b) => rows[a].ready - rows[b].ready || a - b);
  const count = rows.length;
  const demand: Demand = {
    told, complied, order: assignedOrder, orderTime, shadow, count,
    settlement: new Int32Array(count),
    people: new Int32Array(count),
    car: new Uint8Array(count),
    isShadow: new Uint8Array(count),
    ready: new Float64Array(count),
    cars: 0,
  };
  order.forEach((r, k) => {
    const row = rows[r];
    demand.settlement[k] = row.settlement;
    demand.people[k] = row.people;
    demand.car[k] = row.car;
    demand.isShadow[k] = row.isShadow;
    demand.ready[k] = row.ready;
    demand.cars += row.car;
  });
  return demand;
}
