import { judgementKey } from '../core/analysis/record-links';
import type { Section } from '../core/model';
import { defineRule } from './rule';
import { lineOf, quote, titleOf } from './support';

export default defineRule({
  meta: {
    id: 'duplicate-section',
    description: 'The same judgement is given twice in one part of the report.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(context) {
    const seen = new Map<string, Section>();
    const problems = [];
    for (const section of context.report.judgementSections) {
      const key = `${section.part?.definition?.id ?? section.part?.title ?? ''}|${judgementKey(section.judgement?.definition?.id, section.title)}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, section);
        continue;
      }
      const where = section.part ? ` in ${section.part.title}` : '';
      problems.push({
        message: `${quote(titleOf(section))} is judged twice${where}: it is already at ${lineOf(first.heading.range)}.`,
        range: section.heading.range,
        related: [{ message: 'The first section on this judgement', range: first.heading.range }],
      });
    }
    return problems;
  },
});
