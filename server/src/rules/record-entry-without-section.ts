import { defineRule } from './rule';
import { clip, lineOf, quote, titleOf } from './support';
import { recordSlips, slipNote } from './title-slips';

export default defineRule({
  meta: {
    id: 'record-entry-without-section',
    description: 'A row of the record of main findings names no section of the report.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    // a table of judgements in a text that gives none itself (committee minutes, an improvement plan, a draft with only
    // its summary table written yet) quotes them: there are no sections to find
    if (!context.report.judgementSections.length) return [];
    return context.links().unmatchedRows.map((row) => {
      const where = row.group ? ` under ${quote(row.group.title.text)} (${lineOf(row.group.range)})` : '';
      const slip = recordSlips(context).ofOther(row);
      return {
        message: `The record lists ${quote(row.title.text)}${row.grade ? ` (${clip(row.grade.text)})` : ''}${where}, but no section of the report gives this judgement.${slip ? slipNote('The report has', titleOf(slip.section), slip.section.heading.range) : ''}`,
        range: row.title.range,
        fixes: slip?.fixes ?? [],
      };
    });
  },
});
