import { judgementKey } from '../core/analysis/record-links';
import type { FrameworkProfile, Level } from '../core/frameworks/profile';
import { FrameworkRegistry } from '../core/frameworks/registry';
import type { RecordRow, Section } from '../core/model';
import { parseLines } from '../core/parse/parse';
import type { RuleContext, TextEdit } from './rule';

/**
 * Whether a row added to the record reads back as that row: the record read again with the edit made holds every row
 * it held (same judgement, part and grade) and one more, the section's, at its grade. A table the writer left half
 * edited (a border with a word in it, a header moved below a row) can make a row added in its neighbour's shape read
 * as part of another row, or change how the rows around it read; such a fix is not offered.
 *
 * Only the record is read again, from a little before its first line to a little past its last, so that each check
 * costs the record's length, not the report's. A record that does not read alone as it does in its report (lines
 * around it that a mutilated report runs into it) cannot be checked so, and its rows are not offered; past a budget of
 * lines for one report the rows are offered unchecked, as before the check.
 */
export function addedRowReadsBack(context: RuleContext, edit: TextEdit, section: Section, level: Level): boolean {
  const key = judgementKey(section.judgement?.definition?.id, section.title);
  return readsBack(context, [edit], `add\u0000${key}\u0000${level.key}`, (before, after) => differsBy(before, after, [], (added) => added.startsWith(`${key}\u0000`) && added.endsWith(`\u0000${level.key}`)));
}

/**
 * Whether a row whose title is rewritten reads back as the same row under the new title: the record read again holds
 * every other row as it was, and this one with the section's judgement, its part and its grade unchanged (a title
 * rewritten over the lines of a wrapped cell must not take the grade beside it along).
 */
export function renamedRowReadsBack(context: RuleContext, edits: readonly TextEdit[], row: RecordRow, section: Section): boolean {
  const [old] = rowSignatures([row])!;
  const key = judgementKey(section.judgement?.definition?.id, section.title);
  const renamed = [key, row.part?.id ?? '', row.grade?.level?.key ?? ''].join('\u0000');
  return readsBack(context, edits, `rename\u0000${old}\u0000${key}`, (before, after) => differsBy(before, after, [old!], (added) => added === renamed));
}

/** Reads the record again with the edits made (within its window), and asks `holds` of its rows before and after. */
function readsBack(context: RuleContext, edits: readonly TextEdit[], what: string, holds: (before: readonly string[], after: string[] | null) => boolean): boolean {
  const window = recordWindow(context);
  if (window === 'unreadable') return false;
  if (!window) return true;
  const { first, last, read } = window;
  if (edits.some((edit) => edit.range.start.line < first || edit.range.end.line > last)) return true;
  const question = [what, ...edits.map((edit) => [edit.range.start.line - first, edit.range.start.character, edit.range.end.line - first, edit.range.end.character, edit.newText].join(','))].join('\u0000');
  const known = read.answers.get(question);
  if (known !== undefined) return known;
  if (!spend(context, last - first + 1)) return true;
  const answer = holds(read.rows, rowSignatures(readRecord(context, edited(context.lines.slice(first, last + 1), first, edits))));
  read.answers.set(question, answer);
  return answer;
}

/** The window's lines with the edits made (edits of a fix do not overlap; made from the last back). */
function edited(lines: string[], first: number, edits: readonly TextEdit[]): string[] {
  let text = lines.join('\n');
  const starts = [0];
  for (const line of lines) starts.push(starts[starts.length - 1]! + line.length + 1);
  const offset = (position: TextEdit['range']['start']) => starts[position.line - first]! + Math.min(position.character, lines[position.line - first]!.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const edit of sorted) text = text.slice(0, offset(edit.range.start)) + edit.newText.replace(/\r\n/g, '\n') + text.slice(offset(edit.range.end));
  return text.split('\n');
}

/** `after` holds the rows of `before` but `removed`, and one more that `isAdded`. */
function differsBy(before: readonly string[], after: readonly string[] | null, removed: readonly string[], isAdded: (signature: string) => boolean): boolean {
  if (!after || after.length !== before.length - removed.length + 1) return false;
  const left = new Map<string, number>();
  for (const signature of after) left.set(signature, (left.get(signature) ?? 0) + 1);
  const gone = [...removed];
  for (const signature of before) {
    const index = gone.indexOf(signature);
    if (index >= 0) {
      gone.splice(index, 1);
      continue;
    }
    const count = left.get(signature) ?? 0;
    if (count === 0) return false;
    if (count === 1) left.delete(signature);
    else left.set(signature, count - 1);
  }
  const [added, ...more] = left.keys();
  return added !== undefined && !more.length && left.get(added) === 1 && gone.length === 0 && isAdded(added);
}

/** Lines read again for one report, at most: a record of 60 lines checked for 100 missing rows (about 20 ms here). */
const LINE_BUDGET = 6_000;

/** Above the record's first line and below its last row, lines that may still shape it: the dashes above a multiline table's header, a grid row's border, an HTML row's closing tags. */
const LEADING_LINES = 4;
const TRAILING_LINES = 4;

/** The record's lines read alone: its rows, and the rows added to it that were checked, by where and what they were. */
interface RecordRead {
  profile: FrameworkProfile;
  text: string;
  rows: string[];
  answers: Map<string, boolean>;
}

interface Window {
  first: number;
  last: number;
  read: RecordRead;
  spent: number;
}

/** No record to check against, or one that reads alone as it does in its report: a window onto it. */
const windows = new WeakMap<RuleContext, Window | null | 'unreadable'>();
/**
 * The last records read: typing elsewhere in the report leaves the record as it was, and its checks stand (what a check
 * finds depends only on the record's lines, the framework, the edit and the judgement).
 */
let lastReads: RecordRead[] = [];

/**
 * The record's lines, read alone as they are in the report: from a few lines above it (a multiline table's dashes
 * above its header) or, when those lines read as another table, from its own first line. 'unreadable' when neither
 * reads as the report does: a row added there cannot be checked, and is not offered.
 */
function recordWindow(context: RuleContext): Window | null | 'unreadable' {
  if (windows.has(context)) return windows.get(context)!;
  const record = context.report.record;
  const profile = context.report.framework?.profile;
  let window: Window | null | 'unreadable' = null;
  if (record && profile) {
    const inReport = rowSignatures(record.rows)!;
    const last = Math.min(context.lines.length - 1, record.range.end.line + TRAILING_LINES);
    window = 'unreadable';
    for (const leading of [LEADING_LINES, 0]) {
      const first = Math.max(0, record.range.start.line - leading);
      const lines = context.lines.slice(first, last + 1);
      const text = lines.join('\n');
      let read = lastReads.find((candidate) => candidate.profile === profile && candidate.text === text) ?? null;
      if (!read) {
        const rows = rowSignatures(readRecord(context, lines));
        read = rows ? { profile, text, rows, answers: new Map() } : null;
        if (read) lastReads = [read, ...lastReads].slice(0, 2);
      }
      if (read && read.rows.length === inReport.length && read.rows.every((signature, index) => signature === inReport[index])) {
        window = { first, last, read, spent: last - first + 1 };
        break;
      }
    }
  }
  windows.set(context, window);
  return window;
}

function spend(context: RuleContext, lines: number): boolean {
  const window = windows.get(context);
  if (!window || window === 'unreadable' || window.spent + lines > LINE_BUDGET) return false;
  window.spent += lines;
  return true;
}

function readRecord(context: RuleContext, lines: readonly string[]): RecordRow[] | null {
  const profile = context.report.framework!.profile;
  const report = parseLines(lines, { framework: profile.id, registry: new FrameworkRegistry([profile]) });
  return report.record?.rows ?? null;
}

/** Each row as its judgement, the part printed above it and its grade: what links it to a section. */
function rowSignatures(rows: readonly RecordRow[] | null): string[] | null {
  return rows?.map((row) => [judgementKey(row.definition?.id, row.title.text), row.part?.id ?? '', row.grade?.level?.key ?? ''].join('\u0000')) ?? null;
}
