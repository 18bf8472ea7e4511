import { linkContents } from '../core/analysis/contents-links';
import { defineRule, type Problem } from './rule';
import { quote } from './support';
import { contentsSlips, slipNote } from './title-slips';

export default defineRule({
  meta: {
    id: 'contents-mismatch',
    description: 'A contents entry with no heading, or a heading missing from the contents.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    const contents = context.report.contents;
    if (!contents?.entries.length) return [];
    const links = linkContents(context.report);
    const slips = contentsSlips(context);
    const problems: Problem[] = links.unmatchedEntries.map((entry) => {
      const slip = slips.ofOther(entry);
      return {
        message: `The contents list ${quote(entry.title.text)}${entry.page !== null ? ` (page ${entry.page})` : ''}, but the report has no heading with this title.${slip ? slipNote('The report has', slip.section.title, slip.section.heading.range) : ''}`,
        range: entry.title.range,
        fixes: slip?.fixes ?? [],
      };
    });
    for (const heading of links.unlistedSections) {
      const slip = slips.ofSection(heading);
      problems.push({
        message: `${quote(heading.title)} is a heading of the report but is missing from the contents.${slip ? slipNote('The contents list', slip.other.title.text, slip.other.title.range) : ''}`,
        range: heading.heading.range,
        related: [{ message: 'The contents', range: contents.heading.range }],
        fixes: slip?.fixes ?? [],
      });
    }
    return problems;
  },
});
