// What the command line's bundle (dist/cli/, built by the global set-up) leaves out.
// Every command loads zod; imported as a value (`import { z } from 'zod'`) its whole
// namespace comes along, 64 locales of messages the scenario checks never use:
// 366 KB of the 1.85 MB `evacsim run` loaded.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';

const bundle = join(packageRoot(), 'dist', 'cli');

describe('the command line bundle', () => {
  it("holds no zod locale but English's", () => {
    const locales = new Set<string>();
    for (const file of readdirSync(bundle)) {
      for (const match of readFileSync(join(bundle, file), 'utf8').matchAll(/^\/\/ node_modules\/zod\/v4\/locales\/([\w-]+)\.js$/gm)) {
        locales.add(match[1] as string);
      }
    }
    expect([...locales].filter((locale) => locale !== 'en')).toEqual([]);
  });
});
