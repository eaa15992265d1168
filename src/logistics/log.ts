// Growable struct-of-arrays builder for the movement log (see result.ts): one
// row per group of people changing state, appended in time order, no objects.
import type { MovementLog, LogKind } from '../result.js';

export class LogBuilder {
  length = 0;
  private time = new Float64Array(1024);
  private kind = new Uint8Array(1024);
  private settlement = new Int32Array(1024);
  private people = new Int32Array(1024);
  private destination = new Int32Array(1024);
  private fleet = new Int32Array(1024);

  /** Appends a row; rows with no people are skipped. */
  add(time: number, kind: LogKind, settlement: number, people: number, destination = -1, fleet = -1): void {
    if (people === 0) return;
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.kind[i] = kind;
    this.settlement[i] = settlement;
    this.people[i] = people;
    this.destination[i] = destination;
    this.fleet[i] = fleet;
  }

  /** The finished log, trimmed to its length. */
  build(): MovementLog {
    const n = this.length;
    return {
      length: n,
      time: this.time.slice(0, n),
      kind: this.kind.slice(0, n),
      settlement: this.settlement.slice(0, n),
      people: this.people.slice(0, n),
      destination: this.destination.slice(0, n),
      fleet: this.fleet.slice(0, n),
    };
  }

  private grow(): void {
    const size = this.time.length * 2;
    const grow = <T extends Float64Array | Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.settlement = grow(this.settlement, (n) => new Int32Array(n));
    this.people = grow(this.people, (n) => new Int32Array(n));
    this.destination = grow(this.destination, (n) => new Int32Array(n));
    this.fleet = grow(this.fleet, (n) => new Int32Array(n));
  }
}
