// The command line's own error: a wrong argument, option value or combination,
// or a file it cannot read or write. The library never throws it.
import { InputError } from '../errors.js';

/** Wrong command-line usage; printed as one line, exit code 2 (an InputError, so it is reported the same way). */
export class UsageError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
