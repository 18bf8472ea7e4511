import type { CompiledFramework } from '../frameworks/compiled';
import type { PartDefinition } from '../frameworks/schema';
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
import { lineRange, range, trimmedSpan, type Span } from '../text';
import { readGrade, readTrailingGrade } from './grades';
import { bulletItem, isTableRule, isTimescale, Lines, markdownHeading, numberedLine, proseShaped, tableCells } from './lines';

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

const CONTENTS_ENTRY = /^(.*?\S)(?:\t+|\s*\.{2,}\s*|\s{2,})(\d{1,3})\s*$/;
/** Contents entries and table rows are short; longer lines end the block (and keep the regexes linear). */
const MAX_ROW = 400;

export function readContents(lines: Lines, headingLine: number, heading: TextSpan): BlockResult<Contents> {
  const entries: ContentsEntry[] = [];
  const owned: number[] = [];
  let index = headingLine + 1;
  let last = headingLine;
  while (index < lines.length) {
    const next = lines.nextNonBlank(index);
    if (next < 0) break;
    const text = lines.masked(next);
    if (text.length > MAX_ROW) break;
    const match = CONTENTS_ENTRY.exec(text);
    if (!match?.[1] || !match[2]) break;
    const title = trimmedSpan(text, 0, match[1].length);
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

export interface RecordContext {
  framework: CompiledFramework;
  partOf(title: string): PartDefinition | null;
}

const HEADER_CELL = /^(?:judgements?|grades?|aspects?|areas?|inspection judgements?|outcomes?|ratings?|findings?|judgement grade)$/i;

/** The record of main findings (or summary table) starting after its heading. */
export function readRecord(lines: Lines, headingLine: number, heading: TextSpan, ctx: RecordContext): BlockResult<RecordOfFindings> {
  const groups: RecordGroup[] = [];
  const rows: RecordRow[] = [];
  const owned: number[] = [];
  let group: RecordGroup | null = null;
  let part: PartDefinition | null = null;
  let last = headingLine;
  let index = headingLine + 1;

  while (index < lines.length) {
    const line = lines.nextNonBlank(index);
    if (line < 0) break;
    const text = lines.masked(line);
    if (text.length > MAX_ROW) break;
    index = line + 1;
    if (isTableRule(text)) {
      owned.push(line);
      last = line;
      continue;
    }
    const cells = tableCells(text).filter((cell, i, all) => cell.end > cell.start || i === all.length - 1);
    const first = cells[0];
    if (!first) break;
    const firstText = text.slice(first.start, first.end);
    if (cells.length >= 2 && cells.every((cell) => HEADER_CELL.test(text.slice(cell.start, cell.end)) || cell.start === cell.end)) {
      owned.push(line);
      last = line;
      continue;
    }
    let title: Span | null = null;
    let grade: Grade | null = null;
    const gradeCtx = { framework: ctx.framework, line, allowLabelOnly: true };
    if (cells.length >= 2) {
      const cell = cells[cells.length - 1] as Span;
      title = first;
      if (cell.end > cell.start) grade = readGrade(text, cell.start, cell.end, gradeCtx) ?? unreadGrade(lines, line, cell, ctx.framework);
    } else if (!markdownHeading(text) && !numberedLine(lines.text(line))) {
      const fused = readTrailingGrade(text, first.start, first.end, gradeCtx);
      if (fused) {
        title = fused.title;
        grade = fused.grade;
      } else if (ctx.partOf(firstText) || ctx.framework.matchTitle(firstText)?.kind === 'group') {
        title = first;
      }
    }
    if (!title || title.end <= title.start || (cells.length < 2 && !grade && proseShaped(firstText))) break;

    owned.push(line);
    last = line;
    const titleSpan = spanOf(lines, line, title);
    const rowRange = lineRange(line, title.start, trimmedSpan(text).end);
    if (!grade) {
      part = ctx.partOf(titleSpan.text) ?? part;
      group = { title: titleSpan, part, rows: [], range: rowRange };
      groups.push(group);
      continue;
    }
    const role = ctx.framework.matchTitle(titleSpan.text);
    const row: RecordRow = {
      title: titleSpan,
      grade,
      group,
      part,
      definition: role?.kind === 'judgement' ? role.definition : null,
      range: rowRange,
    };
    group?.rows.push(row);
    rows.push(row);
  }
  const end = lines.text(last).length;
  return {
    block: { heading, range: range(headingLine, heading.range.start.character, last, end), groups, rows },
    next: last + 1,
    lines: owned,
  };
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
export function readActionList(lines: Lines, start: number, heading: TextSpan | null, allowNumbered: boolean): BlockResult<ActionList> {
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
    const numbered = allowNumbered ? numberedLine(raw) : null;
    if (bullet || (numbered && raw.length < 400)) {
      const span = bullet ?? trimmedSpan(raw, numbered?.textStart ?? 0);
      const item = itemAt(line, span);
      // a wrapped item continues on lines that are neither items nor blank
      let continuation = line + 1;
      while (continuation < lines.length && !lines.isBlank(continuation) && !bulletItem(lines.text(continuation)) && /^\s+\S|^[a-z]/.test(lines.text(continuation))) {
        const more = trimmedSpan(lines.text(continuation));
        item.text += ' ' + lines.text(continuation).slice(more.start, more.end);
        item.range = range(line, span.start, continuation, more.end);
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
    // A line without a bullet belongs to the list when it introduces timescales ("16. In order to improve …")
    // or is an unbulleted first item followed by bulleted ones.
    if (items === 0 && !markdownHeading(text) && (!group || (group as ActionGroup).items.length === 0)) {
      const after = lines.nextNonBlank(line + 1);
      const afterText = after >= 0 ? lines.masked(after).trim() : '';
      if (after >= 0 && isTimescale(afterText)) {
        owned.push(line);
        last = line;
        index = line + 1;
        continue;
      }
      if (after >= 0 && bulletItem(lines.text(after)) && content.length < 400 && !numberedLine(raw)) {
        ensureGroup().items.push(itemAt(line, trimmed));
        items++;
        owned.push(line);
        last = line;
        index = line + 1;
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
