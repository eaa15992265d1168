// A binary min-heap of events on typed arrays, keyed by (time, sequence): events
// at equal times pop in the order they were pushed (FIFO), which keeps a run
// deterministic. Each event carries one integer payload; no per-event objects.
// Time and sequence sit side by side in one array, so comparing two children
// reads one cache line instead of two.

/** Priority queue of (time, payload) pairs; ties in time pop in insertion order. */
export class EventQueue {
  /** keys[2i] is the time of slot i, keys[2i + 1] its sequence number. */
  private keys: Float64Array;
  private payloads: Int32Array;
  private nextSeq = 0;
  /** Number of events in the queue. */
  size = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.keys = new Float64Array(2 * capacity);
    this.payloads = new Int32Array(capacity);
  }

  /** Adds an event. `time` must be a finite number; `payload` a 32-bit integer. */
  push(time: number, payload: number): void {
    this.pushSequenced(time, this.nextSeq++, payload);
  }

  /**
   * Adds an event with a sequence number of the caller's, for queues that share
   * one count (the clock's wheel and late queue): ties in time pop by increasing `seq`.
   */
  pushSequenced(time: number, seq: number, payload: number): void {
    if (this.size === this.payloads.length) this.grow();
    const keys = this.keys;
    const payloads = this.payloads;
    let pos = this.size++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = keys[2 * parent];
      if (pt < time || (pt === time && keys[2 * parent + 1] < seq)) break;
      keys[2 * pos] = pt;
      keys[2 * pos + 1] = keys[2 * parent + 1];
      payloads[pos] = payloads[parent];
      pos = parent;
    }
    keys[2 * pos] = time;
    keys[2 * pos + 1] = seq;
    payloads[pos] = payload;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.keys[0] : Infinity;
  }

  /** Sequence number of the earliest event; Infinity when empty. */
  peekSeq(): number {
    return this.size > 0 ? this.keys[1] : Infinity;
  }

  /** Payload of the earliest event; undefined when empty. */
  peek(): number | undefined {
    return this.size > 0 ? this.payloads[0] : undefined;
  }

  /** Removes the earliest event and returns its payload; undefined when empty. */
  pop(): number | undefined {
    if (this.size === 0) return undefined;
    const keys = this.keys;
    const payloads = this.payloads;
    const top = payloads[0];
    const last = --this.size;
    if (last > 0) this.siftDown(keys[2 * last], keys[2 * last + 1], payloads[last]);
    return top;
  }

  /** Removes the earliest event and adds (time, seq, payload) in one pass; returns the removed payload. */
  replaceTop(time: number, seq: number, payload: number): number {
    const top = this.payloads[0];
    this.siftDown(time, seq, payload);
    return top;
  }

  /** Places an event at the root and moves it down to its place among the `size` slots. */
  private siftDown(time: number, seq: number, payload: number): void {
    const keys = this.keys;
    const payloads = this.payloads;
    const size = this.size;
    const half = size >> 1;
    let pos = 0;
    while (pos < half) {
      let child = 2 * pos + 1;
      const right = child + 1;
      if (right < size) {
        const rt = keys[2 * right];
        const lt = keys[2 * child];
        if (rt < lt || (rt === lt && keys[2 * right + 1] < keys[2 * child + 1])) child = right;
      }
      const ct = keys[2 * child];
      if (ct > time || (ct === time && keys[2 * child + 1] > seq)) break;
      keys[2 * pos] = ct;
      keys[2 * pos + 1] = keys[2 * child + 1];
      payloads[pos] = payloads[child];
      pos = child;
    }
    keys[2 * pos] = time;
    keys[2 * pos + 1] = seq;
    payloads[pos] = payload;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const payloads = new Int32Array(this.payloads.length * 2);
    keys.set(this.keys);
    payloads.set(this.payloads);
    this.keys = keys;
    this.payloads = payloads;
  }
}
