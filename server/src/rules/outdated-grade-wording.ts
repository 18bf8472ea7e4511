import { termFor } from '../core/frameworks/notation';
import { allGrades } from './all-grades';
import { defineRule, type Problem } from './rule';
import { frameworkName, quote, replaceInCell } from './support';

export default defineRule({
  meta: {
    id: 'outdated-grade-wording',
    description: 'A grade uses an older wording of its level; the framework now prints another.',
    defaultSeverity: 'info',
    fixable: true,
  },
  check(context) {
    const framework = context.framework;
    if (!framework?.profile) return [];
    const problems: Problem[] = [];
    for (const grade of allGrades(context.report)) {
      const label = grade.label;
      if (!label?.level || !framework.isOutdatedLabel(label.text)) continue;
      // in a sentence the current wording keeps the sentence's verb: "require improvement to be good"
      const current =
        grade.style === 'sentence' ? termFor(label.level, label.text) : label.text === label.text.toLowerCase() ? label.level.label.toLowerCase() : label.level.label;
      const since = label.level.labelSince;
      const year = context.report.year;
      // a report written before the wording changed is right as it is: offer the new wording, never apply it unasked
      const ofItsTime = Boolean(since && year && year < since);
      problems.push({
        message:
          ofItsTime
            ? `${quote(label.text)} was the ${frameworkName(context)} wording when this report was written (${year}); reports from ${since} write ${quote(current)}.`
            : `${quote(label.text)} is accepted as ${label.level.label}, but ${frameworkName(context)} reports now write ${quote(current)}.`,
        range: label.range,
        fixes: [{ title: `Write ${quote(current)}`, edits: replaceInCell(context, label.range, current), preferred: !ofItsTime }],
      });
    }
    return problems;
  },
});
