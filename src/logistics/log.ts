// Growable struct-of-arrays builder for the movement log (see result.ts): one
// row per group of people changing state, appended in time order, no objects.
import type { MovementLog, LogKind } from '../result.js';
import { grown } from '../engine/grown.js';

export class LogBuilder {
  length = 0;
  private time: Float64Array;
  private kind: Uint8Array;
  private settlement: Int32Array;
  private people: Int32Array;
  private destination: Int32Array;
  private fleet: Int32Array;

  /**
   * `expectedRows`: room made at once, so a log that fits is never copied as it grows (each
   * copy is fresh memory, which Chromium pays for by the page; BENCHMARKS.md).
   */
  constructor(expectedRows = 1024) {
    const size = Math.max(1024, expectedRows);
    this.time = new Float64Array(size);
    this.kind = new Uint8Array(size);
    this.settlement = new Int32Array(size);
    this.people = new Int32Array(size);
    this.destination = new Int32Array(size);
    this.fleet = new Int32Array(size);
  }

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

  /**
   * The finished log: views of its first `length` rows, not copies (fresh memory again).
   * Adding rows after this is wrong.
   */
  build(): MovementLog {
    const n = this.length;
    return {
      length: n,
      time: this.time.subarray(0, n),
      kind: this.kind.subarray(0, n),
      settlement: this.settlement.subarray(0, n),
      people: this.people.subarray(0, n),
      destination: this.destination.subarray(0, n),
      fleet: this.fleet.subarray(0, n),
    };
  }

  private grow(): void {
    const size = this.time.length * 2;
    this.time = grown(this.time, size);
    this.kind = grown(this.kind, size);
    this.settlement = grown(this.settlement, size);
    this.people = grown(this.people, size);
    this.destination = grown(this.destination, size);
    this.fleet = grown(this.fleet, size);
  }
}
