import { rewriteGrade, termFor, trustedLevel } from '../core/frameworks/notation';
import { defineRule } from './rule';
import { clip, frameworkName, quote, replace, replaceInCell, titleOf } from './support';

export default defineRule({
  meta: {
    id: 'grade-wording-mismatch',
    description: "The judgement sentence's evaluation disagrees with the grade on the framework's scale.",
    defaultSeverity: 'error',
    fixable: true,
  },
  check(context) {
    const profile = context.report.framework?.profile;
    if (!profile) return [];
    const problems = [];
    for (const section of context.report.judgementSections) {
      const grade = section.judgement?.grade;
      const sentence = section.judgement?.sentence;
      // "Performs well (2)" over "… perform excellently": the sentence agrees with neither the number nor the label
      const byNumber = grade?.numberLevel;
      const byLabel = grade?.label?.level;
      if (grade && sentence && byNumber && byLabel && byNumber.key !== byLabel.key) {
        const said = sentence.term.level;
        if (said.key === byNumber.key || said.key === byLabel.key) continue;
        problems.push({
          message: `In ${quote(grade.text)} the number means ${byNumber.label.toLowerCase()} and the label says ${byLabel.label.toLowerCase()} on the ${frameworkName(context)} scale, but the judgement sentence says ${sentence.term.text}.`,
          range: sentence.term.range,
          related: [{ message: `The grade of ${quote(titleOf(section))}`, range: grade.range }],
          fixes: [
            {
              title: `Change the grade to ${rewriteGrade(profile, grade, said)} to match the wording`,
              edits: replaceInCell(context, grade.range, rewriteGrade(profile, grade, said)),
            },
            ...[byNumber, byLabel].map((level) => ({
              title: `Change ${quote(sentence.term.text)} to ${quote(termFor(level, sentence.term.text))} to match the grade's ${level === byNumber ? 'number' : 'label'}`,
              edits: [replace(sentence.term.range, termFor(level, sentence.term.text))],
            })),
          ],
        });
        continue;
      }
      const level = trustedLevel(grade);
      if (!grade || !level || !sentence || sentence.term.level.key === level.key) continue;
      const said = sentence.term.level;
      // a number needs its meaning on the scale ("Grade 2 means adequate"); a label says it already
      const graded = grade.number
        ? `${clip(grade.text)} means ${level.label.toLowerCase()} on the ${frameworkName(context)} scale`
        : `The grade is ${quote(grade.text)}`;
      problems.push({
        message: `${graded}, but the judgement sentence says ${sentence.term.text}.`,
        range: sentence.term.range,
        related: [{ message: `The grade of ${quote(titleOf(section))}`, range: grade.range }],
        // both directions, neither preferred: the writer decides which side is wrong
        fixes: [
          {
            title: `Change the grade to ${rewriteGrade(profile, grade, said)} to match the wording`,
            edits: replaceInCell(context, grade.range, rewriteGrade(profile, grade, said)),
          },
          {
            title: `Change ${quote(sentence.term.text)} to ${quote(termFor(level, sentence.term.text))} to match the grade`,
            edits: [replace(sentence.term.range, termFor(level, sentence.term.text))],
          },
        ],
      });
    }
    return problems;
  },
});
