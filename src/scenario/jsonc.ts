// JSON with comments (`.jsonc`): `//` and `/* */` comments are replaced by
// spaces, so line and column numbers of errors stay those of the file.
import { stripComments } from 'jsonc-parser';
import { parseJsonText } from './json-syntax.js';

/** parseJsonText of `text` with its comments blanked out (plain JSON passes unchanged). */
export function parseJsoncText(text: string, fileName: string, path = ''): unknown {
  return parseJsonText(stripComments(text, ' '), fileName, path);
}

/** True for the extensions read as JSON: `.json` and `.jsonc`. */
export function isJsonExtension(extension: string): boolean {
  return extension === '.json' || extension === '.jsonc';
}
