import type { Fix, TextEdit } from '../../rules/rule';
import type { Position } from '../../core/text';

/** ESLint's shape of a fix: the characters from range[0] up to range[1] of the text are replaced by `text`. */
export interface EslintFix {
  range: [number, number];
  text: string;
}

/** Where each line starts in the text, with the line breaks splitLines knows (LF, CR LF, lone CR). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10 /* \n */) starts.push(at + 1);
    else if (code === 13 /* \r */) {
      if (text.charCodeAt(at + 1) === 10) at++;
      starts.push(at + 1);
    }
  }
  return starts;
}

/**
 * A fix as one replacement, as ESLint gives it: several edits become one range from the first to the last, with the
 * text between them kept. Null when the edits overlap or fall outside the text (no such fix could be applied).
 */
export function eslintFix(fix: Fix, text: string, lineStarts: readonly number[]): EslintFix | null {
  const offsetOf = (position: Position): number | null => {
    const start = lineStarts[position.line];
    if (start === undefined) return null;
    const offset = start + position.character;
    const lineEnd = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1]! : text.length;
    return offset <= lineEnd ? offset : null;
  };
  const edits: { start: number; end: number; edit: TextEdit }[] = [];
  for (const edit of fix.edits) {
    const start = offsetOf(edit.range.start);
    const end = offsetOf(edit.range.end);
    if (start === null || end === null || end < start) return null;
    edits.push({ start, end, edit });
  }
  if (!edits.length) return null;
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let replacement = '';
  let previousEnd = edits[0]!.start;
  for (const { start, end, edit } of edits) {
    if (start < previousEnd) return null;
    replacement += text.slice(previousEnd, start) + edit.newText;
    previousEnd = end;
  }
  return { range: [edits[0]!.start, previousEnd], text: replacement };
}
