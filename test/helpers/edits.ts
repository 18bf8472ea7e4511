import type { TextEdit } from '../../server/src/rules';

function offsetAt(text: string, line: number, character: number): number {
  let offset = 0;
  for (let current = 0; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + character, text.length);
}

/** Applies non-overlapping edits (LSP semantics: positions refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const located = edits
    .map((edit) => ({
      start: offsetAt(text, edit.range.start.line, edit.range.start.character),
      end: offsetAt(text, edit.range.end.line, edit.range.end.character),
      newText: edit.newText,
    }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const edit of located) {
    if (edit.end > limit) throw new Error('overlapping edits');
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}
