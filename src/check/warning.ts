// A validate warning: where in the scenario, and what may be wrong there.

export interface Warning {
  path: string;
  message: string;
}

/** The line a command prints for `w`: `warning: path: message`. */
export function warningLine(w: Warning): string {
  return `warning: ${w.path ? `${w.path}: ` : ''}${w.message}\n`;
}
