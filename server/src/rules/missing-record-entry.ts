import { defineRule } from './rule';
import { insertRecordRow } from './record-support';
import { gradeInWords, quote, sectionName, titleOf } from './support';

/** A heading such as "Record of main findings" names the table; a header row or an introductory sentence does not. */
const isTitle = (text: string) => !/[\t|]/.test(text) && text.trim().split(/\s+/).length <= 6;

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
    return context.links().unmatchedSections.filter((section) => section.judgement?.definition?.recorded !== false).map((section) => {
      const grade = section.judgement?.grade;
      const edit = grade?.level ? insertRecordRow(context, section, grade.level) : null;
      // reported on the record, where the row must be added
      const where = record.heading ?? record.rows[0]?.title;
      const tableName = record.heading && isTitle(record.heading.text) ? record.heading.text.replace(/:$/, '').toLowerCase() : 'summary table of judgements';
      return {
        message: `${sectionName(section)} is graded ${grade ? gradeInWords(grade) : ''} but has no row in the ${tableName}.`,
        range: where?.range ?? record.range,
        related: [{ message: `The grade of ${quote(titleOf(section))}`, range: grade?.range ?? section.heading.range }],
        fixes: edit ? [{ title: `Add ${quote(titleOf(section))} to the record`, edits: [edit], preferred: true }] : [],
      };
    });
  },
});
