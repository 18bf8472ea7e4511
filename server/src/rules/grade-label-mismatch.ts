import { rewriteGrade } from '../core/frameworks/notation';
import type { Level } from '../core/frameworks/profile';
import type { Grade } from '../core/model';
import { allGrades } from './all-grades';
import { defineRule, type Fix, type Problem, type RuleContext } from './rule';
import { frameworkName, replaceInCell } from './support';

export default defineRule({
  meta: {
    id: 'grade-label-mismatch',
    description: "A grade's number and label disagree on the framework's scale.",
    defaultSeverity: 'error',
    fixable: true,
  },
  check(context) {
    const profile = context.report.framework?.profile;
    if (!profile) return [];
    const problems: Problem[] = [];
    let witnesses: Map<Grade, Witness> | null = null;
    for (const grade of allGrades(context.report)) {
      const byNumber = grade.numberLevel;
      const byLabel = grade.label?.level;
      if (!grade.label || !grade.number || !byNumber || !byLabel || byNumber === byLabel) continue;
      witnesses ??= witnessesOf(context);
      const witness = witnesses.get(grade);
      const lower = grade.label.text === grade.label.text.toLowerCase();
      const label = lower ? byNumber.label.toLowerCase() : byNumber.label;
      const means = `grade ${grade.number.value} means`;
      const keepNumber: Fix = {
        title: `Make the label ${label}, as ${witness?.level === byNumber ? `${means} and ${witness.who} says` : means}`,
        edits: replaceInCell(context, grade.label.range, label),
      };
      const keepLabel: Fix = {
        title: `Make the grade ${rewriteGrade(profile, grade, byLabel)}, as ${witness?.level === byLabel ? `the label and ${witness.who} say` : 'the label says'}`,
        edits: replaceInCell(context, grade.range, rewriteGrade(profile, grade, byLabel)),
      };
      // the half the judgement sentence (or the other copy of the grade) agrees with is the one meant: fixing the
      // other half would only move the disagreement to the wording or the record
      const labelMeant = witness?.level === byLabel;
      problems.push({
        message:
          `On the ${frameworkName(context)} scale grade ${grade.number.value} is ${byNumber.label}, ` +
          `but the label says ${grade.label.text} (grade ${byLabel.number ?? '?'}).`,
        range: grade.label.range,
        related: [{ message: `The number`, range: grade.number.range }],
        fixes: labelMeant ? [{ ...keepLabel, preferred: true }, keepNumber] : [{ ...keepNumber, preferred: true }, keepLabel],
      });
    }
    return problems;
  },
});

/** What else in the report says which level a grade means. */
interface Witness {
  level: Level;
  who: 'the judgement sentence' | 'the record' | 'the section';
}

/**
 * For each graded section's grade, and each record row's, the level the judgement's other evidence gives: the
 * section's judgement sentence, else the other copy of its grade (the record's row, or the section's grade) when that
 * copy's number and label agree.
 */
function witnessesOf(context: RuleContext): Map<Grade, Witness> {
  const witnesses = new Map<Grade, Witness>();
  const consistent = (grade: Grade | null | undefined): Level | null =>
    grade?.level && (!grade.number || !grade.label?.level || grade.numberLevel === grade.label.level) ? grade.level : null;
  const links = context.report.record ? context.links() : null;
  for (const section of context.report.judgementSections) {
    const grade = section.judgement?.grade;
    const row = links?.rowOf(section) ?? null;
    const sentence = section.judgement?.sentence?.term.level ?? null;
    const evidence = (other: Grade | null | undefined, who: Witness['who']): Witness | null => {
      if (sentence) return { level: sentence, who: 'the judgement sentence' };
      const level = consistent(other);
      return level ? { level, who } : null;
    };
    const forSection = grade ? evidence(row?.grade, 'the record') : null;
    if (grade && forSection) witnesses.set(grade, forSection);
    const forRow = row?.grade ? evidence(grade, 'the section') : null;
    if (row?.grade && forRow) witnesses.set(row.grade, forRow);
  }
  return witnesses;
}
