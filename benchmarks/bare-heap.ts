// The baseline of the hot-loop benchmark: a bare binary heap on two typed arrays
// (float keys, integer payloads, no tie-breaking), in the style of flatqueue,
// driven by the classic "hold" workload: pop the earliest event, push one a
// random delay later. Its rate is the ceiling for any heap-based event engine on
// the machine at that queue size.

class BareHeap {
  private keys: Float64Array;
  private values: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }

  push(key: number, value: number): void {
    const keys = this.keys;
    const values = this.values;
    let pos = this.size++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const parentKey = keys[parent];
      if (key >= parentKey) break;
      keys[pos] = parentKey;
      values[pos] = values[parent];
      pos = parent;
    }
    keys[pos] = key;
    values[pos] = value;
  }

  peekKey(): number {
    return this.keys[0];
  }

  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const top = values[0];
    const last = --this.size;
    if (last > 0) {
      const key = keys[last];
      const value = values[last];
      const half = last >> 1;
      let pos = 0;
      while (pos < half) {
        let child = 2 * pos + 1;
        const right = child + 1;
        if (right < last && keys[right] < keys[child]) child = right;
        if (keys[child] >= key) break;
        keys[pos] = keys[child];
        values[pos] = values[child];
        pos = child;
      }
      keys[pos] = key;
      values[pos] = value;
    }
    return top;
  }
}

/** A seeded linear congruential generator: the baseline must not depend on a library's speed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/**
 * Pop/push pairs per second of the bare heap holding `size` events, over `pairs`
 * pairs with exponentially distributed delays. Returns the best of `rounds`.
 */
export function bareHeapRate(size: number, pairs: number, seed = 1, rounds = 3): number {
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    const random = lcg(seed + round);
    const heap = new BareHeap(Math.max(1, size) + 1);
    for (let i = 0; i < size; i++) heap.push(-Math.log(1 - random()) * 60, i);
    let checksum = 0;
    const started = performance.now();
    for (let i = 0; i < pairs; i++) {
      const now = heap.size > 0 ? heap.peekKey() : 0;
      checksum ^= heap.size > 0 ? heap.pop() : 0;
      heap.push(now - Math.log(1 - random()) * 60, i);
    }
    const seconds = (performance.now() - started) / 1000;
    if (checksum === -1) throw new Error('unreachable: keeps the loop from being optimised away');
    best = Math.max(best, pairs / seconds);
  }
  return best;
}
