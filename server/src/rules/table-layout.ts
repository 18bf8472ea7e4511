import type { Grade, TextSpan } from '../core/model';
import type { Range } from '../core/text';
import type { TextEdit } from './rule';

/**
 * Writing into a table's cells without breaking its layout: columns aligned with spaces or pipes keep their places,
 * a grid table's cell runs over the lines of its row, an HTML row keeps its tags.
 */

const MAX_GRID_ROW_LINES = 12;
/** The longest line the parser reads as a table's row. */
const MAX_ROW = 400;
const MAX_HTML_ROW_LINES = 24;

/** Offsets of the pipes that set a Markdown or grid row's cells apart ("\|" is a pipe in a cell's text). */
function pipesOf(line: string): number[] {
  const pipes: number[] = [];
  for (let at = line.indexOf('|'); at >= 0; at = line.indexOf('|', at + 1)) if (line.charAt(at - 1) !== '\\') pipes.push(at);
  return pipes;
}

const opensWith = (line: string, character: string) => line.trimStart().startsWith(character);
export const isGridBorder = (line: string) => /^\s*\+(?::?[-=]{3,}:?\+)+\s*$/.test(line);

/**
 * `text` in place of `start`–`end` of the line, padded so that what follows (a pipe, or a column set off by two
 * spaces or more) stays where it was when the text fits before it. The edit's end, and its text.
 */
function fitInCell(line: string, start: number, end: number, text: string): { end: number; text: string } {
  let next = end;
  while (line.charCodeAt(next) === 32) next++;
  if (next >= line.length) return { end, text };
  const pipe = line.charAt(next) === '|';
  // a column is set off by two spaces; before a pipe, one is enough
  const gap = pipe ? 1 : 2;
  if (next - end < gap) return { end, text };
  return { end: next, text: text.length + gap <= next - start ? text.padEnd(next - start) : text + ' '.repeat(gap) };
}

/** The lines of the grid table's row holding `line` ("| … | … |" lines up to a "+----+" border), or null. */
function gridRowAt(lines: readonly string[], line: number): { first: number; last: number; border: number } | null {
  // (a line longer than any table row ends the table, as the parser reads it)
  const isRowLine = (at: number) =>
    at >= 0 && at < lines.length && lines[at]!.length <= MAX_ROW && /^\s*\|.*\|\s*$/.test(lines[at]!) && pipesOf(lines[at]!).length >= 2 && !/^\s*\|[-:+|\s]*$/.test(lines[at]!);
  if (!isRowLine(line)) return null;
  let first = line;
  while (line - first < MAX_GRID_ROW_LINES && isRowLine(first - 1)) first--;
  let last = line;
  while (last - first < MAX_GRID_ROW_LINES && isRowLine(last + 1)) last++;
  if (!isGridBorder(lines[last + 1] ?? '') || !isGridBorder(lines[first - 1] ?? '')) return null;
  return { first, last, border: last + 1 };
}

/** The words of `text` over lines of at most `width` characters (a longer word stands alone on its line). */
function wrapWords(text: string, width: number): string[] {
  const wrapped: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      wrapped.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...wrapped, current];
}

/** Which cell of the row's line the offset falls in (0 for the first, after the opening pipe). */
function columnAt(line: string, character: number): number {
  return pipesOf(line).filter((pipe) => pipe < character).length - 1;
}

/** The text between two pipes `region` characters apart: a space either side, padded to fill the cell. */
const cellText = (text: string, region: number) => ` ${text}`.padEnd(region - 2) + ' ';

/** Lines for a grid table's row, in the template's columns, with `texts` (by column) wrapped to their widths. */
function gridLines(template: string, texts: Map<number, string>, height: number): string[] {
  const pipes = pipesOf(template);
  const width = (column: number) => pipes[column + 1]! - pipes[column]! - 3;
  const wrapped = new Map([...texts].map(([column, text]) => [column, wrapWords(text, Math.max(1, width(column)))]));
  const count = Math.max(height, ...[...wrapped.values()].map((lines) => lines.length));
  return Array.from({ length: count }, (_, index) => {
    let out = template.slice(0, pipes[0]! + 1);
    for (let column = 0; column + 1 < pipes.length; column++) out += cellText(wrapped.get(column)?.[index] ?? '', pipes[column + 1]! - pipes[column]!) + '|';
    return out;
  });
}

/**
 * Edits writing `text` in place of the range, in a table cell: in a grid table's row, over the lines of the cell (and
 * more lines for the row when the text needs them); elsewhere, padded to keep the columns after it in place.
 */
export function cellEdits(lines: readonly string[], range: Range, text: string, eol: string, tableStart = 0): TextEdit[] {
  const line = lines[range.start.line] ?? '';
  const grid = gridRowAt(lines, range.start.line);
  const column = columnAt(line, range.start.character);
  const pipes = pipesOf(lines[grid?.first ?? range.start.line] ?? '');
  if (grid && column >= 0 && column + 1 < pipes.length && (grid.last > grid.first || range.end.line > range.start.line || !fitsCell(line, range, text))) {
    const region = pipes[column + 1]! - pipes[column]!;
    const wrapped = wrapWords(text, Math.max(1, region - 3));
    const edits: TextEdit[] = [];
    for (let at = grid.first; at <= grid.last; at++) {
      // each line's own pipes: only this cell changes, whatever the other columns hold
      const own = pipesOf(lines[at]!);
      const from = own[column];
      const to = own[column + 1];
      const written = from !== undefined && to !== undefined ? cellText(wrapped[at - grid.first] ?? '', to - from) : null;
      if (written !== null && written !== lines[at]!.slice(from! + 1, to)) edits.push({ range: lineSpan(at, from! + 1, to!), newText: written });
    }
    const more = wrapped.slice(grid.last - grid.first + 1);
    if (more.length) {
      const blank = (lines[grid.first] ?? '').replace(/[^|\s]/g, ' ');
      const added = more.map((piece) => blank.slice(0, pipes[column]! + 1) + cellText(piece, region) + blank.slice(pipes[column + 1]!));
      const end = (lines[grid.last] ?? '').length;
      edits.push({ range: lineSpan(grid.last, end, end), newText: added.map((piece) => eol + piece).join('') });
    }
    return edits;
  }
  const multiline = multilineRowAt(lines, range.start.line, tableStart);
  if (multiline) {
    const column = multilineColumnAt(multiline.columns, range.start.character);
    const wrapped = wrapWords(text, multiline.widths[column]!);
    if (multiline.last > multiline.first || wrapped.length > 1 || range.end.line > range.start.line) return multilineCellEdits(lines, multiline, column, wrapped, eol);
  }
  if (range.end.line > range.start.line) return [{ range, newText: text }];
  const fitted = fitInCell(line, range.start.character, range.end.character, text);
  return [{ range: lineSpan(range.start.line, range.start.character, fitted.end), newText: fitted.text }];
}

function fitsCell(line: string, range: Range, text: string): boolean {
  const next = pipesOf(line).find((pipe) => pipe >= range.end.character);
  return next === undefined || range.start.character + text.length < next;
}

function lineSpan(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/**
 * A new row's lines; the lines of the row it was shaped on (to add it before or after them); whether a blank line sets
 * rows apart; a grid table's border, which must close the row above the new one.
 */
export interface ShapedRow {
  first: number;
  after: number;
  lines: string[];
  spaced: boolean;
  border?: string;
}

/** Text for a cell between pipes: a pipe in it is written "\|", as Markdown tables escape it. */
export const escapePipes = (text: string) => text.replace(/(?<!\\)\|/g, '\\|');

/** A row of the record, or a group row (which has no grade). */
type TableRow = { title: TextSpan; grade?: Grade | null; range: Range };

/** The lines a row takes in its table, when they are more than its text's: a grid row's border below it, an HTML row's tags. */
export function rowExtent(lines: readonly string[], row: TableRow, tableStart = 0): { first: number; last: number } | null {
  const line = row.title.range.start.line;
  const grid = gridRowAt(lines, line);
  if (grid) return { first: grid.first, last: grid.border };
  return multilineRowAt(lines, line, tableStart) ?? htmlRowAt(lines, line);
}

/**
 * A new row for the record, in the shape of `sample`, a row of the same table: its title and grade (empty for a group
 * row) in the sample's cells. The lines to add, and the lines the sample takes (to add them before or after); null
 * when the sample's shape is one the caller writes itself (a row over several lines of a plain-text table).
 */
export function rowLike(lines: readonly string[], sample: TableRow, title: string, grade: string, tableStart = 0): ShapedRow | null {
  const first = sample.title.range.start.line;
  const grid = gridRowAt(lines, first);
  if (grid) {
    const template = lines[grid.first]!;
    const texts = new Map([[columnAt(template, sample.title.range.start.character), escapePipes(title)]]);
    if (sample.grade) texts.set(columnAt(lines[sample.grade.range.start.line]!, sample.grade.range.start.character), grade);
    const border = lines[grid.border]!;
    return { first: grid.first, after: grid.border, lines: [...gridLines(template, texts, 1), border], spaced: false, border };
  }
  const multiline = multilineRowAt(lines, first, tableStart);
  if (multiline) {
    const { columns, widths } = multiline;
    const titleColumn = multilineColumnAt(columns, sample.title.range.start.character);
    const gradeColumn = sample.grade ? multilineColumnAt(columns, sample.grade.range.start.character) : columns.length - 1;
    // a row whose title and grade share a column is not set out in the table's columns
    if (gradeColumn === titleColumn) return null;
    const texts = new Map([[titleColumn, title], [gradeColumn, grade]]);
    const wrapped = columns.map((_, column) => wrapWords(texts.get(column) ?? '', widths[column]!));
    const height = Math.max(...wrapped.map((pieces) => pieces.length));
    const rowLines = Array.from({ length: height }, (_, index) =>
      columns.reduce((line, start, column) => (wrapped[column]![index] ? line.padEnd(start) + wrapped[column]![index] : line), '').trimEnd(),
    );
    return { first: multiline.first, after: multiline.last, lines: rowLines, spaced: true };
  }
  const html = htmlRowAt(lines, first);
  // a row over several lines of a plain-text table (its title or its grade run on below): the caller writes the row
  if (!html && (sample.title.range.end.line !== first || (sample.grade && sample.grade.range.end.line !== first))) return null;
  // cells without their row's tags: a copy below them would be read as more cells of the same row
  if (html && !(/^\s*<tr\b/i.test(lines[html.first]!) && /<\/tr>/i.test(lines[html.last]!))) return null;
  const from = html?.first ?? first;
  const to = html?.last ?? first;
  const block = lines.slice(from, to + 1);
  // the sample's row number ("| 2.1 | Adoption performance | Good |") is not the new row's: blanked in a pipe row, else the caller writes the row
  const before = block[first - from]!.slice(0, sample.title.range.start.character);
  if (/\d/.test(before)) {
    if (!opensWith(before, '|')) return null;
    block[first - from] = before.replace(/\d/g, ' ').replace(/\.(?=\s)/g, ' ') + block[first - from]!.slice(before.length);
  }
  // the title as the report writes it, markup and all (an HTML row takes it as it is); a pipe row escapes its pipes
  const inPipes = /^\s*\|/.test(block[first - from]!);
  // cells after the grade (a reviewer's column of notes: "see above") are the sample's own: the new row's are empty
  if (!html && sample.grade && sample.grade.range.end.line === first) {
    const line = block[first - from]!;
    const gradeEnd = sample.grade.range.end.character;
    const tail = line.slice(gradeEnd).replace(/[^\t|]+/g, (cell: string, offset: number) => (offset === 0 ? cell : inPipes ? cell.replace(/\S/g, ' ') : ''));
    block[first - from] = line.slice(0, gradeEnd) + tail;
  }
  const replacements: [Range, string][] = [[sample.title.range, inPipes ? escapePipes(title) : title]];
  if (sample.grade) replacements.push([sample.grade.range, grade]);
  // from the end backwards, so that the offsets before each change stay true
  replacements.sort((a, b) => b[0].start.line - a[0].start.line || b[0].start.character - a[0].start.character);
  // (a cell that runs past the row's tags, in a table left half edited, is not one the row can be copied from)
  if (replacements.some(([range]) => range.start.line < from || range.end.line > to)) return null;
  for (const [range, text] of replacements) {
    const startLine = range.start.line - from;
    const endLine = range.end.line - from;
    const head = block[startLine]!.slice(0, range.start.character);
    if (startLine === endLine) {
      const fitted = fitInCell(block[startLine]!, range.start.character, range.end.character, text);
      block[startLine] = head + fitted.text + block[startLine]!.slice(fitted.end);
    } else block.splice(startLine, endLine - startLine + 1, head + text + block[endLine]!.slice(range.end.character));
  }
  // a grade left out of a row of the sample's shape: the group row of a table whose group rows are titles alone
  if (!sample.grade && grade) return null;
  // a group row in a plain-text table: no padding after its title
  return { first: from, after: to, lines: grade || html ? block : block.map((line) => line.replace(/ +$/, '')), spaced: false };
}

const DASH_RULE = /^ *-{3,}(?: +-{3,})* *$/;
const COLUMN_RULE = /^ *-{3,}(?: +-{3,})+ *$/;
const FULL_RULE = /^ *-{3,} *$/;
/** Lines between a multiline table's column rule and the row of a fix, at most: beyond, the row is not looked for. */
const MAX_MULTILINE_TABLE_LINES = 400;

/**
 * The row of pandoc's multiline table holding `line` (its lines run to a blank line or a rule), with the columns the
 * dashes under the table's header mark: where each starts and how wide it is. `tableStart` is the first line of the
 * table as the parser read it.
 */
function multilineRowAt(lines: readonly string[], line: number, tableStart: number): { first: number; last: number; columns: number[]; widths: number[] } | null {
  const table = multilineColumnsAbove(lines, line, tableStart);
  if (!table) return null;
  const { columns } = table;
  // a line of the row: indented as the table is, not a rule, and cut cleanly at the columns' starts
  const inRow = (at: number) => {
    const text = lines[at];
    if (text === undefined || !text.trim() || DASH_RULE.test(text) || /^\s*[|<+]/.test(text)) return false;
    if (text.length - text.trimStart().length < columns[0]!) return false;
    return columns.every((start, column) => column === 0 || start >= text.length || text.charCodeAt(start - 1) === 32);
  };
  if (!inRow(line)) return null;
  let first = line;
  while (line - first < MAX_GRID_ROW_LINES && inRow(first - 1)) first--;
  let last = line;
  while (last - line < MAX_GRID_ROW_LINES && inRow(last + 1)) last++;
  return { first, last, ...table };
}

/** The columns of the multiline table a line below its header belongs to: the dashes under the header. */
function multilineColumnsAbove(lines: readonly string[], line: number, tableStart: number): { columns: number[]; widths: number[] } | null {
  // (only within the table as the parser read it, from `tableStart`: dashes above it are another table's, or a rule)
  for (let at = line - 1; at >= tableStart && line - at <= MAX_MULTILINE_TABLE_LINES; at--) {
    const text = lines[at]!;
    if (FULL_RULE.test(text)) return null;
    if (!COLUMN_RULE.test(text)) continue;
    // a rule of dashes above the header makes the table a multiline one
    let above = at - 1;
    while (above >= 0 && at - above <= 4 && (lines[above] ?? '').trim() && !FULL_RULE.test(lines[above]!)) above--;
    if (above < 0 || !FULL_RULE.test(lines[above]!)) return null;
    const runs = [...text.matchAll(/-+/g)];
    return { columns: runs.map((run) => run.index), widths: runs.map((run) => run[0].length) };
  }
  return null;
}

function multilineColumnAt(columns: number[], character: number): number {
  let column = 0;
  while (column + 1 < columns.length && columns[column + 1]! <= character) column++;
  return column;
}

/** Edits writing the pieces into the column over the row's lines, and lines added to the row when they need more. */
function multilineCellEdits(lines: readonly string[], row: { first: number; last: number; columns: number[] }, column: number, pieces: string[], eol: string): TextEdit[] {
  const start = row.columns[column]!;
  const next = row.columns[column + 1];
  const edits: TextEdit[] = [];
  for (let at = row.first; at <= row.last; at++) {
    const line = lines[at]!;
    const piece = pieces[at - row.first] ?? '';
    const end = next === undefined ? line.length : Math.min(line.length, next);
    const rest = line.slice(end);
    let from = Math.min(start, line.length);
    let newText = (start > line.length ? ' '.repeat(start - line.length) : '') + (rest.trim() && next !== undefined ? piece.padEnd(next - start) : piece);
    // nothing after the cell: no spaces left at the line's end
    if (!rest.trim() && !piece) {
      while (from > 0 && line.charCodeAt(from - 1) === 32) from--;
      newText = '';
    }
    if (line.slice(from, end) !== newText) edits.push({ range: lineSpan(at, from, end), newText });
  }
  const more = pieces.slice(row.last - row.first + 1);
  if (more.length) {
    const end = (lines[row.last] ?? '').length;
    edits.push({ range: lineSpan(row.last, end, end), newText: more.map((piece) => eol + ' '.repeat(start) + piece).join('') });
  }
  return edits;
}

/** The lines of an HTML table's row, from its "<tr>" to its "</tr>", when the line holds one of its cells. */
function htmlRowAt(lines: readonly string[], line: number): { first: number; last: number } | null {
  if (!/^\s*<t[dhr]\b/i.test(lines[line] ?? '')) return null;
  for (let first = line; first >= 0 && line - first < MAX_HTML_ROW_LINES && (lines[first] ?? '').trim(); first--) {
    if (first < line && /<\/tr>/i.test(lines[first] ?? '')) break;
    if (!/^\s*<tr\b/i.test(lines[first] ?? '')) continue;
    const last = htmlRowEnd(lines, first);
    if (last >= line) return { first, last };
    break;
  }
  return { first: line, last: htmlRowEnd(lines, line) };
}

/** The last line of the HTML row starting at `first`: its "</tr>", or its last cell when nothing closes it. */
function htmlRowEnd(lines: readonly string[], first: number): number {
  let last = first;
  let cellOpen = false;
  for (;;) {
    const text = lines[last] ?? '';
    const tags = text.match(/<\/?t[dh]\b/gi);
    if (tags) cellOpen = !tags[tags.length - 1]!.startsWith('</');
    if (/<\/tr>/i.test(text) || last - first >= MAX_HTML_ROW_LINES) return last;
    const next = lines[last + 1];
    // the row goes on with its next cell, its closing tag, or the text of a cell left open
    if (next === undefined || !(cellOpen ? next.trim() : /^\s*<(?:t[dh]\b|\/tr>)/i.test(next))) return last;
    last++;
  }
}
