import { defineRule } from './rule';
import { lineOf, quote } from './support';

export default defineRule({
  meta: {
    id: 'record-group-mismatch',
    description: 'Record rows are printed under the group heading of another part of the report.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(context) {
    return context.links().misplaced.map(({ group, rows, actualPart }) => {
      const names = rows.map((row) => `${quote(row.title.text)}`).join(', ');
      return {
        message:
          `The record group ${quote(group.title.text)} heads ${rows.length} row${rows.length > 1 ? 's' : ''} ` +
          `that ${rows.length > 1 ? 'give' : 'gives'} judgements of ${actualPart}: ${names}.`,
        range: group.title.range,
        related: rows.map((row) => {
          const section = context.links().sectionOf(row);
          return {
            message: `${quote(row.title.text)} matches the section at ${section ? lineOf(section.heading.range) : 'an unknown place'}`,
            range: row.title.range,
          };
        }),
      };
    });
  },
});
