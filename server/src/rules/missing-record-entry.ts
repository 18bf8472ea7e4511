import { defineRule } from './rule';
import { addedRowReadsBack } from './record-row-check';
import { insertRecordRow } from './record-support';
import { recordSlips, slipNote } from './title-slips';
import { gradeInWords, lineOf, quote, sectionName, titleOf } from './support';

/** A heading such as "Record of main findings" names the table; a header row or an introductory sentence does not. */
const isTitle = (text: string) => !/[\t|<]|\S\s{2,}\S/.test(text) && text.trim().split(/\s+/).length <= 6;

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
    const unmatched = context.links().unmatchedSections.filter((section) => section.judgement?.definition?.recorded !== false);
    const names = new Map<string, number>();
    for (const section of unmatched) names.set(sectionName(section), (names.get(sectionName(section)) ?? 0) + 1);
    return unmatched.map((section) => {
      const grade = section.judgement?.grade;
      const slip = recordSlips(context).ofSection(section);
      // two sections of one name, both reported on the record: each message says which
      const name = (names.get(sectionName(section)) ?? 0) > 1 ? `${sectionName(section)} (${lineOf(section.heading.range)})` : sectionName(section);
      // a row whose title is a slip of this one is this section's row, mistyped: no second row is added
      const added = grade?.level && !slip ? insertRecordRow(context, section, grade.level) : null;
      const edit = added && addedRowReadsBack(context, added, section, grade!.level!) ? added : null;
      // reported on the record, where the row must be added
      const where = record.heading ?? record.rows[0]?.title;
      const tableName = record.heading && isTitle(record.heading.text) ? record.heading.text.replace(/:$/, '').toLowerCase() : 'summary table of judgements';
      return {
        message: `${name} is graded ${grade ? gradeInWords(grade) : ''} but has no row in the ${tableName}.${slip ? slipNote('The record lists', slip.other.title.text, slip.other.title.range) : ''}`,
        range: where?.range ?? record.range,
        related: [{ message: `The grade of ${quote(titleOf(section))}`, range: grade?.range ?? section.heading.range }],
        fixes: slip ? slip.fixes : edit ? [{ title: `Add ${quote(titleOf(section))} to the record`, edits: [edit], preferred: true }] : [],
      };
    });
  },
});
