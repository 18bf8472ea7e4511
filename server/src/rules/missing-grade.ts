import { sectionsNotation, writeGrade } from '../core/frameworks/notation';
import { defineRule, type Fix } from './rule';
import { frameworkName, insertAt, quote } from './support';

export default defineRule({
  meta: {
    id: 'missing-grade',
    description: 'A section the framework grades has no grade.',
    defaultSeverity: 'error',
    fixable: true,
  },
  check(context) {
    const profile = context.report.framework?.profile;
    if (!profile) return [];
    const ungraded = context.report.judgementSections.filter((section) => section.judgement?.definition?.graded && !section.judgement.grade);
    if (!ungraded.length) return [];
    // the grade written as the report's other sections write theirs ("Adequate (Grade 3)", "3 (Adequate)", "grade 3 (adequate)")
    const notation = sectionsNotation(profile, context.report.judgementSections);
    return ungraded
      .map((section) => {
        const heading = section.heading.range;
        // a heading wrapped over two lines or more takes its grade after its last line, not inside it
        const line = context.lines[heading.end.line] ?? '';
        const fromSentence = section.judgement?.sentence?.term.level ?? null;
        const inline = profile.notation.preferred === 'heading-colon-label';
        const fixes: Fix[] = profile.scale.levels.map((level) => {
          const written = inline || !notation ? writeGrade(profile, level) : writeGrade(profile, level, notation.style, notation.lowerCase);
          return {
            title: `Insert "${written}"` + (level === fromSentence ? ', as the judgement sentence says' : ''),
            edits: [insertAt(heading.end.line, inline ? heading.end.character : line.length, inline ? `: ${written}` : `${context.eol}${context.eol}${written}`)],
          };
        });
        // the sentence's level is offered first, but never applied by "fix all": a grade is the inspector's to give
        const suggested = fromSentence ? profile.scale.levels.indexOf(fromSentence) : -1;
        if (suggested > 0) fixes.unshift(...fixes.splice(suggested, 1));
        const hint = fromSentence ? ` The judgement sentence says ${section.judgement?.sentence?.term.text}.` : '';
        return {
          message: `${quote(section.title)} is a graded judgement in ${frameworkName(context)}, but no grade is given.${hint}`,
          range: heading,
          fixes,
        };
      });
  },
});
