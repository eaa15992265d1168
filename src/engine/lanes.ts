// Lanes: streams of events whose times never decrease, such as the stuck-check
// events of one link. Each lane is a FIFO (an intrusive list on typed arrays);
// a heap holds only the first event of every lane. An event joins its lane in
// O(1), and the lanes together pop in exactly the (time, sequence) order one
// heap of all their events would give, while that heap stays as small as the
// number of lanes in use.
import { EventQueue } from './event-queue.js';

const NONE = -1;

export class Lanes {
  private first: Int32Array;
  private last: Int32Array;
  /**
   * Event pool, four numbers per event side by side (two events per cache line):
   * time, sequence, payload, and the next event of its lane.
   */
  private pool: Float64Array;
  private capacity: number;
  private free = NONE;
  private used = 0;
  /** First event of each non-empty lane, keyed by its (time, sequence); the payload is the lane. */
  private readonly heads = new EventQueue(64);
  /** Events held in all lanes. */
  size = 0;

  constructor(laneCount: number, initialCapacity = 1024) {
    this.first = new Int32Array(laneCount).fill(NONE);
    this.last = new Int32Array(laneCount).fill(NONE);
    this.capacity = Math.max(16, initialCapacity);
    this.pool = new Float64Array(4 * this.capacity);
  }

  /**
   * Appends an event to `lane`; returns false, adding nothing, when `time` is
   * earlier than the lane's last event (the caller then queues it elsewhere).
   */
  push(lane: number, time: number, seq: number, payload: number): boolean {
    if (!(lane >= 0 && lane < this.last.length)) return false; // not a lane: the heap takes it
    const tail = this.last[lane];
    if (tail !== NONE && this.pool[4 * tail] > time) return false;
    let e = this.free;
    if (e !== NONE) this.free = this.pool[4 * e + 3];
    else {
      if (this.used === this.capacity) this.grow();
      e = this.used++;
    }
    const pool = this.pool;
    pool[4 * e] = time;
    pool[4 * e + 1] = seq;
    pool[4 * e + 2] = payload;
    pool[4 * e + 3] = NONE;
    if (tail === NONE) {
      this.first[lane] = e;
      this.heads.pushSequenced(time, seq, lane);
    } else {
      pool[4 * tail + 3] = e;
    }
    this.last[lane] = e;
    this.size++;
    return true;
  }

  /** Time of the earliest event in any lane; Infinity when all are empty. */
  peekTime(): number {
    return this.heads.peekTime();
  }

  /** Sequence number of the earliest event; Infinity when all are empty. */
  peekSeq(): number {
    return this.heads.peekSeq();
  }

  /** Removes the earliest event of all lanes and returns its payload; call only when size > 0. */
  pop(): number {
    const pool = this.pool;
    const lane = this.heads.peek() as number;
    const e = this.first[lane];
    const payload = pool[4 * e + 2];
    const after = pool[4 * e + 3];
    pool[4 * e + 3] = this.free;
    this.free = e;
    this.size--;
    if (after === NONE) {
      this.first[lane] = NONE;
      this.last[lane] = NONE;
      this.heads.pop();
    } else {
      this.first[lane] = after;
      this.heads.replaceTop(pool[4 * after], pool[4 * after + 1], lane);
    }
    return payload;
  }

  private grow(): void {
    this.capacity *= 2;
    const pool = new Float64Array(4 * this.capacity);
    pool.set(this.pool);
    this.pool = pool;
  }
}
