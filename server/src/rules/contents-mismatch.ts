import { linkContents } from '../core/analysis/contents-links';
import { defineRule, type Problem } from './rule';
import { quote } from './support';

export default defineRule({
  meta: {
    id: 'contents-mismatch',
    description: 'A contents entry with no heading, or a heading missing from the contents.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(context) {
    const contents = context.report.contents;
    if (!contents?.entries.length) return [];
    const links = linkContents(context.report);
    const problems: Problem[] = links.unmatchedEntries.map((entry) => ({
      message: `The contents list ${quote(entry.title.text)}${entry.page !== null ? ` (page ${entry.page})` : ''}, but the report has no heading with this title.`,
      range: entry.title.range,
    }));
    for (const heading of links.unlistedSections) {
      problems.push({
        message: `${quote(heading.title)} is a heading of the report but is missing from the contents.`,
        range: heading.heading.range,
        related: [{ message: 'The contents', range: contents.heading.range }],
      });
    }
    return problems;
  },
});
