// What both SUMO comparisons share: their options and folder, running a SUMO tool, SUMO's version.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface SumoOptions {
  people: number;
  seed: number;
  /** Folder to keep SUMO's files in; null: a temporary one, removed after. */
  keep: string | null;
}

/** `--people N`, `--seed S` and `--keep DIR`; `people` when `--people` is not given. */
export function parseSumoArgs(argv: string[], people: number): SumoOptions {
  const options: SumoOptions = { people, seed: 1, keep: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--people' && Number.isInteger(Number(value)) && Number(value) > 0) options.people = Number(value);
    else if (key === '--seed' && Number.isInteger(Number(value))) options.seed = Number(value);
    else if (key === '--keep' && value !== undefined) options.keep = value;
    else throw new Error(`unknown or bad option: ${key} ${value ?? ''} (use --people N, --seed S, --keep DIR)`);
  }
  return options;
}

/**
 * Runs comparison script `name` (`people` unless `--people` says otherwise): `body` writes
 * and reads SUMO's files in `dir`, the `--keep` folder or a temporary one removed after.
 * A failure is printed as `name: message`, with exit code 2.
 */
export function runSumoScript(name: string, people: number, body: (options: SumoOptions, dir: string) => void): void {
  let temporary: string | null = null;
  try {
    const options = parseSumoArgs(process.argv.slice(2), people);
    if (options.keep === null) temporary = mkdtempSync(join(tmpdir(), `evacsim-sumo-${name}-`));
    const dir = options.keep ?? (temporary as string);
    mkdirSync(dir, { recursive: true });
    body(options, dir);
    if (options.keep !== null) process.stdout.write(`\nSUMO files kept in ${dir}\n`);
  } catch (error) {
    process.stderr.write(`${name}: ${(error as Error).message}\n`);
    process.exitCode = 2;
  } finally {
    if (temporary !== null) rmSync(temporary, { recursive: true, force: true });
  }
}

/** Runs SUMO tool `name` in `cwd`; returns its wall seconds. */
export function tool(name: string, args: string[], cwd: string): number {
  const started = performance.now();
  try {
    execFileSync(name, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${name} not found: install SUMO (apt-get install -y sumo)`);
    throw new Error(`${name} failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`);
  }
  return (performance.now() - started) / 1000;
}

/** SUMO's version line. */
export function sumoVersion(): string {
  try {
    return execFileSync('sumo', ['--version'], { encoding: 'utf8' }).split('\n')[0].trim();
  } catch {
    return 'sumo (version unknown)';
  }
}
