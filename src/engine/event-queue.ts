// A binary min-heap of events on parallel typed arrays, keyed by (time, sequence):
// events at equal times pop in the order they were pushed (FIFO), which keeps a
// run deterministic. Each event carries one integer payload; no per-event objects.

/** Priority queue of (time, payload) pairs; ties in time pop in insertion order. */
export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private payloads: Int32Array;
  private nextSeq = 0;
  /** Number of events in the queue. */
  size = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.times = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.payloads = new Int32Array(capacity);
  }

  /** Adds an event. `time` must be a finite number; `payload` a 32-bit integer. */
  push(time: number, payload: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const seq = this.nextSeq++;
    let pos = this.size++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[pos] = pt;
      seqs[pos] = seqs[parent];
      payloads[pos] = payloads[parent];
      pos = parent;
    }
    times[pos] = time;
    seqs[pos] = seq;
    payloads[pos] = payload;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.times[0] : Infinity;
  }

  /** Payload of the earliest event; undefined when empty. */
  peek(): number | undefined {
    return this.size > 0 ? this.payloads[0] : undefined;
  }

  /** Removes the earliest event and returns its payload; undefined when empty. */
  pop(): number | undefined {
    if (this.size === 0) return undefined;
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    const top = payloads[0];
    const last = --this.size;
    if (last > 0) {
      const time = times[last];
      const seq = seqs[last];
      const payload = payloads[last];
      const half = last >> 1;
      let pos = 0;
      while (pos < half) {
        let child = 2 * pos + 1;
        const right = child + 1;
        if (
          right < last &&
          (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))
        ) {
          child = right;
        }
        const ct = times[child];
        if (ct > time || (ct === time && seqs[child] > seq)) break;
        times[pos] = ct;
        seqs[pos] = seqs[child];
        payloads[pos] = payloads[child];
        pos = child;
      }
      times[pos] = time;
      seqs[pos] = seq;
      payloads[pos] = payload;
    }
    return top;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const seqs = new Float64Array(capacity);
    const payloads = new Int32Array(capacity);
    times.set(this.times);
    seqs.set(this.seqs);
    payloads.set(this.payloads);
    this.times = times;
    this.seqs = seqs;
    this.payloads = payloads;
  }
}
