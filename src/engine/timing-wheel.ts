// The clock's future events, ordered by (time, sequence) like one binary heap of
// all of them, but cheaper: a timing wheel of buckets 1/64 s wide in front of two
// small heaps (a calendar queue).
// - The events of the current bucket (and any scheduled before it) sit in a small
//   heap, which is what `peekTime` and `pop` read: a pop sifts through a few dozen
//   events instead of thousands.
// - Events in the next `SLOTS` buckets wait unsorted in the wheel, a linked list per
//   bucket: pushing one costs an append. A bucket's events move to the heap when the
//   clock reaches it.
// - Events further ahead wait in an overflow heap and move to the current heap when
//   the clock reaches their bucket.
// Every event of a later bucket is later than every event of an earlier one, so the
// order is exactly the single heap's.
import { EventQueue } from './event-queue.js';
import { grown } from './grown.js';

/** Buckets per second: a power of two, so `time * BUCKETS_PER_SECOND` is exact. */
const BUCKETS_PER_SECOND = 64;
/** Buckets in the wheel (a power of two): 128 s ahead, the rest overflows. */
const SLOTS = 8192;
const SLOT_MASK = SLOTS - 1;
const WORDS = SLOTS / 32;

export class TimingWheel {
  /** Events scheduled and not yet popped. */
  size = 0;
  /** Events of bucket `bucket` and earlier. */
  private readonly current: EventQueue;
  /** Events `SLOTS` buckets or more beyond `bucket` when pushed. */
  private readonly overflow: EventQueue;
  /** The bucket the current heap holds (a whole number of 1/64 s, or Infinity). */
  private bucket = 0;
  /** Its slot in the wheel: bucket `bucket + k` is in slot `(slot + k) & SLOT_MASK`. */
  private slot = 0;
  /** First node of each slot's list, -1 when empty. */
  private readonly first = new Int32Array(SLOTS).fill(-1);
  /** One bit per slot that holds events, to find the next one without visiting empty slots. */
  private readonly occupied = new Int32Array(WORDS);
  private inWheel = 0;
  // List nodes, recycled through a free list.
  private nodeTime: Float64Array;
  private nodeSeq: Float64Array;
  private nodePayload: Int32Array;
  private nodeNext: Int32Array;
  private freeNode = -1;
  private usedNodes = 0;

  constructor(initialCapacity = 1024) {
    this.current = new EventQueue(256);
    this.overflow = new EventQueue(256);
    const capacity = Math.max(16, initialCapacity);
    this.nodeTime = new Float64Array(capacity);
    this.nodeSeq = new Float64Array(capacity);
    this.nodePayload = new Int32Array(capacity);
    this.nodeNext = new Int32Array(capacity);
  }

  /** Adds an event; ties in time pop by increasing `seq`. */
  pushSequenced(time: number, seq: number, payload: number): void {
    this.size++;
    const ahead = Math.floor(time * BUCKETS_PER_SECOND) - this.bucket;
    // Not after the current bucket (NaN once the clock has reached Infinity): straight to the heap.
    if (!(ahead > 0)) this.current.pushSequenced(time, seq, payload);
    else if (ahead < SLOTS) this.toWheel((this.slot + ahead) & SLOT_MASK, time, seq, payload);
    else this.overflow.pushSequenced(time, seq, payload);
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    if (this.current.size === 0 && !this.advance()) return Infinity;
    return this.current.peekTime();
  }

  /** Removes the earliest event and returns its payload; undefined when empty. */
  pop(): number | undefined {
    if (this.current.size === 0 && !this.advance()) return undefined;
    this.size--;
    return this.current.pop();
  }

  private toWheel(slot: number, time: number, seq: number, payload: number): void {
    let node = this.freeNode;
    if (node >= 0) this.freeNode = this.nodeNext[node];
    else {
      if (this.usedNodes === this.nodeTime.length) this.growNodes();
      node = this.usedNodes++;
    }
    this.nodeTime[node] = time;
    this.nodeSeq[node] = seq;
    this.nodePayload[node] = payload;
    this.nodeNext[node] = this.first[slot];
    this.first[slot] = node;
    this.occupied[slot >>> 5] |= 1 << (slot & 31);
    this.inWheel++;
  }

  /** Moves the clock's bucket to the next one holding events and fills the current heap from it; false when none. */
  private advance(): boolean {
    if (this.size === 0) return false;
    let ahead = this.inWheel > 0 ? this.nextOccupied() : Infinity;
    const overflowAhead = Math.floor(this.overflow.peekTime() * BUCKETS_PER_SECOND) - this.bucket;
    if (overflowAhead < ahead) ahead = overflowAhead;
    if (ahead < SLOTS) {
      this.bucket += ahead;
      this.slot = (this.slot + ahead) & SLOT_MASK;
      this.drainSlot(this.slot);
    } else {
      // The wheel is empty: it starts again from the overflow's earliest bucket.
      this.bucket += ahead;
    }
    const overflow = this.overflow;
    const current = this.current;
    while (overflow.size > 0 && !(Math.floor(overflow.peekTime() * BUCKETS_PER_SECOND) > this.bucket)) {
      const time = overflow.peekTime();
      const seq = overflow.peekSeq();
      current.pushSequenced(time, seq, overflow.pop() as number);
    }
    return true;
  }

  /** Slots from the current one to the nearest slot holding events (1 … SLOTS − 1); the wheel is not empty. */
  private nextOccupied(): number {
    const start = (this.slot + 1) & SLOT_MASK;
    let word = start >>> 5;
    // Bits at and after `start` in its word; the slots before it come last, after a full turn.
    let bits = this.occupied[word] & (-1 << (start & 31));
    while (bits === 0) {
      word = (word + 1) % WORDS;
      bits = this.occupied[word];
    }
    const found = (word << 5) | (31 - Math.clz32(bits & -bits));
    return (found - this.slot) & SLOT_MASK;
  }

  /** Moves the events of `slot` to the current heap and frees their nodes. */
  private drainSlot(slot: number): void {
    let node = this.first[slot];
    if (node < 0) return;
    const current = this.current;
    while (node >= 0) {
      const next = this.nodeNext[node];
      current.pushSequenced(this.nodeTime[node], this.nodeSeq[node], this.nodePayload[node]);
      this.nodeNext[node] = this.freeNode;
      this.freeNode = node;
      this.inWheel--;
      node = next;
    }
    this.first[slot] = -1;
    this.occupied[slot >>> 5] &= ~(1 << (slot & 31));
  }

  private growNodes(): void {
    const size = this.nodeTime.length * 2;
    this.nodeTime = grown(this.nodeTime, size);
    this.nodeSeq = grown(this.nodeSeq, size);
    this.nodePayload = grown(this.nodePayload, size);
    this.nodeNext = grown(this.nodeNext, size);
  }
}
