import type { CompiledFramework } from '../frameworks/compiled';
import type { PartDefinition } from '../frameworks/profile';
import type {
  ActionGroup,
  ActionItem,
  ActionList,
  Contents,
  ContentsEntry,
  Grade,
  RecordGroup,
  RecordOfFindings,
  RecordRow,
  TextSpan,
} from '../model';
import { endsClause, isWhiteSpace, lineRange, range, trimmedSpan, wordCount, type Range, type Span } from '../text';
import { readGrade, readTrailingGrade, type TitledGrade } from './grades';
import { bulletItem, isTableRule, opensWith, isTimescale, Lines, looksLikeFurniture, markdownHeading, numberedLine, proseShaped, ROW_NUMBER_CELL, ROW_NUMBER_PREFIX, tableCells } from './lines';

export function spanOf(lines: Lines, line: number, span: Span): TextSpan {
  return { text: lines.text(line).slice(span.start, span.end), range: lineRange(line, span.start, span.end) };
}

export interface BlockResult<T> {
  block: T;
  /** First line after the block. */
  next: number;
  /** Lines the block owns. */
  lines: number[];
}

const CONTENTS_ENTRY = /^(.*?\S)(?:\t+|(?:\s*[.\u2026\u00b7]){2,}\s*|\s{2,})(\d{1,3})\s*$/;
/**
 * A tab typed by mistake in a paragraph, which makes no row: inside a sentence ("… are committed corporate parents,<TAB>
 * but the board …": the words after it go on in lower case, many of them or after a comma) or between two sentences
 * ("Workforce development is good.<TAB>The council has …"); never before a grade. A paragraph's number before it
 * ("24.<TAB>") is no cell of a row.
 */
export function strayTab(text: string, cells: readonly Span[], framework: CompiledFramework, line: number): boolean {
  // (ruled out before anything is built: a row whose last cell starts with no letter, or with a capital after a cell
  // that ends in no full stop, as a grade after a title does)
  const lastCell = cells[cells.length - 1];
  const lead = lastCell && lastCell.end > lastCell.start ? text.charCodeAt(lastCell.start) : 0;
  const lower = lead >= 97 /* a */ && lead <= 122; /* z */
  if (!lower && (lead < 65 /* A */ || lead > 90 /* Z */)) return false;
  let previous = cells.length - 2;
  while (previous >= 0 && cells[previous]!.end <= cells[previous]!.start) previous--;
  if (previous < 0 || (!lower && !/[.!?]/.test(text.charAt(cells[previous]!.end - 1)))) return false;
  let filled = cells.filter((cell) => cell.end > cell.start);
  if (filled.length === 3 && ROW_NUMBER_CELL.test(text.slice(filled[0]!.start, filled[0]!.end))) filled = filled.slice(1);
  if (filled.length !== 2) return false;
  const [before, after] = filled as [Span, Span];
  const first = text.slice(before.start, before.end);
  const words = text.slice(after.start, after.end);
  const count = words.split(/\s+/).length;
  const goesOn = /^[a-z]/.test(words) && (count >= 5 || /[,;]$/.test(first));
  const nextSentence = /[.!?]$/.test(first) && /^[A-Z]/.test(words) && count >= 5 && first.split(/\s+/).length >= 3;
  if (!goesOn && !nextSentence) return false;
  return !readGrade(text, after.start, after.end, { framework, line, allowLabelOnly: true });
}

/** "Information about this inspection<TAB>TBC": an entry whose page number is still to come ("TBC", "TBA", "xx", "?"). */
const PLACEHOLDER_ENTRY = /^(.*?\S)(?:\t+|(?:\s*[.\u2026\u00b7]){2,}\s*|\s{2,})(?:TBC|TBA|tbc|tba|[xX]{1,3}|\?{1,3})\s*$/;
/** "Being healthy 11": a page number after one space, as text copied from a PDF has it; only read in a run of entries. */
const SPACED_ENTRY = /^(.*?[A-Za-z?)'\u2019])\s(\d{1,3})\s*$/;
/** "| Being healthy | 11 |": an entry of a contents list written as a Markdown table (its outer bars optional). */
const PIPE_ENTRY = /^\s*\|?\s*([^|\s](?:[^|]*[^|\s])?)\s*\|\s*(\d{1,3})\s*\|?\s*$/;
/** A Markdown table's header row without a page number ("| Contents | Page |") or its delimiter row ("|---|--:|"). */
const PIPE_HEADER_ROW = /^\s*\|?\s*[^|\d]*\|\s*[^|\d]*\|?\s*$/;
const PIPE_DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/;
/** Contents entries and table rows are short; longer lines end the block (and keep the regexes linear). */
const MAX_ROW = 400;
const MAX_INTRO_LINES = 2;
const MAX_STRAY = 80;
/** A row's number in a cell of its own before the title: the number, then a column's gap of spaces. */
const NUMBER_CELL_BEFORE = /^\d{1,2}(?:\.\d{1,2})*\.?\s{2,}(?=[A-Za-z])/;
/** Lines below a record row's grade that may hold the rest of its title. */
const MAX_TITLE_LINES_BELOW = 3;
/** Lines a list's introduction may be wrapped over ("12. In order to improve …" / "… take the following action."). */
const MAX_INTRO_WRAP = 5;
/** Blank lines a page break may leave on each side of a stray line. */
const MAX_STRAY_GAP = 2;
/** Lines one row of a grid table may take. */
const MAX_GRID_ROW_LINES = 12;

export function readContents(lines: Lines, headingLine: number, heading: TextSpan): BlockResult<Contents> {
  const entries: ContentsEntry[] = [];
  const owned: number[] = [];
  // (below the heading's last line: a heading may be wrapped over two)
  let last = Math.max(headingLine, heading.range.end.line);
  let index = last + 1;
  while (index < lines.length) {
    const next = lines.nextNonBlank(index);
    if (next < 0) break;
    const text = lines.masked(next);
    const previousPage = entries[entries.length - 1]?.page ?? null;
    // a line that is no entry, pasted or mangled between two entries ("Capacity for improvement<TAB>6 good good …"):
    // the list goes on below it
    const between = previousPage !== null && next === last + 1 && !lines.isBlank(next + 1) && entryFollows(lines, next, previousPage);
    if (text.length > MAX_ROW) {
      if (!between) break;
      index = next + 1;
      continue;
    }
    const piped = text.includes('|');
    // a Markdown table's delimiter row, and its header row before the first entry
    if (piped && (PIPE_DELIMITER_ROW.test(text) || (!entries.length && PIPE_HEADER_ROW.test(text) && pipeTableFollows(lines, next)))) {
      index = next + 1;
      continue;
    }
    const match = (piped ? PIPE_ENTRY.exec(text) : null) ?? CONTENTS_ENTRY.exec(text) ?? spacedEntry(lines, next, text, previousPage);
    // "Information about this inspection<TAB>TBC": a draft's page number still to come
    const placeholder = match ? null : PLACEHOLDER_ENTRY.exec(text);
    if (placeholder?.[1]) {
      const title = trimmedSpan(text, 0, placeholder[1].length);
      entries.push({ title: spanOf(lines, next, title), page: null, range: lineRange(next, title.start, trimmedSpan(text).end) });
      owned.push(next);
      last = next;
      index = next + 1;
      continue;
    }
    const wrapped = match ? null : wrappedEntry(lines, next, text, previousPage);
    if (wrapped) {
      entries.push(wrapped.entry);
      owned.push(next, wrapped.lastLine);
      last = wrapped.lastLine;
      index = wrapped.lastLine + 1;
      continue;
    }
    const titleOnly = !match && entries.every((entry) => entry.page === null) ? pagelessEntry(lines, next, text, entries.length ? last : null) : null;
    if (titleOnly) {
      entries.push({ title: spanOf(lines, next, titleOnly), page: null, range: lineRange(next, titleOnly.start, titleOnly.end) });
      owned.push(next);
      last = next;
      index = next + 1;
      continue;
    }
    if (!match?.[1] || !match[2]) {
      // a page's footer or header left in the list by a PDF ("© Crown copyright 2011"): the entries go on after it
      if (between || (previousPage !== null && isStrayFurniture(text.trim()) && entryFollows(lines, next, previousPage))) {
        index = next + 1;
        continue;
      }
      break;
    }
    const titleStart = match.index + match[0].indexOf(match[1]);
    const title = trimmedSpan(text, titleStart, titleStart + match[1].length);
    const pageStart = text.lastIndexOf(match[2]);
    entries.push({
      title: spanOf(lines, next, title),
      page: Number(match[2]),
      range: lineRange(next, title.start, pageStart + match[2].length),
    });
    owned.push(next);
    last = next;
    index = next + 1;
  }
  const end = lines.text(last).length;
  return {
    block: { heading, entries, range: range(headingLine, heading.range.start.character, last, end) },
    next: last + 1,
    lines: owned,
  };
}

/** A title that ends in a verb of being ("… are", "… remains"): the start of a sentence that states a level, no row's title. */
const STATEMENT_VERB_BEFORE = /\b(?:is|are|was|were|remains?|continues? to be|ha(?:s|ve) been|be)$/i;

/**
 * A contents list without page numbers ("Contents" / "Being healthy" / "Staying safe" …, as a list of titles): a run
 * of two or more short title lines with no blank line between them; `previous` is the entry above, null for the first.
 */
function pagelessEntry(lines: Lines, line: number, text: string, previous: number | null): Span | null {
  if (previous !== null && line !== previous + 1) return null;
  const isTitle = (candidate: string) => {
    const span = trimmedSpan(candidate);
    const content = candidate.slice(span.start, span.end);
    // a title starts with a capital (a line of wrapped prose mostly does not), and ends without a sentence's stop
    return span.end - span.start <= MAX_STRAY && /^[A-Z]/.test(content) && !/[.!:;,]$|\d$|\bgrade\s*\d/i.test(content) && !candidate.includes('\t');
  };
  if (!isTitle(text)) return null;
  // the first title begins a run: the line below it is a title too
  if (previous === null && (line + 1 >= lines.length || lines.isBlank(line + 1) || !isTitle(lines.masked(line + 1)))) return null;
  return trimmedSpan(text);
}

/** Is the next line the delimiter row of a Markdown table, or an entry written as one? */
function pipeTableFollows(lines: Lines, line: number): boolean {
  const next = lines.nextNonBlank(line + 1);
  if (next < 0) return false;
  const text = lines.masked(next);
  return text.length <= MAX_ROW && (PIPE_DELIMITER_ROW.test(text) || PIPE_ENTRY.test(text));
}

/** A short line that is not prose and looks like a page's header or footer: what a page break leaves in a block. */
function isStrayFurniture(content: string): boolean {
  return content.length <= MAX_STRAY && looksLikeFurniture(content) && !proseShaped(content);
}

/** The next line after `line` that is not blank, past at most `gap` blank lines, or -1. */
function nextWithin(lines: Lines, line: number, gap: number): number {
  const next = lines.nextNonBlank(line + 1);
  return next < 0 || next - line > gap + 1 ? -1 : next;
}

/** Is the next line that is not blank, past at most MAX_STRAY_GAP blank lines, a contents entry on the page given or a later one? */
function entryFollows(lines: Lines, line: number, page: number): boolean {
  const next = nextWithin(lines, line, MAX_STRAY_GAP);
  if (next < 0) return false;
  const text = lines.masked(next);
  if (text.length > MAX_ROW) return false;
  const entry = CONTENTS_ENTRY.exec(text);
  return Boolean(entry?.[2] && Number(entry[2]) >= page);
}

/**
 * An entry whose title a narrow page wrapped, its page number at the end of the next line ("The contribution of health
 * agencies to keeping children and young" / "people safe ........ 10"), on a page no earlier than the entry before.
 */
function wrappedEntry(lines: Lines, line: number, text: string, previousPage: number | null): { entry: ContentsEntry; lastLine: number } | null {
  const first = trimmedSpan(text);
  if (first.end - first.start > MAX_STRAY || /[.!?:;]$/.test(text.slice(first.start, first.end)) || /\d\s*$/.test(text)) return null;
  const second = line + 1;
  if (second >= lines.length || lines.isBlank(second)) return null;
  const rest = lines.masked(second);
  if (rest.length > MAX_ROW) return null;
  const match = CONTENTS_ENTRY.exec(rest);
  if (!match?.[1] || !match[2] || (previousPage !== null && Number(match[2]) < previousPage)) return null;
  const restTitle = trimmedSpan(rest, 0, match[1].length);
  const pageStart = rest.lastIndexOf(match[2]);
  const title = `${lines.text(line).slice(first.start, first.end)} ${lines.text(second).slice(restTitle.start, restTitle.end)}`;
  return {
    entry: {
      title: { text: title, range: range(line, first.start, second, restTitle.end) },
      page: Number(match[2]),
      range: range(line, first.start, second, pageStart + match[2].length),
    },
    lastLine: second,
  };
}

/**
 * A contents entry with one space before its page number, taken only where it cannot be a heading that ends in a
 * number: after another entry, with pages in order, or followed by an entry on a later page.
 */
function spacedEntry(lines: Lines, line: number, text: string, previousPage: number | null): RegExpExecArray | null {
  const match = SPACED_ENTRY.exec(text);
  if (!match?.[2] || /^\s*grade$/i.test(match[1] ?? '')) return null;
  const page = Number(match[2]);
  if (previousPage !== null) return page >= previousPage ? match : null;
  const following = lines.nextNonBlank(line + 1);
  if (following < 0) return null;
  const next = lines.masked(following);
  if (next.length > MAX_ROW) return null;
  const after = CONTENTS_ENTRY.exec(next) ?? SPACED_ENTRY.exec(next);
  return after?.[2] && Number(after[2]) >= page ? match : null;
}

export interface RecordContext {
  framework: CompiledFramework;
  partOf(title: string): PartDefinition | null;
  /** Whether a line is a heading of the report (which ends the table). */
  isHeading(text: string): boolean;
}

const HEADER_CELL = /^(?:judgements?|grades?|aspects?|areas?|inspection judgements?|outcomes?|ratings?|findings?|judgement grade|notes?|comments?|commentary)$/i;
/** A header word, then the spaces of an aligned column. */
const SPACED_HEADER_START = /^\s*(?:judgements?|grades?|aspects?|areas?|outcomes?|ratings?|findings?)\s{2,}/i;
/** The letters HEADER_CELL's words start with. */
const HEADER_INITIALS = 'jgaiorfncJGAIORFNC';

/** "1. Children who need help and protection Inadequate": a numbered row of a summary table whose cells lost their tab. */
export function readNumberedRow(text: string, span: Span, framework: CompiledFramework, line: number, titleMayGoOn = false): TitledGrade | null {
  const rowNumber = ROW_NUMBER_PREFIX.exec(text.slice(span.start, span.end));
  if (!rowNumber) return null;
  const row = readTrailingGrade(text, span.start + rowNumber[0].length, span.end, { framework, line, allowLabelOnly: true });
  if (!row?.grade.level) return null;
  const title = text.slice(row.title.start, row.title.end);
  // in a record, a title a narrow column wrapped may go on below its grade (see titleGoesOnBelow)
  return framework.matchTitle(title)?.kind === 'judgement' || (titleMayGoOn && framework.isTitleStart(title)) ? row : null;
}

/** "Judgement Grade" as a line of its own: a table's header row whose cells lost their tab. */
export function isSpacedHeaderRow(text: string): boolean {
  if (!opensWith(text, HEADER_INITIALS)) return false;
  // its cells may be set apart by many spaces, in columns aligned with the rows below: a longer line must open with a
  // header word and a run of spaces (most lines are prose, turned away at their first word)
  if (text.length > 40 && (text.length > MAX_ROW || !SPACED_HEADER_START.test(text))) return false;
  if (wordCount(text) !== 2) return false;
  return text.trim().split(/\s+/).every((word) => HEADER_CELL.test(word));
}

/** The start of a label broken over lines ("Requires" of "Requires improvement to be good"), and nothing else. */
function isLabelStartOnly(framework: CompiledFramework, content: string): boolean {
  return content.length <= 40 && framework.isLabelStart(content);
}

export function isHeaderRow(text: string, cells: Span[]): boolean {
  const filled = cells.filter((cell) => cell.end > cell.start);
  return filled.length >= 2 && filled.every((cell) => HEADER_CELL.test(text.slice(cell.start, cell.end)));
}

/** Pieces of one cell or title broken over several lines by PDF extraction. */
interface Pieces {
  parts: { line: number; start: number; end: number; text: string }[];
}

/** The smallest range holding both. */
function covering(a: Range, b: Range): Range {
  const start = a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character <= b.start.character) ? a.start : b.start;
  const end = a.end.line > b.end.line || (a.end.line === b.end.line && a.end.character >= b.end.character) ? a.end : b.end;
  return { start, end };
}

function piecesSpan(pieces: Pieces): TextSpan {
  const first = pieces.parts[0]!;
  const last = pieces.parts[pieces.parts.length - 1]!;
  return { text: pieces.parts.map((part) => part.text).join(' '), range: range(first.line, first.start, last.line, last.end) };
}

/**
 * The record of main findings, or a summary table of judgements, from `start` on. Rows are
 * "title<TAB>grade" (or Markdown pipes); a title with an empty grade cell is a group row. Text extracted
 * from PDFs breaks titles and labels over lines ("The impact of leaders … with" / "children and families" /
 * "<TAB>Requires improvement" / "to be good"): the pieces are joined back into one row.
 */
export function readRecord(lines: Lines, start: number, heading: TextSpan | null, ctx: RecordContext): BlockResult<RecordOfFindings> {
  const groups: RecordGroup[] = [];
  const rows: RecordRow[] = [];
  const owned: number[] = [];
  let group: RecordGroup | null = null;
  let part: PartDefinition | null = null;
  let last = start - 1;
  let index = start;
  let pending: Pieces | null = null;
  let introLines = 0;
  /** Where a multiline table's columns start, once the dashes under its header are read. */
  let columns: number[] | null = null;
  const framework = ctx.framework;
  const isGroupTitle = (title: string) => ctx.partOf(title) !== null || framework.matchTitle(title)?.kind === 'group';
  // "The table below sets out ...": a line or two of prose may come between the heading and the first row
  const mayBeIntro = () => heading !== null && rows.length === 0 && groups.length === 0 && !pending && introLines++ < MAX_INTRO_LINES;

  const addRow = (title: TextSpan, grade: Grade | null, rowRange: Range): RecordRow | null => {
    if (!grade) {
      part = ctx.partOf(title.text) ?? part;
      group = { title, part, rows: [], range: rowRange };
      groups.push(group);
      return null;
    }
    const role = framework.matchTitle(title.text);
    // the row takes all of its cells: a title a column wrapped can end below its grade
    const row: RecordRow = { title, grade, group, part, definition: role?.kind === 'judgement' ? role.definition : null, range: covering(rowRange, title.range) };
    group?.rows.push(row);
    rows.push(row);
    return row;
  };

  /**
   * "The contribution of health agencies to<SPACES>Good" / "keeping children and young people safe": a title that a
   * narrow column wrapped below its grade (pdftotext's layout of a table whose cells are top-aligned). The lines below
   * join the title while they have no second cell and the title they make starts a judgement's, and only when it
   * ends as one (the judgement the row's first line already named, if it named one: "Making a positive contribution,"
   * over "including user engagement").
   */
  const titleGoesOnBelow = (row: RecordRow | null): number => {
    const end = row?.range.end.line ?? -1;
    if (!row || row.title.range.end.line !== row.title.range.start.line) return end;
    const pieces: Pieces = { parts: [{ line: row.title.range.start.line, start: row.title.range.start.character, end: row.title.range.end.character, text: row.title.text }] };
    for (let at = end + 1; at < lines.length && at <= end + MAX_TITLE_LINES_BELOW && !lines.isBlank(at); at++) {
      const text = lines.masked(at);
      if (text.length > MAX_ROW || text.includes('\t') || text.includes('|')) return end;
      const span = trimmedSpan(text);
      const content = text.slice(span.start, span.end);
      // words only: not a rule or a border, not a second cell set off by spaces, not a sentence
      if (!/^[A-Za-z]/.test(content) || /\s{2}/.test(content) || /[.!?]$/.test(content)) return end;
      pieces.parts.push({ line: at, start: span.start, end: span.end, text: lines.text(at).slice(span.start, span.end) });
      const title = piecesSpan(pieces);
      // the words must go on with a judgement's title as the framework writes it, not run into the next row
      if (!framework.isTitleStart(title.text)) return end;
      const role = framework.matchTitle(title.text);
      // a title that already names a judgement goes on only with the rest of that judgement's title
      if (role?.kind === 'judgement' && (!row.definition || role.definition === row.definition)) {
        row.title = title;
        row.definition = role.definition;
        row.range = range(row.range.start.line, row.range.start.character, at, span.end);
        return at;
      }
    }
    return end;
  };

  /** A grade cell, extended over the lines below while they continue a label ("Requires" / "improvement to be" / "good"). */
  const gradeCell = (line: number, cell: Span): { grade: Grade; lastLine: number } => {
    const text = lines.masked(line);
    let label = text.slice(cell.start, cell.end);
    let endLine = line;
    let endChar = cell.end;
    while (endLine + 1 < lines.length && !lines.isBlank(endLine + 1)) {
      const next = lines.masked(endLine + 1);
      // the rest of the label may sit in the grade column ("<TAB>improvement to be good"), never in a row of its own
      if (next.includes('\t') && !/^[ \t]*\t[^\t]*$/.test(next)) break;
      const nextSpan = trimmedSpan(next);
      const joined = `${label} ${next.slice(nextSpan.start, nextSpan.end)}`;
      if (!framework.isLabelStart(joined)) break;
      label = joined;
      endLine++;
      endChar = nextSpan.end;
    }
    if (endLine === line) {
      const grade = readGrade(text, cell.start, cell.end, { framework, line, allowLabelOnly: true }) ?? unreadGrade(lines, line, cell, framework);
      return { grade, lastLine: line };
    }
    return { grade: labelOverLines(framework, label, range(line, cell.start, endLine, endChar)), lastLine: endLine };
  };

  /** A row from its title's pieces and its grade cell at `line`; reading goes on after the cell's last line. */
  const gradedRow = (titlePieces: Pieces, line: number, cell: Span) => {
    const { grade, lastLine: gradeEnd } = gradeCell(line, cell);
    const title = piecesSpan(titlePieces);
    const row = addRow(title, grade, range(title.range.start.line, title.range.start.character, grade.range.end.line, grade.range.end.character));
    const lastLine = Math.max(gradeEnd, titleGoesOnBelow(row));
    for (const part of titlePieces.parts) owned.push(part.line);
    for (let covered = line; covered <= lastLine; covered++) owned.push(covered);
    last = lastLine;
    index = lastLine + 1;
    pending = null;
  };

  /** A row whose title and grade are on one line, and any rest of its title below it; reading goes on after. */
  const lineRow = (line: number, title: TextSpan, grade: Grade, rowRange: Range) => {
    const lastLine = Math.max(line, titleGoesOnBelow(addRow(title, grade, rowRange)));
    for (let covered = line; covered <= lastLine; covered++) owned.push(covered);
    last = lastLine;
    index = lastLine + 1;
  };

  /** A row from the pieces of its cells, over lines `line` to `lastLine`: a number cell, the title, …, the grade. */
  const piecesRow = (columns: Pieces[], line: number, lastLine: number) => {
    for (let at = line; at <= lastLine; at++) owned.push(at);
    last = lastLine;
    index = lastLine + 1;
    const filled = columns.filter((pieces) => pieces.parts.length > 0);
    if (!filled.length || filled.every((pieces) => HEADER_CELL.test(piecesSpan(pieces).text))) return;
    const numbered = filled.length >= 3 && filled[0]!.parts.length === 1 && ROW_NUMBER_CELL.test(filled[0]!.parts[0]!.text);
    const title = piecesSpan(numbered ? filled[1]! : filled[0]!);
    const gradePieces = filled.length >= 2 ? filled[filled.length - 1]! : null;
    if (!gradePieces) {
      addRow(title, null, title.range);
      return;
    }
    const cell = gradePieces.parts[0]!;
    const grade =
      gradePieces.parts.length === 1
        ? (readGrade(lines.masked(cell.line), cell.start, cell.end, { framework, line: cell.line, allowLabelOnly: true }) ?? unreadGrade(lines, cell.line, cell, framework))
        : gradeOverPieces(lines, gradePieces, framework);
    addRow(title, grade, range(title.range.start.line, title.range.start.character, grade.range.end.line, grade.range.end.character));
  };

  while (index < lines.length) {
    const line = lines.nextNonBlank(index);
    if (line < 0) break;
    const text = lines.masked(line);
    if (text.length > MAX_ROW && !longRow(text, rows.length + groups.length)) {
      if (!mayBeIntro()) break;
      index = line + 1;
      continue;
    }
    index = line + 1;
    if (isTableRule(text)) {
      owned.push(line);
      last = line;
      columns = multilineColumns(lines, line) ?? columns;
      continue;
    }
    const columnRow = columns && !pending ? multilineRow(lines, line, columns) : null;
    if (columnRow) {
      piecesRow(columnRow.cells, line, columnRow.lastLine);
      continue;
    }
    const htmlRow = pending ? null : htmlRowCells(lines, line);
    if (htmlRow) {
      piecesRow(htmlRow.cells, line, htmlRow.lastLine);
      continue;
    }
    const cells = tableCells(text);
    if (isHeaderRow(text, cells) || (rows.length === 0 && isSpacedHeaderRow(text))) {
      owned.push(line);
      last = line;
      continue;
    }
    const leadingTab = /^\s*\t/.test(text) && !text.trim().includes('\t');
    const span = trimmedSpan(text);
    const content = text.slice(span.start, span.end);
    // "Safeguarding outcomes for children and" / "young people": a group row's title wrapped, ended by a row that
    // does not go on with it
    const pendingTitle = pending ? piecesSpan(pending) : null;
    if (pending && pendingTitle && isGroupTitle(pendingTitle.text) && !framework.isTitleStart(`${pendingTitle.text} ${content}`)) {
      addRow(pendingTitle, null, pendingTitle.range);
      for (const piece of pending.parts) owned.push(piece.line);
      last = pending.parts[pending.parts.length - 1]!.line;
      pending = null;
    }

    // "<TAB>Inadequate" under a title broken over lines; from a PDF, the grade may stand on its own line without the tab
    // (a grade standing alone comes straight below its title, not after a blank line: that is a heading and its grade)
    const belowPending = pending !== null && line === pending.parts[pending.parts.length - 1]!.line + 1;
    if (pending && (leadingTab || (belowPending && (readGrade(text, span.start, span.end, { framework, line, allowLabelOnly: true })?.level || isLabelStartOnly(framework, content))))) {
      gradedRow(pending, line, span);
      continue;
    }
    // A tab Word left after a line makes a cell of its own, as a group's row has ("Safeguarding services<TAB>"); but
    // below the table, a heading ("Contents<TAB>") ends it, and a sentence is no row
    const titleAlone = cells.length >= 2 && !pending && cells.filter((cell) => cell.end > cell.start).length === 1;
    if (titleAlone && ctx.isHeading(content) && !isGroupTitle(content)) break;
    if (strayTab(text, cells, framework, line)) break;
    const rowCells = titleAlone && /[.!]$/.test(content) ? [] : cells;
    const gridLines = rowCells.length >= 2 && !pending ? gridRowLines(lines, line, rowCells.length) : 1;
    if (gridLines > 1) {
      piecesRow(gridColumns(lines, line, gridLines), line, line + gridLines - 1);
      continue;
    }
    if (rowCells.length >= 2) {
      const filled = rowCells.filter((cell, i, all) => cell.end > cell.start || i === all.length - 1);
      // "Good<TAB>": a tab after the grade cell leaves an empty cell, which is not the row's grade
      const beforeEmpty = filled.length >= 3 && filled[filled.length - 1]!.end === filled[filled.length - 1]!.start ? filled[filled.length - 2]! : null;
      if (beforeEmpty && readGrade(text, beforeEmpty.start, beforeEmpty.end, { framework, line, allowLabelOnly: true })) filled.pop();
      // "| 2.1 | Adoption performance | Good |": a number cell before the title
      const first = ROW_NUMBER_CELL.test(text.slice(filled[0]!.start, filled[0]!.end)) && filled.length >= 3 ? filled[1]! : filled[0]!;
      const gradeSpan = filled.length >= 2 ? gradeCellOf(text, filled, first, framework, line) : null;
      const titlePieces: Pieces = pending ?? { parts: [] };
      // "2.1 Adoption performance": the row's number is not part of its title
      const numbered = titlePieces.parts.length ? null : ROW_NUMBER_PREFIX.exec(text.slice(first.start, first.end));
      const titleStart = first.start + (numbered ? numbered[0].length : 0);
      titlePieces.parts.push({ line, start: titleStart, end: first.end, text: lines.text(line).slice(titleStart, first.end) });
      const title = piecesSpan(titlePieces);
      if (!gradeSpan || gradeSpan.end <= gradeSpan.start) {
        addRow(title, null, range(title.range.start.line, title.range.start.character, line, span.end));
        for (const part of titlePieces.parts) owned.push(part.line);
        last = line;
        pending = null;
        continue;
      }
      gradedRow(titlePieces, line, gradeSpan);
      continue;
    }
    const numberedRow = pending ? null : readNumberedRow(text, span, framework, line, true);
    if (numberedRow) {
      lineRow(line, spanOf(lines, line, numberedRow.title), numberedRow.grade, lineRange(line, numberedRow.title.start, span.end));
      continue;
    }
    // a Markdown heading ends the table, whatever its words
    if (markdownHeading(text)) break;
    const joinedTitle = pending ? `${piecesSpan(pending).text} ${content}` : content;
    // a title that ends in a question mark ("How good are outcomes … care leavers?") still ends as a title
    const continuesTitle = framework.isTitleStart(joinedTitle) && (!/[.!?]$/.test(content) || (pending !== null && isGroupTitle(joinedTitle)));
    if (!continuesTitle && (ctx.isHeading(content) || markdownHeading(text) || numberedLine(lines.text(line)))) break;
    const fused = readTrailingGrade(text, span.start, span.end, { framework, line, allowLabelOnly: true });
    // "Children's services in X are good" below the table: a sentence that states a level, not a row whose tab was lost
    if (fused && !pending && STATEMENT_VERB_BEFORE.test(text.slice(fused.title.start, fused.title.end))) break;
    if (fused && !pending) {
      // "2.1   Adoption performance   Outstanding" (columns apart by spaces, or an HTML row's tags masked): a number
      // cell before the title is the row's number, not part of its title, whatever the title
      const numberCell = NUMBER_CELL_BEFORE.exec(text.slice(fused.title.start, fused.title.end));
      const title = numberCell ? { start: fused.title.start + numberCell[0].length, end: fused.title.end } : fused.title;
      lineRow(line, spanOf(lines, line, title), fused.grade, lineRange(line, title.start, span.end));
      continue;
    }
    if (!pending && (ctx.partOf(content) || framework.matchTitle(content)?.kind === 'group')) {
      addRow(spanOf(lines, line, span), null, lineRange(line, span.start, span.end));
      owned.push(line);
      last = line;
      continue;
    }
    // a piece of a title broken over lines: it must start (or go on with) a judgement's title
    if (continuesTitle) {
      pending ??= { parts: [] };
      pending.parts.push({ line, start: span.start, end: span.end, text: lines.text(line).slice(span.start, span.end) });
      continue;
    }
    // "Services for looked after children and young people" over rows typed without their tabs: a group row
    if (!pending && content.length <= MAX_STRAY && !proseShaped(content) && !/[.!?]$/.test(content) && untabbedRowFollows(lines, line, framework)) {
      addRow(spanOf(lines, line, span), null, lineRange(line, span.start, span.end));
      owned.push(line);
      last = line;
      continue;
    }
    // and the same title wrapped by a narrow column ("Services for looked after children and" / "young people")
    const rest = !pending && content.length <= MAX_STRAY && !/[.!?]$/.test(content) ? wrappedGroupTitle(lines, line, framework) : null;
    if (rest) {
      const title = piecesSpan({ parts: [{ line, start: span.start, end: span.end, text: lines.text(line).slice(span.start, span.end) }, rest] });
      if (!proseShaped(title.text)) {
        addRow(title, null, title.range);
        owned.push(line, rest.line);
        last = rest.line;
        index = rest.line + 1;
        continue;
      }
    }
    if (proseShaped(content) && mayBeIntro()) continue;
    // a stray line inside the table ("© Crown copyright 2011" from a page break): the rows go on below it. Right
    // between two rows, any short line that is not prose; with blank lines around it (a heading has them too), or
    // between the heading and the first row, only one that looks like a page's furniture
    if (!pending && content.length <= MAX_STRAY && !proseShaped(content)) {
      const between = rows.length + groups.length > 0;
      if (between && line === last + 1 && rowFollows(lines, line, 0)) continue;
      if (isStrayFurniture(content) && rowFollows(lines, line, MAX_STRAY_GAP) && (between ? line - last <= MAX_STRAY_GAP + 1 : mayBeIntro())) continue;
    }
    break;
  }
  const from = heading ? heading.range.start : { line: start, character: 0 };
  // the block holds its heading whole, a heading wrapped over two lines too
  const lastLine = Math.max(last, from.line, heading?.range.end.line ?? -1);
  const end = lastLine >= 0 ? lines.text(lastLine).length : 0;
  return {
    block: { heading, range: range(from.line, from.character, lastLine, end), groups, rows },
    next: Math.max(last + 1, start),
    lines: owned,
  };
}

/**
 * How many lines the row at `line` takes: more than one when it follows a grid table's border ("+-----+-----+") and
 * pipe rows with as many cells as it follow it straight up to the next border, the rest of its cells.
 */
function gridRowLines(lines: Lines, line: number, cells: number): number {
  if (!opensWith(lines.masked(line), '|') || line === 0 || !opensWith(lines.masked(line - 1), '+') || !isTableRule(lines.masked(line - 1))) return 1;
  for (let next = line + 1; next < lines.length && next - line <= MAX_GRID_ROW_LINES; next++) {
    const text = lines.masked(next);
    if (opensWith(text, '+')) return isTableRule(text) ? next - line : 1;
    if (!opensWith(text, '|') || text.length > MAX_ROW || isTableRule(text) || tableCells(text).length !== cells) return 1;
  }
  return 1;
}

/**
 * Where the columns of pandoc's multiline table start: the dashes under its header ("---------- -------"), when a
 * rule of dashes stands above the header. Its rows run over lines, each cell within its column, and a blank line
 * sets them apart.
 */
function multilineColumns(lines: Lines, ruleLine: number): number[] | null {
  const rule = lines.masked(ruleLine);
  if (!/^ *-{3,}(?: +-{3,})+ *$/.test(rule)) return null;
  for (let above = ruleLine - 1; above >= 0 && ruleLine - above <= MAX_HEADER_LINES + 1 && !lines.isBlank(above); above--) {
    if (/^ *-{3,} *$/.test(lines.masked(above))) return [...rule.matchAll(/-+/g)].map((run) => run.index);
  }
  return null;
}

/** Lines a multiline table's header may take. */
const MAX_HEADER_LINES = 3;

/** A multiline table's row from `line` to a blank line or a rule, each line cut at the columns; null when text runs across a column's start. */
function multilineRow(lines: Lines, line: number, columns: number[]): { cells: Pieces[]; lastLine: number } | null {
  // a line of the row: indented as the table is, cut cleanly at the columns' starts; pipes, tags and rules are other rows' or the table's end
  const inRow = (at: number) => {
    if (at >= lines.length || lines.isBlank(at)) return false;
    const text = lines.masked(at);
    if (isTableRule(text) || /^\s*[|<+]/.test(lines.text(at)) || text.length - text.trimStart().length < columns[0]!) return false;
    return columns.every((start, column) => column === 0 || start >= text.length || isWhiteSpace(text.charCodeAt(start - 1)));
  };
  if (!inRow(line)) return null;
  let lastLine = line;
  while (lastLine - line < MAX_GRID_ROW_LINES && inRow(lastLine + 1)) lastLine++;
  const cells: Pieces[] = columns.map(() => ({ parts: [] }));
  for (let at = line; at <= lastLine; at++) {
    const text = lines.masked(at);
    for (let column = 0; column < columns.length; column++) {
      const from = column === 0 ? 0 : columns[column]!;
      if (from >= text.length) break;
      const span = trimmedSpan(text, from, Math.min(columns[column + 1] ?? text.length, text.length));
      if (span.end > span.start) cells[column]!.parts.push({ line: at, start: span.start, end: span.end, text: lines.text(at).slice(span.start, span.end) });
    }
  }
  return { cells, lastLine };
}

/** The pieces of each column of a grid table's row over `count` lines. */
function gridColumns(lines: Lines, line: number, count: number): Pieces[] {
  const columns: Pieces[] = [];
  for (let at = line; at < line + count; at++) {
    tableCells(lines.masked(at)).forEach((cell, column) => {
      const pieces = (columns[column] ??= { parts: [] });
      if (cell.end > cell.start) pieces.parts.push({ line: at, start: cell.start, end: cell.end, text: lines.text(at).slice(cell.start, cell.end) });
    });
  }
  return columns;
}

const HTML_CELL_TAG = /<(\/?)t([dh])\b[^>\n]{0,40}>/gi;
/** Lines an HTML table's row may take, its cells one to a line ("<td>Overall effectiveness</td>" / "<td>Good</td>"). */
const MAX_HTML_ROW_LINES = 24;

/**
 * An HTML table's row whose cells start a line ("<td>Overall effectiveness</td>"), as pandoc writes them, one to a
 * line, a cell's text perhaps wrapped over lines: the pieces of each cell, to the line closing the row ("</tr>"). A
 * row on one line ("<tr><td>…</td><td>Good</td></tr>") needs none of this: its masked tags leave its cells apart.
 */
function htmlRowCells(lines: Lines, line: number): { cells: Pieces[]; lastLine: number } | null {
  if (!opensWith(lines.text(line), '<') || !/^\s*<t[dh]\b/i.test(lines.text(line))) return null;
  const cells: Pieces[] = [];
  let open: Pieces | null = null;
  let lastLine = line;
  for (let at = line; at < lines.length && at - line < MAX_HTML_ROW_LINES; at++) {
    const raw = lines.text(at);
    // the row ends where a line neither starts a cell nor goes on with an open one
    if (at > line && (!raw.trim() || (!open && !/^\s*<(?:t[dh]\b|\/tr>)/i.test(raw)))) break;
    const masked = lines.masked(at);
    const addPiece = (from: number, to: number) => {
      const span = trimmedSpan(masked, from, to);
      if (open && span.end > span.start) open.parts.push({ line: at, start: span.start, end: span.end, text: raw.slice(span.start, span.end) });
    };
    let cursor = 0;
    HTML_CELL_TAG.lastIndex = 0;
    for (let tag = HTML_CELL_TAG.exec(raw); tag; tag = HTML_CELL_TAG.exec(raw)) {
      addPiece(cursor, tag.index);
      open = tag[1] ? null : { parts: [] };
      if (open) cells.push(open);
      cursor = tag.index + tag[0].length;
    }
    addPiece(cursor, raw.length);
    lastLine = at;
    if (/<\/tr>/i.test(raw)) break;
  }
  return cells.length ? { cells, lastLine } : null;
}

/** "<th>Judgement</th>" / "<th>Grade</th>": the header of an HTML table of judgements, cells one to a line; its first cell. */
export function htmlHeaderRow(lines: Lines, line: number): TextSpan | null {
  const filled = htmlRowCells(lines, line)?.cells.filter((pieces) => pieces.parts.length > 0) ?? [];
  if (filled.length < 2 || !filled.every((pieces) => HEADER_CELL.test(piecesSpan(pieces).text))) return null;
  return piecesSpan(filled[0]!);
}

/**
 * A grade whose cell runs over lines ("Adequate" / "(Grade 3)"), read as its pieces joined by spaces, its ranges
 * pointing back into the pieces; a label the scale does not know when it reads as no grade.
 */
function gradeOverPieces(lines: Lines, pieces: Pieces, framework: CompiledFramework): Grade {
  const whole = piecesSpan(pieces);
  const joined = pieces.parts.map((part) => lines.masked(part.line).slice(part.start, part.end)).join(' ');
  const read = readGrade(joined, 0, joined.length, { framework, line: 0, allowLabelOnly: true });
  if (!read) return labelOverLines(framework, whole.text, whole.range);
  // an offset into the joined text, as a position in the piece it falls in (an end at a piece's end stays there)
  const at = (offset: number, isEnd: boolean) => {
    let start = 0;
    for (const part of pieces.parts) {
      const length = part.end - part.start;
      if (offset < start + length || (isEnd && offset === start + length)) return { line: part.line, character: part.start + offset - start };
      start += length + 1;
    }
    return whole.range.end;
  };
  const mapped = (inJoined: Range): Range => ({ start: at(inJoined.start.character, false), end: at(inJoined.end.character, true) });
  return {
    ...read,
    text: whole.text.slice(read.range.start.character, read.range.end.character),
    range: mapped(read.range),
    number: read.number && { ...read.number, range: mapped(read.number.range) },
    label: read.label && { ...read.label, range: mapped(read.label.range) },
  };
}

/** A label read over several lines ("Requires improvement" / "to be good"). */
function labelOverLines(framework: CompiledFramework, label: string, labelRange: Range): Grade {
  const level = framework.levelForLabel(label);
  return { text: label, range: labelRange, number: null, label: { text: label, range: labelRange, level }, level, numberLevel: null, style: 'label' };
}

/** Is the next line that is not blank, past at most `gap` blank lines, a table row? */
function rowFollows(lines: Lines, line: number, gap: number): boolean {
  const next = nextWithin(lines, line, gap);
  if (next < 0) return false;
  const text = lines.masked(next);
  if (text.length > MAX_ROW) return false;
  if (opensWith(text, '|')) return tableCells(text).length >= 2;
  const tab = text.indexOf('\t');
  return tab > 0 && text.slice(0, tab).trim().length > 0;
}

/** The rest of a group row's title on the next line: a few words in lower case, over a row typed without its tab. */
function wrappedGroupTitle(lines: Lines, line: number, framework: CompiledFramework): { line: number; start: number; end: number; text: string } | null {
  const next = line + 1;
  if (next >= lines.length || lines.isBlank(next)) return null;
  const text = lines.masked(next);
  if (text.includes('\t') || text.length > MAX_STRAY) return null;
  const span = trimmedSpan(text);
  const content = text.slice(span.start, span.end);
  if (!/^[a-z]/.test(content) || /[.!?:]$/.test(content) || /\s{2}/.test(content) || !untabbedRowFollows(lines, next, framework)) return null;
  return { line: next, start: span.start, end: span.end, text: lines.text(next).slice(span.start, span.end) };
}

/** Is the very next line a row that lost its tab ("Overall effectiveness    Adequate")? */
function untabbedRowFollows(lines: Lines, line: number, framework: CompiledFramework): boolean {
  if (line + 1 >= lines.length || lines.isBlank(line + 1)) return false;
  const text = lines.masked(line + 1);
  if (text.length > MAX_ROW || text.includes('\t')) return false;
  const span = trimmedSpan(text);
  return readTrailingGrade(text, span.start, span.end, { framework, line: line + 1, allowLabelOnly: true })?.grade.level != null;
}

/**
 * Does the line go on with the list item above it? Indented or in lower case, or, after a line cut short of its
 * sentence's end by a hard wrap, any line but a heading or a timescale ("… develop the role of the Children in Care" /
 * "Council as part of …").
 */
function continuesItem(lines: Lines, line: number, isHeading: (text: string) => boolean): boolean {
  if (lines.isBlank(line)) return false;
  const text = lines.text(line);
  if (bulletItem(text)) return false;
  if (/^\s+\S|^[a-z]/.test(text)) return true;
  if (endsClause(lines.text(line - 1))) return false;
  const content = lines.masked(line).trim();
  return !isTimescale(content) && !isHeading(content) && !markdownHeading(text) && !numberedLine(text);
}

/** A list item wrapped onto the line: its text and range go on to that line's end. */
function extendItem(lines: Lines, item: ActionItem, line: number): void {
  const more = trimmedSpan(lines.text(line));
  item.text += ' ' + lines.text(line).slice(more.start, more.end);
  item.range = range(item.range.start.line, item.range.start.character, line, more.end);
}

/** The last line of the paragraph starting at `line`, hard-wrapped over a few lines, that introduces a list. */
function paragraphEnd(lines: Lines, line: number): number {
  let end = line;
  while (end - line < MAX_INTRO_WRAP && end + 1 < lines.length && !lines.isBlank(end + 1)) {
    const next = lines.text(end + 1);
    if (bulletItem(next) || isTimescale(lines.masked(end + 1).trim()) || numberedLine(next)) break;
    end++;
  }
  return end;
}

/** A row of a table already begun whose grade cell runs on ("Good good good ..."): read, so the cell can be reported. */
function longRow(text: string, rowsSoFar: number): boolean {
  const tab = text.indexOf('\t');
  return rowsSoFar > 0 && tab > 0 && tab < MAX_ROW && !text.includes('\t', tab + 1);
}

/**
 * A row's grade cell: its last, unless that holds no grade and a cell between it and the title does ("Overall
 * effectiveness | Adequate | See paragraph 11": a column of notes after the grades).
 */
export function gradeCellOf(text: string, filled: readonly Span[], title: Span, framework: CompiledFramework, line: number): Span {
  const last = filled[filled.length - 1] as Span;
  if (filled.length < 3 || last.end <= last.start) return last;
  const ctx = { framework, line, allowLabelOnly: true };
  if (readGrade(text, last.start, last.end, ctx)) return last;
  for (let index = 0; index < filled.length - 1; index++) {
    const cell = filled[index] as Span;
    if (cell.start >= title.end && readGrade(text, cell.start, cell.end, ctx)?.level) return cell;
  }
  return last;
}

/** A grade cell that names no level of the scale ("Very good"): kept, so that it can be reported. */
function unreadGrade(lines: Lines, line: number, cell: Span, framework: CompiledFramework): Grade {
  const text = lines.text(line).slice(cell.start, cell.end);
  const rangeOf = lineRange(line, cell.start, cell.end);
  return {
    text,
    range: rangeOf,
    number: null,
    label: { text, range: rangeOf, level: framework.levelForLabel(text) },
    level: framework.levelForLabel(text),
    numberLevel: null,
    style: 'label',
  };
}

/** Areas for development / improvement: timescale sub-lists and their items. */
export function readActionList(
  lines: Lines,
  start: number,
  heading: TextSpan | null,
  allowNumbered: boolean,
  isHeading: (text: string) => boolean,
): BlockResult<ActionList> {
  const groups: ActionGroup[] = [];
  const owned: number[] = [];
  let group: ActionGroup | null = null;
  let items = 0;
  let last = start;
  let index = heading ? start + 1 : start;

  const itemAt = (line: number, span: Span): ActionItem => spanOf(lines, line, span);
  const ensureGroup = () => {
    if (!group) {
      group = { timescale: null, items: [] };
      groups.push(group);
    }
    return group;
  };

  while (index < lines.length) {
    const line = lines.nextNonBlank(index);
    if (line < 0) break;
    const raw = lines.text(line);
    const text = lines.masked(line);
    const trimmed = trimmedSpan(text);
    const content = text.slice(trimmed.start, trimmed.end);
    if (isTimescale(content)) {
      group = { timescale: spanOf(lines, line, trimmed), items: [] };
      groups.push(group);
      owned.push(line);
      last = line;
      index = line + 1;
      continue;
    }
    const bullet = bulletItem(raw);
    let numbered = allowNumbered ? numberedLine(raw) : null;
    // "2. Enjoying and achieving": a numbered heading below the list ends it
    if (numbered && isHeading(raw.slice(numbered.textStart).trim())) numbered = null;
    if (bullet || (numbered && raw.length < 400)) {
      const span = bullet ?? trimmedSpan(raw, numbered?.textStart ?? 0);
      const item = itemAt(line, span);
      // a wrapped item continues on lines that are neither items nor blank
      let continuation = line + 1;
      while (continuation < lines.length && continuesItem(lines, continuation, isHeading)) {
        extendItem(lines, item, continuation);
        owned.push(continuation);
        continuation++;
      }
      ensureGroup().items.push(item);
      items++;
      owned.push(line);
      for (let covered = line + 1; covered < continuation; covered++) last = covered;
      last = Math.max(last, line);
      index = continuation;
      continue;
    }
    // a page's header or footer left between the heading and the items, or between two items: the list goes on
    if (isStrayFurniture(content)) {
      const after = nextWithin(lines, line, MAX_STRAY_GAP);
      if (after >= 0 && (bulletItem(lines.text(after)) || isTimescale(lines.masked(after).trim()))) {
        index = line + 1;
        continue;
      }
    }
    // A line without a bullet belongs to the list when it introduces timescales ("16. In order to improve …")
    // or is an unbulleted first item followed by bulleted ones.
    if (items === 0 && !markdownHeading(text) && !isHeading(content) && (!group || (group as ActionGroup).items.length === 0)) {
      const introEnd = paragraphEnd(lines, line);
      const afterIntro = lines.nextNonBlank(introEnd + 1);
      if (afterIntro >= 0 && isTimescale(lines.masked(afterIntro).trim())) {
        for (let covered = line; covered <= introEnd; covered++) owned.push(covered);
        last = introEnd;
        index = introEnd + 1;
        continue;
      }
      // (the item, like the introduction above, may be wrapped over a few lines)
      if (afterIntro >= 0 && bulletItem(lines.text(afterIntro)) && content.length < 400 && !numberedLine(raw)) {
        const item = itemAt(line, trimmed);
        for (let covered = line + 1; covered <= introEnd; covered++) extendItem(lines, item, covered);
        ensureGroup().items.push(item);
        items++;
        for (let covered = line; covered <= introEnd; covered++) owned.push(covered);
        last = introEnd;
        index = introEnd + 1;
        continue;
      }
    }
    break;
  }
  const startChar = heading ? heading.range.start.character : trimmedSpan(lines.text(start)).start;
  return {
    block: { heading, range: range(start, startChar, last, lines.text(last).length), groups },
    next: last + 1,
    lines: owned,
  };
}
