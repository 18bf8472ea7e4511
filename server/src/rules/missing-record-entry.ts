import { defineRule } from './rule';
import { insertRecordRow } from './record-support';
import { gradeInWords, sectionName } from './support';

export default defineRule({
  meta: {
    id: 'missing-record-entry',
    description: 'A graded section has no row in the record of main findings.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    const record = context.report.record;
    if (!record) return [];
    return context.links().unmatchedSections.map((section) => {
      const grade = section.judgement?.grade;
      const edit = grade?.level ? insertRecordRow(context, section, grade.level) : null;
      return {
        message: `${sectionName(section)} is graded ${grade ? gradeInWords(grade) : ''} but has no row in the ${record.heading.text.replace(/:$/, '').toLowerCase()}.`,
        range: grade?.range ?? section.heading.range,
        related: [{ message: 'The record of main findings', range: record.heading.range }],
        fixes: edit ? [{ title: `Add "${section.title}" to the record`, edits: [edit], preferred: true }] : [],
      };
    });
  },
});
