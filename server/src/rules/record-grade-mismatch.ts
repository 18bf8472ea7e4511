import { rewriteGrade, trustedLevel } from '../core/frameworks/notation';
import { defineRule } from './rule';
import { clip, gradeInWords, lineOf, quote, replaceInCell, sectionName } from './support';

export default defineRule({
  meta: {
    id: 'record-grade-mismatch',
    description: "A record row's grade differs from the grade of its section.",
    defaultSeverity: 'error',
    fixable: true,
  },
  check(context) {
    const profile = context.report.framework?.profile;
    const problems = [];
    for (const row of context.report.record?.rows ?? []) {
      const section = context.links().sectionOf(row);
      const sectionGrade = section?.judgement?.grade;
      const sectionLevel = trustedLevel(sectionGrade);
      const rowLevel = trustedLevel(row.grade);
      if (!section || !sectionGrade || !sectionLevel || !row.grade || !rowLevel || rowLevel.key === sectionLevel.key) continue;
      const corrected = profile ? rewriteGrade(profile, row.grade, sectionLevel) : null;
      problems.push({
        message:
          `The record gives ${quote(row.title.text)} as ${clip(row.grade.text)}, but ${sectionName(section)} is graded ` +
          `${gradeInWords(sectionGrade)} (${lineOf(sectionGrade.range)}).`,
        range: row.grade.range,
        related: [{ message: `The grade of ${sectionName(section)}`, range: sectionGrade.range }],
        fixes: corrected
          ? [{ title: `Change the record row to ${corrected}, as in the section`, edits: replaceInCell(context, row.grade.range, corrected, true), preferred: true }]
          : [],
      });
    }
    return problems;
  },
});
