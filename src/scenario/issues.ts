// A list of `{ path, message }` problems gathered while checking a scenario,
// so that every problem is reported at once rather than only the first.

import { ScenarioError } from '../errors.js';
import { formatPath, type PathKey } from './path.js';

export interface Issue {
  path: string;
  message: string;
}

export class IssueList {
  readonly issues: Issue[] = [];

  add(path: readonly PathKey[], message: string): void {
    this.issues.push({ path: formatPath(path), message });
  }

  /** `read()`'s result; when it throws ScenarioError, its message is recorded at `path` and `fallback` returned. */
  read<T>(path: readonly PathKey[], read: () => T, fallback: T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      for (const issue of error.issues) this.add(path, issue.message);
      return fallback;
    }
  }
}
