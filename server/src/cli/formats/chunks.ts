/**
 * A format's output as pieces, in order: joined, they are the whole text. The CLI writes them as they come, so
 * that a large output is never one string (V8 caps a string at about 512 MB: the SARIF of 400 000 problems).
 */
export type Chunks = Iterable<string>;

/** The lines with a line break between each two, as `lines.join('\n')` gives them. */
export function* joinedLines(lines: Iterable<string>): Chunks {
  let first = true;
  for (const line of lines) {
    yield first ? line : `\n${line}`;
    first = false;
  }
}

/** An array that prettyJson writes an item at a time, each item made only as it is written. */
export class Streamed {
  constructor(readonly items: Iterable<unknown>) {}
}

export function streamed(items: Iterable<unknown>): Streamed {
  return new Streamed(items);
}

/**
 * What `JSON.stringify(value, null, 2)` gives, in pieces, with each `streamed(…)` in the value written as the array
 * of its items. A part of the value without streamed arrays is one piece (JSON.stringify writes no line break
 * inside a string, so each it writes is indentation, and moves with the part).
 */
export function* prettyJson(value: unknown, indent = ''): Chunks {
  if (value instanceof Streamed) {
    yield* prettyItems(value.items, indent);
    return;
  }
  if (!holdsStreamed(value)) {
    const text = JSON.stringify(value, null, 2) ?? 'null';
    yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
    return;
  }
  if (Array.isArray(value)) {
    yield* prettyItems(value, indent);
    return;
  }
  const inner = `${indent}  `;
  let first = true;
  for (const [key, member] of Object.entries(value as object)) {
    if (!serialisable(member)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    yield* prettyJson(member, inner);
    first = false;
  }
  yield first ? '{}' : `\n${indent}}`;
}

function* prettyItems(items: Iterable<unknown>, indent: string): Chunks {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    yield `${first ? '[' : ','}\n${inner}`;
    yield* prettyJson(serialisable(item) ? item : null, inner);
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** What JSON.stringify writes at all (it leaves such members out of objects, and writes null for them in arrays). */
function serialisable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

function holdsStreamed(value: unknown): boolean {
  if (value instanceof Streamed) return true;
  if (value === null || typeof value !== 'object') return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(holdsStreamed);
}
