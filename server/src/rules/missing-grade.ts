import { sectionsNotation, writeGrade } from '../core/frameworks/notation';
import { defineRule, type Fix } from './rule';
import type { TextSpan } from '../core/model';
import { frameworkName, insertAt, quote, replace, STILL_TO_COME } from './support';

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
        // "Grade TBC" under the heading: the grade goes in its place
        const placeholder = inline ? null : placeholderBelow(context.lines, heading.end.line);
        const fixes: Fix[] = profile.scale.levels.map((level) => {
          const written = inline || !notation ? writeGrade(profile, level) : writeGrade(profile, level, notation.style, notation.lowerCase);
          const because = level === fromSentence ? ', as the judgement sentence says' : '';
          if (placeholder) return { title: `Replace ${quote(placeholder.text)} with "${written}"${because}`, edits: [replace(placeholder.range, written)] };
          return {
            title: `Insert "${written}"${because}`,
            edits: [insertAt(heading.end.line, inline ? heading.end.character : line.length, inline ? `: ${written}` : `${context.eol}${context.eol}${written}`)],
          };
        });
        // the sentence's level is offered first, but never applied by "fix all": a grade is the inspector's to give
        const suggested = fromSentence ? profile.scale.levels.indexOf(fromSentence) : -1;
        if (suggested > 0) fixes.unshift(...fixes.splice(suggested, 1));
        const hint = fromSentence ? ` The judgement sentence says ${section.judgement?.sentence?.term.text}.` : '';
        return {
          message: placeholder
            ? `${quote(section.title)} is a graded judgement in ${frameworkName(context)}; its grade is still to be given (${quote(placeholder.text)}).${hint}`
            : `${quote(section.title)} is a graded judgement in ${frameworkName(context)}, but no grade is given.${hint}`,
          range: heading,
          fixes,
        };
      });
  },
});

/** A grade still to come, as drafts write it: "Grade TBC", "Grade: [TBC]", "Grade ?", "[Grade to be confirmed]". */
const PLACEHOLDER = new RegExp(`^\\[?\\s*grade\\b[^\\n]{0,30}?(?:\\b(?:${STILL_TO_COME})\\b|\\?|_{2,}|\\.{3}|\u2026)[^\\n]{0,10}$`, 'i');

/** The placeholder on the first line below the heading that is not blank, if that line is one. */
function placeholderBelow(lines: readonly string[], headingEnd: number): TextSpan | null {
  for (let index = headingEnd + 1; index < lines.length && index <= headingEnd + 3; index++) {
    const text = lines[index] ?? '';
    const trimmed = text.trim();
    if (!trimmed) continue;
    if (!PLACEHOLDER.test(trimmed)) return null;
    const start = text.indexOf(trimmed);
    return { text: trimmed, range: { start: { line: index, character: start }, end: { line: index, character: start + trimmed.length } } };
  }
  return null;
}
