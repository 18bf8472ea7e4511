import { rewriteGrade, trustedLevel } from '../core/frameworks/notation';
import { defineRule, type Fix } from './rule';
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
      const asRecord = profile ? rewriteGrade(profile, sectionGrade, rowLevel) : null;
      // a section whose own judgement sentence disagrees with its grade: which copy is wrong (a grade changed in
      // moderation, the sentence and the record left behind; or a slip in the grade) is the writer's to say, and "fix
      // all" does not copy a grade in dispute into the record
      const said = section.judgement?.sentence?.term.level ?? null;
      const disputed = said !== null && said.key !== sectionLevel.key;
      const fixes: Fix[] = [];
      if (corrected) fixes.push({ title: `Change the record row to ${corrected}, as in the section`, edits: replaceInCell(context, row.grade.range, corrected, true), ...(disputed ? {} : { preferred: true }) });
      if (asRecord && disputed) {
        fixes.push({
          title: `Change the section's grade to ${asRecord}, as the record${said.key === rowLevel.key ? ' and the judgement sentence say' : ' says'}`,
          edits: replaceInCell(context, sectionGrade.range, asRecord),
        });
      }
      problems.push({
        message:
          `The record gives ${quote(row.title.text)} as ${clip(row.grade.text)}, but ${sectionName(section)} is graded ` +
          `${gradeInWords(sectionGrade)} (${lineOf(sectionGrade.range)}).`,
        range: row.grade.range,
        related: [{ message: `The grade of ${sectionName(section)}`, range: sectionGrade.range }],
        fixes,
      });
    }
    return problems;
  },
});
