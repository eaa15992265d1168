// A border region: a jittered lattice of junctions 2 km apart with a north–south
// motorway, primary roads every eighth row and column and patchy local roads;
// towns and villages on the junctions; exits on the southern edge and shelters
// in the southern towns. A front advances from the northern border; the border
// belt is ordered out at once, the next belt 18 hours later, the rest after 36
// hours. Buses serve everyone without a car. Exercises fronts, captures, shelters, fleets and rerouting.
import { rng } from '../engine/rng.js';
import { apportion } from './apportion.js';
import type { GenerateOptions, ScenarioFileInput } from './types.js';

const SPACING_M = 2000;
const JITTER_M = 500;
const PRIMARY_EVERY = 8;
const DISTRICTS_PER_SIDE = 4;
const SHELTER_SHARE = 0.08;
const CAR_SHARE = 0.75;
/**
 * Shelter places per person of the region: the drivers' shelterShare and every bus
 * passenger (buses go to shelters), as if everyone complied (at most 0.8 do).
 */
const SHELTER_PLACES = SHELTER_SHARE * CAR_SHARE + (1 - CAR_SHARE);

/** Junctions per side of a region holding `people` (about 100 per junction, at least 6). */
export function regionSide(people: number): number {
  return Math.max(6, Math.round(Math.sqrt(people / 100)));
}

type Road = ScenarioFileInput['network']['roads'][number];
type Order = NonNullable<ScenarioFileInput['orders']>[number];

/** The border region scenario for `options.people` people. */
export function generateRegion(options: GenerateOptions): ScenarioFileInput {
  const side = options.side ?? regionSide(options.people);
  const random = rng(options.seed, 'generate:region');
  const id = (i: number, j: number) => `j${i}-${j}`;
  const motorway = Math.floor(side / 2);
  const primary = (k: number) => k % PRIMARY_EVERY === 0 || k === side - 1;
  const district = (i: number, j: number) =>
    `district-${Math.floor((DISTRICTS_PER_SIDE * i) / side) + 1}-${Math.floor((DISTRICTS_PER_SIDE * j) / side) + 1}`;

  const nodes: ScenarioFileInput['network']['nodes'] = [];
  const roads: Road[] = [];
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      const jitter = () => Math.round((2 * random() - 1) * JITTER_M);
      nodes.push({ id: id(i, j), x: i * SPACING_M + jitter(), y: j * SPACING_M + jitter() });
      // Every column is connected north–south and primary rows join the columns, so all junctions connect.
      if (j + 1 < side) roads.push(road(`ns${i}-${j}`, id(i, j), id(i, j + 1), i === motorway ? 'motorway' : primary(i) ? 'primary' : 'tertiary'));
      if (i + 1 < side && (primary(j) || random() < 0.7)) {
        roads.push(road(`ew${i}-${j}`, id(i, j), id(i + 1, j), primary(j) ? 'primary' : 'tertiary'));
      }
    }
  }

  type Place = { id: string; node: string; i: number; j: number; weight: number; town: boolean };
  const places: Place[] = [];
  const townCount = Math.max(2, Math.round((side * side) / 150));
  const towns = new Set<number>();
  while (towns.size < townCount) towns.add(Math.floor(random() * side * side));
  for (let k = 0; k < side * side; k++) {
    const i = Math.floor(k / side);
    const j = k % side;
    if (towns.has(k)) places.push({ id: `town-${i}-${j}`, node: id(i, j), i, j, weight: 200 + 2000 * random() ** 3, town: true });
    else if (random() < 0.5) places.push({ id: `village-${i}-${j}`, node: id(i, j), i, j, weight: 5 + 20 * random(), town: false });
  }
  const population = apportion(options.people, places.map((p) => p.weight));
  const byWeight = places.filter((p) => p.town).sort((a, b) => b.weight - a.weight);
  const south = byWeight.filter((p) => p.j < side / 2);
  const shelterTowns = (south.length > 0 ? south : byWeight).slice(0, 4);

  const height = side * SPACING_M;
  const border: [number, number][] = [[-SPACING_M, height], [height, height]];
  const heightKm = height / 1000;
  const exits: number[] = [];
  for (let i = 0; i < side; i++) if (i === motorway || primary(i)) exits.push(i);

  // The belts the orders name: a quarter and half of the region's height, but at least one
  // and two rows of junctions (2 km apart, jittered by up to 0.5 km), so that a small
  // region's belts hold a row each; the last belt holds the whole region.
  const belts = [Math.max(round(heightKm * 0.25), 2.5), Math.max(round(heightKm * 0.5), 4.5), round(heightKm * 1.5)];
  // Settlements within each belt (the border runs along the top, beyond every junction):
  // an order whose belt adds none to the one before would tell nobody, and is left out.
  const yOf = new Map(nodes.map((n) => [n.id, Number(n.y)]));
  const within = belts.map((km) => places.filter((p) => height - (yOf.get(p.node) as number) <= km * 1000).length);
  const addsSomeone = (_: unknown, k: number) => within[k] > (k === 0 ? 0 : within[k - 1]);
  // Delays are cut at 4 days: a lognormal's far tail would otherwise leave a household or
  // two of a large region getting ready past the 14-day horizon.
  const orders: Order[] = [
    { at: 0, withinKmOf: { line: border, km: belts[0] }, compliance: 0.8, mobilization: { kind: 'weibull', median: '6h', shape: 1.5 } },
    { at: '18h', withinKmOf: { line: border, km: belts[1] }, compliance: 0.6, mobilization: { kind: 'lognormal', median: '12h', shape: 0.8, max: '4d' } },
    // the rest of the region, so that every settlement is told (validate warns about settlements no order names)
    { at: '36h', withinKmOf: { line: border, km: belts[2] }, compliance: 0.4, mobilization: { kind: 'lognormal', median: '12h', shape: 0.8, max: '4d' } },
  ];
  const sideFlag = options.side === undefined ? '' : ` --side ${options.side}`;
  return {
    name: `region-${side}x${side}`,
    description:
      `A ${Math.round(heightKm)} km square border region: ${side * side} junctions 2 km apart, a north-south motorway, ` +
      `${places.length} towns and villages with ${options.people} people. A front advances from the northern border; ` +
      'the border belt is ordered out at once, the next belt 18 hours later. Exits on the southern edge, shelters in ' +
      `the largest southern towns, buses for everyone without a car. Generated by \`evacsim generate region --people ${options.people} --seed ${options.seed}${sideFlag}\`.`,
    seed: options.seed,
    horizon: '14d',
    network: { nodes, roads },
    settlements: places.map((p, k) => ({
      id: p.id,
      node: p.node,
      population: population[k],
      district: district(p.i, p.j),
      region: p.j >= side / 2 ? 'north' : 'south',
    })),
    shelters: [
      // room for every shelter seeker of the region, split over the shelters
      ...shelterTowns.map((p) => ({ id: `shelter-${p.id}`, node: p.node, capacity: Math.ceil((options.people * SHELTER_PLACES) / shelterTowns.length) })),
      ...exits.map((i) => ({ id: `exit-${i}`, node: id(i, 0) })),
    ],
    households: { size: 2.5, carShare: CAR_SHARE },
    shelterShare: SHELTER_SHARE,
    orders: orders.filter(addsSomeone),
    // buses for everyone without a car (serves: all), enough to clear the region within the horizon
    fleets: [{
      id: 'buses',
      depot: (shelterTowns[0] ?? byWeight[0]).node,
      vehicles: Math.max(8, Math.round(options.people / 2000)),
      seats: 45,
    }],
    hazards: [
      { kind: 'front', line: border, towards: [height / 2, height / 2], speedKmPerDay: 8, maxDepthKm: round(heightKm * 0.15), from: '12h' },
    ],
  };
}

function road(id: string, from: string, to: string, kind: 'motorway' | 'primary' | 'tertiary'): Road {
  return kind === 'motorway' ? { id, from, to, class: 'motorway', lanes: 2 } : { id, from, to, class: kind };
}

function round(km: number): number {
  return Math.round(km * 10) / 10;
}
