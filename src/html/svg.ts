// A small markup builder for the report's SVG and HTML: elements are strings,
// attribute values are always escaped, numbers are rounded so the output stays
// short and identical on every machine. Children are markup already built.

import { escapeHtml } from './escape.js';

/** Attribute values; null, undefined and false leave the attribute out, true writes it bare. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/**
 * `<name attrs>children</name>`, or `<name attrs/>` for an empty shape or void
 * element. A child may be a list of markup: a map of 100,000 roads passes its
 * roads as one array, where spreading them as arguments would overflow the stack.
 */
export function el(name: string, attrs: Attrs = {}, ...children: (string | readonly string[])[]): string {
  const open = `<${name}${attributes(attrs)}`;
  let inner = '';
  let empty = true;
  for (const child of children) {
    if (typeof child === 'string') {
      inner += child;
      empty = false;
    } else if (child.length > 0) {
      inner += child.join('');
      empty = false;
    }
  }
  return empty && SELF_CLOSING.has(name) ? `${open}/>` : `${open}>${inner}</${name}>`;
}

/** Escaped text content. */
export function text(value: string | number): string {
  return escapeHtml(typeof value === 'number' ? String(value) : value);
}

/** A number rounded to two decimals, without trailing zeros: 12.3456 → "12.35". */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** An SVG polyline path through `points`: "M0,0L10,5…"; empty for no points. */
export function pathOf(points: readonly (readonly [number, number])[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p[0])},${num(p[1])}`).join('');
}

function attributes(attrs: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (value === true) out += ` ${key}`;
    else out += ` ${key}="${typeof value === 'number' ? num(value) : escapeHtml(value)}"`;
  }
  return out;
}

// Elements written as `<x/>` when empty: SVG shapes and HTML void elements.
// Any other element gets a closing tag (an HTML parser reads `<div/>` as an open div).
const SELF_CLOSING = new Set([
  'circle', 'ellipse', 'line', 'path', 'polygon', 'polyline', 'rect', 'stop', 'use', 'br', 'input', 'link', 'meta',
]);
