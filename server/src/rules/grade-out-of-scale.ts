import { describeScale } from '../core/frameworks/notation';
import type { Grade } from '../core/model';
import { allGrades } from './all-grades';
import { defineRule, type Problem } from './rule';
import { clip, frameworkName, quote, STILL_TO_COME } from './support';

/** What drafts write where a grade is still to come: "TBC", "TBA", "to be confirmed", "?", "xx". */
const PLACEHOLDER = new RegExp(`^\\[?\\s*(?:${STILL_TO_COME}|\\?+|x{1,3})\\s*\\]?$`, 'i');

export default defineRule({
  meta: {
    id: 'grade-out-of-scale',
    description: "A grade number or label that is not on the framework's scale.",
    defaultSeverity: 'error',
    fixable: false,
  },
  check(context) {
    const profile = context.report.framework?.profile;
    const framework = context.framework;
    if (!profile || !framework) return [];
    // worded only for a report that has a problem: most have none
    const scale = () => describeScale(profile);
    const highestNumber = () => Math.max(...profile.scale.levels.map((level) => level.number ?? 0));
    const labels = () => profile.scale.levels.map((level) => level.label).join(', ');
    const problems: Problem[] = [];
    // a record cell still to be filled for a section whose grade is still to be given too: missing-grade says so once
    const awaited = new Set<Grade>();
    for (const row of context.report.record?.rows ?? []) {
      const section = row.grade?.label && PLACEHOLDER.test(row.grade.label.text.trim()) ? context.links().sectionOf(row) : null;
      if (section && !section.judgement?.grade) awaited.add(row.grade!);
    }
    for (const grade of allGrades(context.report)) {
      if (awaited.has(grade)) continue;
      if (grade.unreadable) {
        problems.push({
          message:
            grade.outOf === undefined
              ? `${clip(grade.text)} is written as a grade but gives no grade of the ${frameworkName(context)} scale: ${scale()}.`
              : `${quote(grade.text)} counts grades out of ${grade.outOf}, but the ${frameworkName(context)} scale has ${highestNumber()}: ${scale()}.`,
          range: grade.range,
        });
        continue;
      }
      if (grade.number && !grade.numberLevel) {
        problems.push({
          message:
            profile.scale.direction === 'labels-only'
              ? `${frameworkName(context)} grades have no numbers (${labels()}), but this grade is written ${clip(grade.text)}.`
              : `Grade ${grade.number.value} is not on the ${frameworkName(context)} scale: ${scale()}.`,
          range: grade.number.range,
        });
      }
      if (grade.label && !grade.label.level) {
        problems.push({
          message: PLACEHOLDER.test(grade.label.text.trim())
            ? `${quote(grade.label.text)} holds the place of a grade still to be given: the ${frameworkName(context)} scale is ${labels()}.`
            : `${quote(grade.label.text)} is not a grade of the ${frameworkName(context)} scale (${labels()}).`,
          range: grade.label.range,
        });
      }
    }
    return problems;
  },
});
