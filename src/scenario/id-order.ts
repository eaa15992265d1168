// The order of ids by their code units, for ties a run must break the same way however
// the scenario lists its settlements, roads or nodes (ids are unique within a list).

/** Indices of `ids` in order of the ids. */
export function idOrder(ids: readonly string[]): number[] {
  return ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
}

/** Each id's place among `ids` in that order. */
export function idRanks(ids: readonly string[]): Int32Array {
  const rank = new Int32Array(ids.length);
  idOrder(ids).forEach((i, r) => { rank[i] = r; });
  return rank;
}
