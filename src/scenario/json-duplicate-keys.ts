// JSON.parse keeps the last of two equal keys in an object without a word; a
// scenario with `"population"` twice would run with whichever came last. This
// scan of text JSON.parse has accepted finds each repeated key with its path.
// Iterative: deep nesting cannot overflow the stack.

import { formatPath, type PathKey } from './path.js';

interface Frame {
  object: boolean;
  keys: Set<string> | null;
  /** The key or index of the value being read in this container. */
  at: PathKey;
  expectKey: boolean;
}

/** Paths of repeated keys in valid JSON `text` (at most `limit`), e.g. `settlements[0].population`. */
export function duplicateJsonKeys(text: string, limit = 100): string[] {
  const found: string[] = [];
  const stack: Frame[] = [];
  const path = () => formatPath(stack.map((f) => f.at));
  for (let i = 0; i < text.length && found.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c /* \ */) {
          escaped = true;
          i++;
        }
      }
      const top = stack.at(-1);
      if (top?.object && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
        top.at = key;
        top.expectKey = false;
        if (top.keys!.has(key)) found.push(path());
        else top.keys!.add(key);
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const object = c === 0x7b;
      stack.push({ object, keys: object ? new Set() : null, at: object ? '' : 0, expectKey: object });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.object) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return found;
}
