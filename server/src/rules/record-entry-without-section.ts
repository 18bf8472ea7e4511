import { defineRule } from './rule';
import { clip, lineOf, quote } from './support';

export default defineRule({
  meta: {
    id: 'record-entry-without-section',
    description: 'A row of the record of main findings names no section of the report.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(context) {
    return context.links().unmatchedRows.map((row) => {
      const where = row.group ? ` under ${quote(row.group.title.text)} (${lineOf(row.group.range)})` : '';
      return {
        message: `The record lists ${quote(row.title.text)}${row.grade ? ` (${clip(row.grade.text)})` : ''}${where}, but no section of the report gives this judgement.`,
        range: row.title.range,
      };
    });
  },
});
