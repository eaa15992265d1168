// "Did you mean" hints for misspelt ids, field names and options.
// A candidate is offered only when it is a few edits away, so unrelated
// names are never suggested.

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `word`, or undefined when none is within a third
 * of the word's length (at least one edit) and less than half of the longer
 * one's. Case differences count as half an edit; ties go to the earliest candidate.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word || Math.abs(candidate.length - word.length) > limit) continue;
    const folded = levenshtein(lower, candidate.toLowerCase());
    const distance = folded + (levenshtein(word, candidate) - folded) / 2;
    if (distance <= limit && distance < Math.max(word.length, candidate.length) / 2 && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * ` (did you mean "x"?)` when a close candidate exists, else an empty string. A
 * candidate that prints alike (the same text in another Unicode form, é as one code
 * point or as e and an accent, or with spaces at its ends) or differs only in letter
 * case (`SUDZHA` for `Sudzha`, however short or long) gets a hint saying how they differ.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  const alike = list.find((candidate) => candidate !== word && sameText(candidate, word));
  if (alike !== undefined) return ` (did you mean ${JSON.stringify(alike)}? ${howAlike(alike, word)})`;
  const cased = list.find((candidate) => candidate !== word && caseless(candidate) === caseless(word));
  if (cased !== undefined) return ` (did you mean ${JSON.stringify(cased)}? ${CASED})`;
  const hint = suggest(word, list);
  return hint === undefined ? '' : ` (did you mean ${JSON.stringify(hint)}?)`;
}

/** Why two names that print alike are not the same: their Unicode forms. */
export const ALIKE = 'the two look alike but are written with different Unicode code points';
/** Why two names that print alike are not the same: spaces at their ends. */
export const SPACED = 'the two differ only in spaces at their ends';

/** Why two names are not the same: ids are case-sensitive. */
export const CASED = 'the two differ only in letter case';

/** A name with its letter case folded: two names with the same one differ at most in case. */
export function caseless(name: string): string {
  return name.toLowerCase();
}

/** The text a name prints as: Unicode-normalized (NFC), without spaces at its ends. */
export function printed(name: string): string {
  return name.normalize('NFC').trim();
}

/** Whether `a` and `b` print as the same text. */
export function sameText(a: string, b: string): boolean {
  return printed(a) === printed(b);
}

/** How two different names that print alike differ (ALIKE or SPACED). */
export function howAlike(a: string, b: string): string {
  return a.normalize('NFC') === b.normalize('NFC') ? ALIKE : SPACED;
}
