import type { Position } from '../../core/text';
import type { Fix, TextEdit } from '../../rules/rule';

/** ESLint's shape of a fix: the characters from range[0] up to range[1] of the text are replaced by `text`. */
export interface EslintFix {
  range: [number, number];
  text: string;
}

/**
 * The line breaks of a text, in order: what splitLines cuts between each line and the next (LF, CR LF or a lone CR).
 * A text read a byte a character has the same breaks as its decoding: no byte of a UTF-8 character is CR or LF.
 */
export function lineBreaksOf(text: string): string[] {
  const breaks: string[] = [];
  for (let at = text.search(/[\r\n]/); at >= 0 && at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 10) breaks.push('\n');
    else if (code === 13) {
      const crlf = text.charCodeAt(at + 1) === 10;
      breaks.push(crlf ? '\r\n' : '\r');
      if (crlf) at++;
    }
  }
  return breaks;
}

/**
 * A text known by its lines and the breaks between them, as the CLI reads a report: offsets into the whole text
 * without the whole text in one string (which, for a report with one curly quote, is twice the size in fresh memory).
 */
export class LinedText {
  /** Where each line starts in the whole text. */
  readonly starts: number[];

  constructor(
    readonly lines: readonly string[],
    readonly breaks: readonly string[],
  ) {
    this.starts = new Array<number>(lines.length);
    let offset = 0;
    for (let line = 0; line < lines.length; line++) {
      this.starts[line] = offset;
      offset += (lines[line] as string).length + (breaks[line]?.length ?? 0);
    }
  }

  static of(text: string, lines: readonly string[]): LinedText {
    return new LinedText(lines, lineBreaksOf(text));
  }

  /** The offset of a position, or null past the last line; a character past the end of its line is at its end (as in LSP). */
  offsetOf(position: Position): number | null {
    const start = this.starts[position.line];
    if (start === undefined || position.character < 0) return null;
    return start + Math.min(position.character, (this.lines[position.line] as string).length);
  }

  /** The text from one offset up to another (both in the text). */
  slice(from: number, to: number): string {
    let line = this.lineAt(from);
    let out = '';
    while (line < this.lines.length && this.starts[line]! < to) {
      const whole = (this.lines[line] as string) + (this.breaks[line] ?? '');
      const start = this.starts[line]!;
      out += whole.slice(Math.max(0, from - start), to - start);
      line++;
    }
    return out;
  }

  private lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * A fix as one replacement, as ESLint gives it: several edits become one range from the first to the last, with the
 * text between them kept. Null when the edits overlap or fall outside the text (no such fix could be applied).
 */
export function eslintFix(fix: Fix, text: LinedText): EslintFix | null {
  const edits: { start: number; end: number; edit: TextEdit }[] = [];
  for (const edit of fix.edits) {
    const start = text.offsetOf(edit.range.start);
    const end = text.offsetOf(edit.range.end);
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
