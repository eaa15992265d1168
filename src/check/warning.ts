// A validate warning: where in the scenario, and what may be wrong there.

export interface Warning {
  path: string;
  message: string;
}
