// Ids quoted for a warning, the first three and an ellipsis for the rest, so a
// message stays one readable line however many places it is about.

/** `"a", "b", "c", …`: the first three ids quoted, an ellipsis when there are more. */
export function quotedIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 3).map((id) => `"${id}"`).join(', ');
  return ids.length > 3 ? `${shown}, …` : shown;
}
