import { titleKey } from '../core/frameworks/compiled';
import type { Section } from '../core/model';
import { defineRule, type Problem } from './rule';

/** Headings a contents page lists: everything but subsections of a judgement, action lists and the contents itself. */
function listedHeadings(sections: readonly Section[], out: Section[] = []): Section[] {
  for (const section of sections) {
    if (section.kind === 'actions' || section.kind === 'contents') continue;
    out.push(section);
    if (section.kind !== 'judgement') listedHeadings(section.children, out);
  }
  return out;
}

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
    const unmatched = new Map<string, Section[]>();
    for (const heading of listedHeadings(context.report.sections)) {
      const key = titleKey(heading.title);
      unmatched.set(key, [...(unmatched.get(key) ?? []), heading]);
    }
    const problems: Problem[] = [];
    for (const entry of contents.entries) {
      const waiting = unmatched.get(titleKey(entry.title.text));
      if (waiting?.length) {
        waiting.shift();
        continue;
      }
      problems.push({
        message: `The contents list "${entry.title.text}"${entry.page !== null ? ` (page ${entry.page})` : ''}, but the report has no heading with this title.`,
        range: entry.title.range,
      });
    }
    for (const headings of unmatched.values()) {
      for (const heading of headings) {
        problems.push({
          message: `"${heading.title}" is a heading of the report but is missing from the contents.`,
          range: heading.heading.range,
          related: [{ message: 'The contents', range: contents.heading.range }],
        });
      }
    }
    return problems;
  },
});
