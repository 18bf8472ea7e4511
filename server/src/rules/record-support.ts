import { judgementKey } from '../core/analysis/record-links';
import { writeGrade } from '../core/frameworks/notation';
import type { Level } from '../core/frameworks/profile';
import { judgementSections, type RecordOfFindings, type RecordRow, type Section } from '../core/model';
import type { RuleContext, TextEdit } from './rule';
import { insertAt } from './support';

/**
 * A new record row for a section, placed next to the row of its nearest neighbour in the same part; when the
 * record lists nothing of that part, under the part's group row (added too when the record has none), so that
 * the row cannot be read as another part's judgement of the same name.
 */
export function insertRecordRow(context: RuleContext, section: Section, level: Level): TextEdit | null {
  const record = context.report.record;
  const profile = context.report.framework?.profile;
  if (!record || !profile) return null;
  const links = context.links();
  const sections = judgementSections(context.report).filter((candidate) => candidate.judgement?.grade);
  const index = sections.indexOf(section);
  const partId = section.part?.definition?.id;
  const samePart = (candidate: Section) => candidate.part?.definition?.id === partId;
  // a neighbour's row printed under another part's group would carry the new row into that part; when another
  // part has a judgement of the same name, only a row under this part's own group makes the new row this part's
  const key = keyOf(section);
  const ambiguous = sections.some((other) => other !== section && keyOf(other) === key && other.part?.definition?.id !== partId);
  const rowInPart = (candidate: Section) => {
    const row = samePart(candidate) ? links.rowOf(candidate) : null;
    if (!row || !partId) return row;
    return row.part?.id === partId || (!row.part && !ambiguous) ? row : null;
  };
  let after: RecordRow | null = null;
  for (let i = index - 1; i >= 0 && !after; i--) after = rowInPart(sections[i] as Section);
  let before: RecordRow | null = null;
  for (let i = index + 1; i < sections.length && !after && !before; i++) before = rowInPart(sections[i] as Section);
  const last = record.rows[record.rows.length - 1] ?? null;
  const sample = after ?? before ?? last;
  const row = formatRow(context, sample, section.title, writeGrade(profile, level, profile.record.style ?? 'label'));
  const eol = context.eol;

  if (after) return appendTo(context, after.range.end.line, `${eol}${row}`);
  if (before) return insertAt(before.range.start.line, 0, `${row}${eol}`);
  const group = partId ? record.groups.find((candidate) => candidate.part?.id === partId) : undefined;
  if (group) return appendTo(context, (group.rows[group.rows.length - 1] ?? group).range.end.line, `${eol}${row}`);
  const lines = section.part?.definition ? [formatGroupRow(context, sample, section.part.title), row] : [row];
  if (last) return appendTo(context, lastLineOf(record), `${eol}${lines.join(eol)}`);
  return appendTo(context, record.heading?.range.end.line ?? record.range.start.line, `${eol}${eol}${lines.join(eol)}`);
}

const keyOf = (section: Section) => judgementKey(section.judgement?.definition?.id, section.title);

function appendTo(context: RuleContext, line: number, text: string): TextEdit {
  return insertAt(line, (context.lines[line] ?? '').length, text);
}

function lastLineOf(record: RecordOfFindings): number {
  const lastRow = record.rows[record.rows.length - 1];
  const lastGroup = record.groups[record.groups.length - 1];
  return Math.max(lastRow?.range.end.line ?? 0, lastGroup?.range.end.line ?? 0);
}

/** A row in the same shape as its neighbour: tab-separated, Markdown pipes or spaced. */
function formatRow(context: RuleContext, neighbour: RecordRow | null, title: string, grade: string): string {
  switch (rowShape(context, neighbour)) {
    case 'pipes':
      return `| ${title} | ${grade} |`;
    case 'tab':
      return `${title}\t${grade}`;
    default:
      return `${title}  ${grade}`;
  }
}

/** A group row ("Services for looked after children") in the shape of the table's rows: a title with an empty grade cell. */
function formatGroupRow(context: RuleContext, neighbour: RecordRow | null, title: string): string {
  switch (rowShape(context, neighbour)) {
    case 'pipes':
      return `| ${title} |  |`;
    case 'tab':
      return `${title}\t`;
    default:
      return title;
  }
}

function rowShape(context: RuleContext, neighbour: RecordRow | null): 'pipes' | 'tab' | 'spaced' {
  const sample = neighbour ? (context.lines[neighbour.range.start.line] ?? '') : '';
  if (/^\s*\|/.test(sample)) return 'pipes';
  return !sample || sample.includes('\t') ? 'tab' : 'spaced';
}
