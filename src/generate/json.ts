// Scenario files as JSON text that stays readable at any size: the top-level
// object and its plain objects are spread over lines, and each item of an array
// of objects (a node, a road, a settlement) takes exactly one line.

/** `file` as JSON text, one array item per line, ending with a newline. */
export function scenarioJson(file: unknown): string {
  return `${write(file, '')}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function write(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.some(isObject)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + JSON.stringify(item)).join(',\n')}\n${indent}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
