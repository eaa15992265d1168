// The knobs of the explorer, as plain data: each order's compliance and
// mobilization, the car share, fleet sizes, shelter capacities, which hazards
// are on, and the seed. Read from a parsed Scenario; written back into the raw
// scenario file, so what the page runs is what a student downloads.

import type { Mobilization, Scenario } from '../scenario/types.js';

export interface Parameters {
  seed: number;
  carShare: number;
  /** One per order, in scenario order. */
  orders: { compliance: number; mobilization: Mobilization }[];
  /** Vehicles of each fleet. */
  fleets: number[];
  /** Places of each destination; null for an exit (no limit), which stays one. */
  shelters: (number | null)[];
  /** Whether each hazard is on. */
  hazards: boolean[];
}

/** The parameters a scenario sets. */
export function readParameters(scenario: Scenario): Parameters {
  return {
    seed: scenario.seed,
    carShare: scenario.households.carShare,
    orders: scenario.orders.map((o) => ({ compliance: o.compliance, mobilization: { ...o.mobilization } })),
    fleets: scenario.fleets.map((f) => f.vehicles),
    shelters: scenario.shelters.map((s) => s.capacity),
    hazards: scenario.hazards.map(() => true),
  };
}

/** `p` with every order's compliance set to `compliance`. */
export function withCompliance(p: Parameters, compliance: number): Parameters {
  return { ...p, orders: p.orders.map((o) => ({ ...o, compliance })) };
}

/** `p` with every order's median mobilization delay set to `seconds` (kinds and shapes kept). */
export function withMobilizationMedian(p: Parameters, seconds: number): Parameters {
  return { ...p, orders: p.orders.map((o) => ({ ...o, mobilization: { ...o.mobilization, median: seconds } })) };
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A copy of the raw scenario file `raw` with `p` written in: `seed`,
 * `households.carShare`, each order's `compliance` and `mobilization`, each
 * fleet's `vehicles`, each shelter's `capacity`, and only the hazards that are
 * on. Everything else is kept as written. `raw` must be the file `p` was read from.
 */
export function applyParameters(raw: unknown, p: Parameters): Fields {
  if (!isFields(raw)) throw new TypeError('a scenario file is a JSON object');
  const out = structuredClone(raw);
  out.seed = p.seed;
  out.households = { ...(isFields(out.households) ? out.households : {}), carShare: p.carShare };
  const list = (key: string): unknown[] => (Array.isArray(out[key]) ? (out[key] as unknown[]) : []);
  list('orders').forEach((order, i) => {
    const set = p.orders[i];
    if (!isFields(order) || set === undefined) return;
    order.compliance = set.compliance;
    const m = set.mobilization;
    // Whole seconds read best with units; a fraction stays a plain number of seconds.
    const median = Number.isInteger(m.median) ? durationText(m.median) : m.median;
    order.mobilization = { kind: m.kind, median, ...(m.shape === null ? {} : { shape: m.shape }) };
  });
  list('fleets').forEach((fleet, i) => {
    if (isFields(fleet) && p.fleets[i] !== undefined) fleet.vehicles = p.fleets[i];
  });
  list('shelters').forEach((shelter, i) => {
    const capacity = p.shelters[i];
    if (isFields(shelter) && capacity !== null && capacity !== undefined) shelter.capacity = capacity;
  });
  if (Array.isArray(out.hazards)) out.hazards = out.hazards.filter((_, i) => p.hazards[i] !== false);
  return out;
}

/** Whole seconds as the scenario format writes them: 36000 → "10h", 5400 → "1h30m", 45 → "45s", 0 → "0s". */
export function durationText(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 0) throw new RangeError(`not a whole number of seconds: ${seconds}`);
  if (seconds === 0) return '0s';
  let rest = seconds;
  let out = '';
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return out;
}
