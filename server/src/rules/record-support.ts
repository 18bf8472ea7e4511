import { writeGrade } from '../core/frameworks/notation';
import type { Level } from '../core/frameworks/profile';
import { judgementSections, type RecordRow, type Section } from '../core/model';
import type { RuleContext, TextEdit } from './rule';
import { insertAt } from './support';

/** A new record row for a section, placed next to the row of its nearest neighbour in the same part. */
export function insertRecordRow(context: RuleContext, section: Section, level: Level): TextEdit | null {
  const record = context.report.record;
  const profile = context.report.framework?.profile;
  if (!record || !profile) return null;
  const links = context.links();
  const sections = judgementSections(context.report).filter((candidate) => candidate.judgement?.grade);
  const index = sections.indexOf(section);
  const samePart = (candidate: Section) => candidate.part?.definition?.id === section.part?.definition?.id;
  let after: RecordRow | null = null;
  for (let i = index - 1; i >= 0 && !after; i--) if (samePart(sections[i] as Section)) after = links.rowOf(sections[i] as Section);
  let before: RecordRow | null = null;
  for (let i = index + 1; i < sections.length && !after && !before; i++) if (samePart(sections[i] as Section)) before = links.rowOf(sections[i] as Section);
  const anchor = after ?? before ?? record.rows[record.rows.length - 1] ?? null;
  const row = formatRow(context, anchor, section.title, writeGrade(profile, level, profile.record.style ?? 'label'));
  if (!anchor) {
    const line = record.heading?.range.start.line ?? record.range.start.line;
    return insertAt(line, (context.lines[line] ?? '').length, `${context.eol}${context.eol}${row}`);
  }
  const line = anchor.range.start.line;
  return before && !after ? insertAt(line, 0, `${row}${context.eol}`) : insertAt(line, (context.lines[line] ?? '').length, `${context.eol}${row}`);
}

/** A row in the same shape as its neighbour: tab-separated, Markdown pipes or spaced. */
function formatRow(context: RuleContext, neighbour: RecordRow | null, title: string, grade: string): string {
  const sample = neighbour ? (context.lines[neighbour.range.start.line] ?? '') : '';
  if (/^\s*\|/.test(sample)) return `| ${title} | ${grade} |`;
  if (!sample || sample.includes('\t')) return `${title}\t${grade}`;
  return `${title}  ${grade}`;
}
