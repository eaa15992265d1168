// Growing struct-of-arrays storage: each field array is replaced by a longer copy.

type Growable = Float64Array | Int32Array | Uint8Array;

/** A typed array of the same kind as `array`, `length` long, holding `array`'s values first (the rest zero). */
export function grown<T extends Growable>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}
