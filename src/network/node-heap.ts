// The priority queue of Dijkstra's search: entries (cost, sequence of the push,
// node), with lazy deletion. A node whose cost is lowered is pushed again; its
// older entries, dearer, come out after it and the search skips them, as it
// skips any node already settled. Sequence numbers are unique, so the entries a
// search does not skip come out in exactly the order a heap with decrease-key
// would give them: the routes and their tie-breaks are those of the plain
// algorithm. No slot per node is kept, which saves its upkeep at every move and
// 4 bytes a node on each search held paused.
// Keys sit in the heap slots (cost and sequence side by side), so a comparison
// reads the slots it compares and nothing else.

export class NodeHeap {
  /** keys[2i] is the cost of slot i, keys[2i + 1] its sequence number. */
  private keys: Float64Array;
  /** Node of each slot. */
  private nodes: Int32Array;
  private nextSeq = 0;
  size = 0;
  /** The cost of the entry `pop` last returned: a search skips entries dearer or cheaper than its node's cost now. */
  lastCost = 0;

  /**
   * An empty heap of `initialSlots` slots, doubling as needed: a search holds its
   * frontier (and the older entries of nodes pushed again), not every node, and a run
   * may keep thousands of paused searches (one per pickup).
   */
  constructor(initialSlots = 64) {
    const slots = Math.max(1, initialSlots);
    this.keys = new Float64Array(2 * slots);
    this.nodes = new Int32Array(slots);
  }

  /** Empties the heap for a new search. */
  clear(): void {
    this.size = 0;
    this.nextSeq = 0;
  }

  /** Adds an entry for `node` at `cost`, counting as pushed now. */
  push(node: number, cost: number): void {
    if (this.size === this.nodes.length) this.grow();
    const keys = this.keys;
    const nodes = this.nodes;
    const seq = this.nextSeq++;
    let pos = this.size++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pc = keys[2 * parent];
      // At an equal cost the parent was pushed earlier: every entry held was.
      if (pc <= cost) break;
      keys[2 * pos] = pc;
      keys[2 * pos + 1] = keys[2 * parent + 1];
      nodes[pos] = nodes[parent];
      pos = parent;
    }
    keys[2 * pos] = cost;
    keys[2 * pos + 1] = seq;
    nodes[pos] = node;
  }

  /** Removes the entry of least (cost, sequence) and returns its node; −1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0];
    this.lastCost = keys[0];
    const last = --this.size;
    if (last === 0) return top;
    const cost = keys[2 * last];
    const seq = keys[2 * last + 1];
    const node = nodes[last];
    const half = last >> 1;
    let pos = 0;
    while (pos < half) {
      let child = 2 * pos + 1;
      const right = child + 1;
      if (right < last) {
        const rc = keys[2 * right];
        const lc = keys[2 * child];
        if (rc < lc || (rc === lc && keys[2 * right + 1] < keys[2 * child + 1])) child = right;
      }
      const cc = keys[2 * child];
      if (cc > cost || (cc === cost && keys[2 * child + 1] > seq)) break;
      keys[2 * pos] = cc;
      keys[2 * pos + 1] = keys[2 * child + 1];
      nodes[pos] = nodes[child];
      pos = child;
    }
    keys[2 * pos] = cost;
    keys[2 * pos + 1] = seq;
    nodes[pos] = node;
    return top;
  }

  /** Doubles the slots. */
  private grow(): void {
    const slots = 2 * this.nodes.length;
    const keys = new Float64Array(2 * slots);
    const nodes = new Int32Array(slots);
    keys.set(this.keys);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
