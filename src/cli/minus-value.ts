// A value that starts with a minus and is not a plain number (`--origin -51,35`,
// `--shard -1/2`, `--bbox -9.5,…`) is read by the parser as short options, and
// the error it gives ("Unknown arguments: 5, 1") names neither the option nor the
// value. This finds such a value so the message can say how to write it.

/** Plain numbers the parser takes as values even with a minus (`--seed -1`). */
const NUMBER = /^-(\d+|\d*\.\d+)(e[-+]?\d+)?$/i;

/** `--flag -value: …; write --flag=-value` for the first option given such a value in `argv`, or null. */
export function minusValueMessage(argv: readonly string[]): string | null {
  for (let i = 1; i < argv.length; i++) {
    if (argv[i - 1] === '--') return null;
    const flag = /^--[^=]+$/.exec(argv[i - 1]);
    const value = argv[i];
    if (flag !== null && /^-[\d.]/.test(value) && !NUMBER.test(value)) {
      return `${flag[0]} ${value}: a value that starts with a minus reads as options; write ${flag[0]}=${value}`;
    }
  }
  return null;
}
