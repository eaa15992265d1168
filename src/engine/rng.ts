// Named random streams. Every random draw in a run comes from a stream derived
// from the run seed and a name such as "departures:sudzha", so adding a draw in
// one place never shifts the draws of another.
import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** The stream `name` of run `seed`: same (seed, name), same sequence, on any machine. */
export function rng(seed: number, name: string): Random {
  return seedrandom(`${seed}\u0000${name}`);
}
