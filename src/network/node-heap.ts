// The priority queue of Dijkstra's search: one entry per node, keyed by (cost,
// sequence of the last improvement), with decrease-key. It pops nodes in exactly
// the order a lazy-deletion heap would pop their current entries, without the
// stale ones, so routes and their tie-breaks are those of the plain algorithm.
// Keys sit in the heap slots (cost and sequence side by side), so a comparison
// reads the slots it compares and nothing else.

export class NodeHeap {
  /** keys[2i] is the cost of slot i, keys[2i + 1] its sequence number. */
  private keys: Float64Array;
  /** Node of each slot. */
  private nodes: Int32Array;
  /** Slot of each node, −1 when absent. */
  private position: Int32Array;
  private nextSeq = 0;
  size = 0;

  /**
   * A heap for nodes `0 … nodeCount − 1`. Its slots grow as needed from `initialSlots`:
   * a search holds its frontier, not every node, and a run may keep thousands of paused
   * searches (one per pickup).
   */
  constructor(nodeCount: number, initialSlots = 64) {
    const slots = Math.max(1, Math.min(nodeCount, initialSlots));
    this.keys = new Float64Array(2 * slots);
    this.nodes = new Int32Array(slots);
    this.position = new Int32Array(nodeCount).fill(-1);
  }

  /** Empties the heap for a new search. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.nodes[i]] = -1;
    this.size = 0;
    this.nextSeq = 0;
  }

  /** Inserts `node` at `cost`, or lowers its cost; either way it counts as pushed now. */
  push(node: number, cost: number): void {
    const position = this.position;
    let pos = position[node];
    if (pos < 0) {
      if (this.size === this.nodes.length) this.grow();
      pos = this.size++;
    }
    const keys = this.keys;
    const nodes = this.nodes;
    const seq = this.nextSeq++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pc = keys[2 * parent];
      if (pc < cost || (pc === cost && keys[2 * parent + 1] < seq)) break;
      keys[2 * pos] = pc;
      keys[2 * pos + 1] = keys[2 * parent + 1];
      const moved = nodes[parent];
      nodes[pos] = moved;
      position[moved] = pos;
      pos = parent;
    }
    keys[2 * pos] = cost;
    keys[2 * pos + 1] = seq;
    nodes[pos] = node;
    position[node] = pos;
  }

  /** Removes and returns the node of least (cost, sequence); −1 when empty. */
  pop(): number {
    if (this.size === 0) return -1;
    const keys = this.keys;
    const nodes = this.nodes;
    const position = this.position;
    const top = nodes[0];
    position[top] = -1;
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
      const moved = nodes[child];
      nodes[pos] = moved;
      position[moved] = pos;
      pos = child;
    }
    keys[2 * pos] = cost;
    keys[2 * pos + 1] = seq;
    nodes[pos] = node;
    position[node] = pos;
    return top;
  }

  /** Doubles the slots (never beyond one per node). */
  private grow(): void {
    const slots = Math.min(2 * this.nodes.length, this.position.length);
    const keys = new Float64Array(2 * slots);
    const nodes = new Int32Array(slots);
    keys.set(this.keys);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
