// Reading the text files a scenario is made of (the scenario itself, a GeoJSON
// network beside it): why a read failed, in the words a planner understands.

/** Why reading a file failed, e.g. `file not found`; `kind` names what a directory is not (`a scenario file`). */
export function readProblem(error: unknown, kind: string): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return `is a directory, not ${kind}`;
  if (code === 'EACCES') return 'cannot be read: permission denied';
  return `cannot be read (${code || String(error)})`;
}
