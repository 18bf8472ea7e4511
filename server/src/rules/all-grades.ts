import type { Grade } from '../core/model';
import type { ParseResult } from '../core/parse/parse';

/** Every grade written in the report: under headings, in the record, and on lines of their own. */
export function allGrades(report: ParseResult): Grade[] {
  const grades: Grade[] = [];
  for (const section of report.judgementSections) if (section.judgement?.grade) grades.push(section.judgement.grade);
  for (const row of report.record?.rows ?? []) if (row.grade) grades.push(row.grade);
  for (const grade of report.strayGrades) grades.push(grade);
  return grades;
}
