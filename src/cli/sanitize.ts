// Text from scenario files (names, ids, values quoted in messages) may hold
// terminal escape sequences, NUL bytes or bidirectional overrides. Everything the
// command line prints passes through here, so such characters appear as visible
// `\u001b`-style escapes instead of acting on the terminal. Inside JSON strings
// the escape means the same character, so printed JSON stays equivalent.

/** C0 controls but tab and newline, DEL, C1 controls, line/paragraph separators, bidi embeddings, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it matches
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every character that could act on a terminal replaced by its `\uXXXX` escape. */
export function sanitizeTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
