// Rounding of products and quotients of decimal inputs (population × compliance,
// people ÷ household size) as the documented round() reads by hand: half up, once
// the binary floating-point error is taken off. 45 × 0.7 is 31.499999999999996 in
// binary and 31.5 by hand, so 32 people comply, not 31.

/** round(x) half up, of x taken to 15 significant digits (far below one person at any population). */
export function roundHalfUp(x: number): number {
  return Math.round(Number(x.toPrecision(15)));
}
