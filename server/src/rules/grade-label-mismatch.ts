import { rewriteGrade } from '../core/frameworks/notation';
import { allGrades } from './all-grades';
import { defineRule, type Problem } from './rule';
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
    for (const grade of allGrades(context.report)) {
      const byNumber = grade.numberLevel;
      const byLabel = grade.label?.level;
      if (!grade.label || !grade.number || !byNumber || !byLabel || byNumber === byLabel) continue;
      const lower = grade.label.text === grade.label.text.toLowerCase();
      const label = lower ? byNumber.label.toLowerCase() : byNumber.label;
      problems.push({
        message:
          `On the ${frameworkName(context)} scale grade ${grade.number.value} is ${byNumber.label}, ` +
          `but the label says ${grade.label.text} (grade ${byLabel.number ?? '?'}).`,
        range: grade.label.range,
        related: [{ message: `The number`, range: grade.number.range }],
        fixes: [
          { title: `Make the label ${label}, as grade ${grade.number.value} means`, edits: replaceInCell(context, grade.label.range, label), preferred: true },
          { title: `Make the grade ${rewriteGrade(profile, grade, byLabel)}, as the label says`, edits: replaceInCell(context, grade.range, rewriteGrade(profile, grade, byLabel)) },
        ],
      });
    }
    return problems;
  },
});
