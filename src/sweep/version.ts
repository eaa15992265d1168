// The version of the running evacsim, from its package.json, for the provenance
// a sweep folder records: the package this code belongs to, whether it runs
// from source or from dist/.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The `version` of evacsim's package.json ("unknown" when it cannot be found). */
export function evacsimVersion(): string {
  for (const candidate of ['../../package.json', '../../../package.json']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (!existsSync(path)) continue;
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'evacsim' && typeof pkg.version === 'string') return pkg.version;
  }
  return 'unknown';
}
