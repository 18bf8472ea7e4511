import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/**
 * An open document kept as its lines, edited line by line.
 *
 * vscode-languageserver-textdocument keeps one string and splices every change into it, so each keystroke copies the
 * whole text (83 KB for seed 001, 1 MB for the bench's large report). A text over 128 KB is a large object to V8, put
 * in freshly mapped memory, and on the shared VMs here a fresh page costs about 15 µs to touch: 0.7 ms a keystroke
 * on seed 001 and 6 ms on the 1 MB report, before any analysis. The parser reads lines, so a change here replaces
 * only the lines it touches; the whole text is joined only when a feature asks for it.
 *
 * Positions are read as vscode-languageserver-textdocument reads them (so its tests of the same edits agree):
 * lines end at LF, CRLF or a lone CR, a character past the end of its line means the end of the line, a line past
 * the end means the end of the document.
 */
export class LineDocument implements TextDocument {
  private joined: string | undefined;
  private starts: number[] | undefined;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    /** The lines, without their terminators: what `splitLines` makes of the text. */
    readonly lines: readonly string[],
    /** The terminator after each line ('' after the last). */
    private readonly ends: readonly string[],
    /** Length of the whole text in UTF-16 code units. */
    readonly length: number,
  ) {}

  static create(uri: string, languageId: string, version: number, content: string): LineDocument {
    const { lines, ends } = splitWithEnds(content);
    const document = new LineDocument(uri, languageId, version, lines, ends, content.length);
    document.joined = content;
    return document;
  }

  /** The document after `changes`, applied in order (as TextDocuments applies a didChange). */
  static update(document: LineDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): LineDocument {
    let ranged = 0;
    for (const change of changes) if ('range' in change && change.range) ranged++;
    // many changes in one update ("replace all", many cursors): a gap moves from edit to edit instead of each edit
    // moving every line after it
    const store: EditableLines = ranged > 1 ? new GapLines(document.lines, document.ends) : new CopiedLines(document.lines, document.ends);
    let length = document.length;
    let joined: string | undefined = document.joined;
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        store.reset(splitWithEnds(change.text));
        length = change.text.length;
        joined = change.text;
        continue;
      }
      length += replaceRange(store, change.range, change.text);
      joined = undefined;
    }
    const { lines, ends } = store.result();
    const next = new LineDocument(document.uri, document.languageId, version, lines, ends, length);
    next.joined = joined;
    return next;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** The whole text if it has been joined already (or was given whole), else undefined. */
  get textIfJoined(): string | undefined {
    return this.joined;
  }

  /** Whether any line ends in CRLF. */
  get crlf(): boolean {
    return this.ends.includes('\r\n');
  }

  getText(range?: Range): string {
    if (this.joined === undefined) {
      const parts = new Array<string>(this.lines.length);
      for (let index = 0; index < this.lines.length; index++) parts[index] = (this.lines[index] as string) + (this.ends[index] as string);
      this.joined = parts.join('');
    }
    if (!range) return this.joined;
    return this.joined.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const index = Math.min(line, this.lines.length - 1);
    return { start: { line: index, character: 0 }, end: { line: index, character: (this.lines[index] as string).length } };
  }

  getEOLCharacters(line: number): string {
    return line >= 0 && line < this.ends.length ? (this.ends[line] as string) : '';
  }

  offsetAt(position: Position): number {
    const { line, character } = clampPosition(new ArrayRead(this.lines), position);
    return this.lineStarts()[line]! + character;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, this.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    // an offset inside a line's terminator is the end of that line
    return { line: low, character: Math.min(at - starts[low]!, (this.lines[low] as string).length) };
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = new Array<number>(this.lines.length);
      let offset = 0;
      for (let index = 0; index < this.lines.length; index++) {
        starts[index] = offset;
        offset += (this.lines[index] as string).length + (this.ends[index] as string).length;
      }
      this.starts = starts;
    }
    return this.starts;
  }
}

/** For `new TextDocuments(LineDocuments)`. */
export const LineDocuments = {
  create: (uri: string, languageId: string, version: number, content: string) => LineDocument.create(uri, languageId, version, content),
  update: (document: LineDocument, changes: TextDocumentContentChangeEvent[], version: number) => LineDocument.update(document, changes, version),
};

/** Lines (as `splitLines` cuts them) and the terminator after each. */
export function splitWithEnds(text: string): { lines: string[]; ends: string[] } {
  const lines: string[] = [];
  const ends: string[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 10 && code !== 13) continue;
    lines.push(text.slice(start, index));
    if (code === 13 && text.charCodeAt(index + 1) === 10) {
      ends.push('\r\n');
      index++;
    } else ends.push(code === 13 ? '\r' : '\n');
    start = index + 1;
  }
  lines.push(text.slice(start));
  ends.push('');
  return { lines, ends };
}

/** A position inside the text: line and character as vscode-languageserver-textdocument clamps them. */
function clampPosition(lines: LinesRead, position: Position): Position {
  const count = lines.length;
  const line = Number.isFinite(position.line) ? Math.trunc(position.line) : 0;
  if (line < 0) return { line: 0, character: 0 };
  if (line >= count) return { line: count - 1, character: lines.line(count - 1).length };
  const character = Number.isFinite(position.character) ? Math.trunc(position.character) : 0;
  return { line, character: Math.max(0, Math.min(character, lines.line(line).length)) };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * Replaces a range with text, in place: only the lines the range touches are cut again. Returns how much longer
 * the text became.
 */
function replaceRange(store: EditableLines, range: Range, text: string): number {
  let start = clampPosition(store, range.start);
  let end = clampPosition(store, range.end);
  if (before(end, start)) [start, end] = [end, start];
  // a lone CR ending the line above could join an LF the text starts with into one CRLF: cut that line again too
  const first = start.line > 0 && store.end(start.line - 1) === '\r' ? start.line - 1 : start.line;
  let oldLength = 0;
  let prefix = '';
  for (let line = first; line < start.line; line++) prefix += store.line(line) + store.end(line);
  for (let line = first; line <= end.line; line++) oldLength += store.line(line).length + store.end(line).length;
  const lastEnd = store.end(end.line);
  const region = prefix + store.line(start.line).slice(0, start.character) + text + store.line(end.line).slice(end.character) + lastEnd;
  const cut = splitWithEnds(region);
  // the region ends with the last line's terminator: the empty piece after it is the next line's start, not a line
  if (lastEnd) {
    cut.lines.pop();
    cut.ends.pop();
  }
  store.replace(first, end.line + 1, cut.lines, cut.ends);
  return region.length - oldLength;
}

/** Lines and the terminator after each, read by index. */
interface LinesRead {
  readonly length: number;
  line(index: number): string;
}

interface EditableLines extends LinesRead {
  end(index: number): string;
  /** Replaces lines [from, to) with `lines`, whose terminators are `ends`. */
  replace(from: number, to: number, lines: readonly string[], ends: readonly string[]): void;
  /** Starts again from these lines (a change that replaces the whole text). */
  reset(whole: { lines: string[]; ends: string[] }): void;
  result(): { lines: string[]; ends: string[] };
}

class ArrayRead implements LinesRead {
  constructor(private readonly lines: readonly string[]) {}

  get length(): number {
    return this.lines.length;
  }

  line(index: number): string {
    return this.lines[index] as string;
  }
}

/** The document's arrays, copied at the first edit and then edited in place (typing replaces one line with one). */
class CopiedLines implements EditableLines {
  private own = false;

  constructor(
    private lines: readonly string[],
    private ends: readonly string[],
  ) {}

  get length(): number {
    return this.lines.length;
  }

  line(index: number): string {
    return this.lines[index] as string;
  }

  end(index: number): string {
    return this.ends[index] as string;
  }

  replace(from: number, to: number, lines: readonly string[], ends: readonly string[]): void {
    if (!this.own) {
      this.lines = this.lines.slice();
      this.ends = this.ends.slice();
      this.own = true;
    }
    replaceItems(this.lines as string[], from, to, lines);
    replaceItems(this.ends as string[], from, to, ends);
  }

  reset(whole: { lines: string[]; ends: string[] }): void {
    this.lines = whole.lines;
    this.ends = whole.ends;
    this.own = true;
  }

  result(): { lines: string[]; ends: string[] } {
    return { lines: this.lines as string[], ends: this.ends as string[] };
  }
}

/**
 * Lines with a gap at the last edit: the lines before it in `head`, those after it in `tail`, last line first. An
 * edit moves the gap to itself, line by line: editors send the changes of one update in order (VS Code from the
 * end of the document back), so the gap moves little, where each edit of an array moves every line after it.
 */
class GapLines implements EditableLines {
  private head: string[];
  private headEnds: string[];
  private tail: string[] = [];
  private tailEnds: string[] = [];

  constructor(lines: readonly string[], ends: readonly string[]) {
    this.head = lines.slice();
    this.headEnds = ends.slice();
  }

  get length(): number {
    return this.head.length + this.tail.length;
  }

  line(index: number): string {
    return (index < this.head.length ? this.head[index] : this.tail[this.tail.length - 1 - (index - this.head.length)]) as string;
  }

  end(index: number): string {
    return (index < this.head.length ? this.headEnds[index] : this.tailEnds[this.tailEnds.length - 1 - (index - this.head.length)]) as string;
  }

  private moveGapTo(index: number): void {
    while (this.head.length > index) {
      this.tail.push(this.head.pop() as string);
      this.tailEnds.push(this.headEnds.pop() as string);
    }
    while (this.head.length < index && this.tail.length) {
      this.head.push(this.tail.pop() as string);
      this.headEnds.push(this.tailEnds.pop() as string);
    }
  }

  replace(from: number, to: number, lines: readonly string[], ends: readonly string[]): void {
    this.moveGapTo(to);
    this.head.length = from;
    this.headEnds.length = from;
    for (const line of lines) this.head.push(line);
    for (const end of ends) this.headEnds.push(end);
  }

  reset(whole: { lines: string[]; ends: string[] }): void {
    this.head = whole.lines;
    this.headEnds = whole.ends;
    this.tail = [];
    this.tailEnds = [];
  }

  result(): { lines: string[]; ends: string[] } {
    this.moveGapTo(this.length);
    return { lines: this.head, ends: this.headEnds };
  }
}

/** Replaces items [from, to) of `array` with `items`, in place (typing replaces one line with one). */
function replaceItems(array: string[], from: number, to: number, items: readonly string[]): void {
  if (items.length === to - from) {
    for (let index = 0; index < items.length; index++) array[from + index] = items[index] as string;
    return;
  }
  // splice takes its items as arguments, and a pasted text may have more lines than a call takes
  if (items.length < 10000) {
    array.splice(from, to - from, ...items);
    return;
  }
  const tail = array.slice(to);
  array.length = from;
  for (const item of items) array.push(item);
  for (const item of tail) array.push(item);
}
