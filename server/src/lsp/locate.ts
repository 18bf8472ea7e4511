import { flattenSections, type ContentsEntry, type Grade, type RecordRow, type Section, type SummaryStatement } from '../core/model';
import type { Position, Range } from '../core/text';
import type { Analysis } from './analysis';

export type Located =
  | { kind: 'grade'; grade: Grade; section: Section | null; row: RecordRow | null }
  | { kind: 'term'; section: Section }
  | { kind: 'statement'; statement: SummaryStatement }
  | { kind: 'row'; row: RecordRow }
  | { kind: 'heading'; section: Section }
  | { kind: 'contents'; entry: ContentsEntry };

export function contains(range: Range, position: Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character) return false;
  return true;
}

/** What a position in a report points at, most specific first. */
export function locate(analysis: Analysis, position: Position): Located | null {
  const { report } = analysis;
  const sections = flattenSections(report.sections);
  for (const section of sections) {
    const judgement = section.judgement;
    if (judgement?.grade && contains(judgement.grade.range, position)) return { kind: 'grade', grade: judgement.grade, section, row: null };
    if (judgement?.sentence && contains(judgement.sentence.term.range, position)) return { kind: 'term', section };
  }
  for (const statement of report.summaryStatements) if (contains(statement.term.range, position)) return { kind: 'statement', statement };
  for (const row of report.record?.rows ?? []) {
    if (row.grade && contains(row.grade.range, position)) return { kind: 'grade', grade: row.grade, section: null, row };
    if (contains(row.range, position)) return { kind: 'row', row };
  }
  for (const grade of report.strayGrades) if (contains(grade.range, position)) return { kind: 'grade', grade, section: null, row: null };
  for (const entry of report.contents?.entries ?? []) if (contains(entry.range, position)) return { kind: 'contents', entry };
  for (const section of sections) if (contains(section.heading.range, position)) return { kind: 'heading', section };
  return null;
}
