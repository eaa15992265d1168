// The knobs of the explorer, as plain data: each order's compliance and
// mobilization, the car share, fleet sizes and their vehicles' car units, shelter capacities, which hazards
// are on, how routes are chosen, the capacity drop of queued roads, and the seed. Read from a parsed Scenario; written back into the raw
// scenario file, so what the page runs is what a student downloads.

import type { Mobilization, RoutingMode, Scenario } from '../scenario/types.js';
import { closingBracket, matches, parsePath, type Selector } from '../sweep/path.js';

export interface Parameters {
  seed: number;
  carShare: number;
  /** One per order, in scenario order; `at` in seconds from the start. */
  orders: { at: number; compliance: number; mobilization: Mobilization }[];
  /** Vehicles of each fleet. */
  fleets: number[];
  /** Car units of each fleet's vehicles (`pce`): how much road a bus takes. */
  fleetPce: number[];
  /** Places of each destination; null for an exit (no limit), which stays one. */
  shelters: (number | null)[];
  /** Whether each hazard is on. */
  hazards: boolean[];
  /** How vehicles choose their routes (`routing.mode`). */
  routing: RoutingMode;
  /** Share of a road's capacity lost while it takes vehicles from a queue (`traffic.capacityDrop`). */
  capacityDrop: number;
}

/** The parameters a scenario sets. */
export function readParameters(scenario: Scenario): Parameters {
  return {
    seed: scenario.seed,
    carShare: scenario.households.carShare,
    orders: scenario.orders.map((o) => ({ at: o.at, compliance: o.compliance, mobilization: { ...o.mobilization } })),
    fleets: scenario.fleets.map((f) => f.vehicles),
    fleetPce: scenario.fleets.map((f) => f.pce ?? 1),
    shelters: scenario.shelters.map((s) => s.capacity),
    hazards: scenario.hazards.map(() => true),
    routing: scenario.routing.mode,
    capacityDrop: scenario.traffic.capacityDrop ?? 0,
  };
}

/** The mean of the orders' compliance (0 without orders): where the master slider sits. */
export function meanCompliance(p: Parameters): number {
  return mean(p.orders.map((o) => o.compliance));
}

/**
 * `anchor`'s orders with their compliance scaled so their mean becomes `target`,
 * each kept within 0–1: the differences between orders survive (35 % and 96 %
 * moved to a mean of 50 % stay apart). Orders all at 0 are set to `target`.
 */
export function scaleCompliance(anchor: Parameters, target: number): Parameters {
  const m = meanCompliance(anchor);
  const scaled = (c: number) => (m === 0 ? target : Math.min(1, Math.max(0, (c * target) / m)));
  return { ...anchor, orders: anchor.orders.map((o) => ({ ...o, compliance: round(scaled(o.compliance), 4) })) };
}

/** The mean median mobilization delay, seconds. */
export function meanMedian(p: Parameters): number {
  return mean(p.orders.map((o) => o.mobilization.median));
}

/** `anchor`'s orders with their median mobilization delays scaled so their mean becomes `seconds` (kinds and shapes kept). */
export function scaleMedian(anchor: Parameters, seconds: number): Parameters {
  const m = meanMedian(anchor);
  return {
    ...anchor,
    orders: anchor.orders.map((o) => ({
      ...o,
      mobilization: { ...o.mobilization, median: m === 0 ? seconds : (o.mobilization.median * seconds) / m },
    })),
  };
}

/** `anchor`'s orders all given `seconds` later (earlier when negative), never before the start. */
export function shiftOrders(anchor: Parameters, seconds: number): Parameters {
  return { ...anchor, orders: anchor.orders.map((o) => ({ ...o, at: Math.max(0, o.at + seconds) })) };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A copy of the raw scenario file `raw` with `p` written in: `seed`,
 * `households.carShare`, each order's `compliance` and `mobilization`, each
 * fleet's `vehicles` and `pce` (left out while 1 and the file has none), each shelter's `capacity`, only the hazards that are on
 * (with the file's variants fitted to them: variantsWithout), `routing.mode` (the routing's other settings kept)
 * and `traffic.capacityDrop` (when not 0, or the file has one). Everything else is kept as written. `raw` must be the file `p` was read from;
 * `from`, the parameters read from it, keeps an order's instant as written while it is unchanged.
 */
export function applyParameters(raw: unknown, p: Parameters, from?: Parameters): Fields {
  if (!isFields(raw)) throw new TypeError('a scenario file is a JSON object');
  const out = structuredClone(raw);
  out.seed = p.seed;
  out.households = { ...(isFields(out.households) ? out.households : {}), carShare: p.carShare };
  const list = (key: string): unknown[] => (Array.isArray(out[key]) ? (out[key] as unknown[]) : []);
  list('orders').forEach((order, i) => {
    const set = p.orders[i];
    const original = from?.orders[i];
    if (!isFields(order) || set === undefined) return;
    order.compliance = set.compliance;
    // The instant as the file wrote it, unless it moved: then seconds from the start.
    if (set.at !== original?.at) order.at = set.at;
    const m = set.mobilization;
    // Whole seconds read best with units; a fraction stays a plain number of seconds.
    const median = Number.isInteger(m.median) ? durationText(m.median) : m.median;
    order.mobilization = { kind: m.kind, median, ...(m.shape === null ? {} : { shape: m.shape }) };
  });
  list('fleets').forEach((fleet, i) => {
    if (!isFields(fleet)) return;
    if (p.fleets[i] !== undefined) fleet.vehicles = p.fleets[i];
    const pce = p.fleetPce[i];
    if (pce !== undefined && (pce !== 1 || 'pce' in fleet)) fleet.pce = pce;
  });
  list('shelters').forEach((shelter, i) => {
    const capacity = p.shelters[i];
    if (isFields(shelter) && capacity !== null && capacity !== undefined) shelter.capacity = capacity;
  });
  if (Array.isArray(out.hazards)) {
    const all = out.hazards;
    const on = all.filter((_, i) => p.hazards[i] !== false);
    out.hazards = on;
    if (on.length < all.length && Array.isArray(out.variants)) out.variants = variantsWithout(out.variants, all, p.hazards);
  }
  out.routing = { ...(isFields(out.routing) ? out.routing : {}), mode: p.routing };
  // Written only when set or already in the file, so a file without one stays without.
  const traffic = isFields(out.traffic) ? out.traffic : {};
  if (p.capacityDrop !== 0 || 'capacityDrop' in traffic) out.traffic = { ...traffic, capacityDrop: p.capacityDrop };
  return out;
}

/**
 * The file's `variants` once the hazards of `all` switched off in `on` are left out: a path into a
 * hazard that stays is kept (an index renumbered), one that selects only hazards left out is dropped,
 * and so is a variant left with nothing to set. Otherwise such a path would select nothing, and
 * `evacsim run` would refuse the file, or select another hazard.
 */
function variantsWithout(variants: unknown[], all: unknown[], on: readonly boolean[]): unknown[] {
  const kept = all.filter((_, i) => on[i] !== false);
  const renumbered = new Map<number, number>();
  all.forEach((_, i) => {
    if (on[i] !== false) renumbered.set(i, renumbered.size);
  });
  return variants.flatMap((variant) => {
    if (!isFields(variant) || !isFields(variant.set)) return [variant];
    const set = Object.entries(variant.set).flatMap(([path, value]) => {
      const moved = hazardPath(path, kept, renumbered);
      return moved === null ? [] : [[moved, value] as const];
    });
    return set.length === 0 && Object.keys(variant.set).length > 0 ? [] : [{ ...variant, set: Object.fromEntries(set) }];
  });
}

/** `path` into the hazards `kept` (old index → new in `renumbered`); null when it selects none of them. */
function hazardPath(path: string, kept: unknown[], renumbered: ReadonlyMap<number, number>): string | null {
  let selectors: Selector[];
  try {
    selectors = parsePath(path);
  } catch {
    return path;
  }
  const [first, second] = selectors;
  if (first.kind !== 'key' || first.key !== 'hazards' || second === undefined || second.kind === 'key') return path;
  if (second.kind === 'all') return kept.length === 0 ? null : path;
  if (second.kind === 'filter') return kept.some((h) => matches(h, second)) ? path : null;
  const index = renumbered.get(second.index);
  if (index === undefined) return null;
  // The list's own key, `hazards` or `["hazards"]`, then the index to write anew.
  const open = path.startsWith('[') ? closingBracket(path, 0) + 1 : 'hazards'.length;
  return `${path.slice(0, open)}[${index}]${path.slice(closingBracket(path, open) + 1)}`;
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
