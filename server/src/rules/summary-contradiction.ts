import { termFor, trustedLevel } from '../core/frameworks/notation';
import { judgementSections, type Section } from '../core/model';
import { defineRule, type Problem } from './rule';
import { gradeInWords, lineOf, quote, replace, sectionName, textIn, titleOf } from './support';

export default defineRule({
  meta: {
    id: 'summary-contradiction',
    description: "An overall section states a level for another judgement that the judgement's own grade contradicts.",
    defaultSeverity: 'error',
    fixable: true,
  },
  check(context) {
    const problems: Problem[] = [];
    if (!context.report.summaryStatements.length) return problems;
    // the first graded section of each judgement, in each part and in any part
    const first = new Map<string, Section>();
    for (const section of judgementSections(context.report)) {
      const definition = section.judgement?.definition;
      if (!definition || !section.judgement?.grade?.level) continue;
      const inPart = `${definition.id}|${section.part?.definition?.id ?? ''}`;
      if (!first.has(inPart)) first.set(inPart, section);
      if (!first.has(definition.id)) first.set(definition.id, section);
    }
    for (const statement of context.report.summaryStatements) {
      const part = statement.section.part?.definition?.id ?? null;
      const target: Section | undefined = first.get(`${statement.definition.id}|${part ?? ''}`) ?? (part ? undefined : first.get(statement.definition.id));
      const grade = target?.judgement?.grade;
      const level = trustedLevel(grade);
      if (!target || !grade || !level || level.key === statement.term.level.key) continue;
      const wording = termFor(level, statement.term.text);
      problems.push({
        message:
          `${quote(titleOf(statement.section))} says ${quote(textIn(context.lines, { start: statement.mention.range.start, end: statement.term.range.end }))}, ` +
          `but ${sectionName(target)} is graded ${gradeInWords(grade)} (${lineOf(grade.range)}).`,
        range: statement.term.range,
        related: [{ message: `The grade of ${quote(titleOf(target))}`, range: grade.range }],
        fixes: [{ title: `Change ${quote(statement.term.text)} to ${quote(wording)} to match the grade`, edits: [replace(statement.term.range, wording)] }],
      });
    }
    return problems;
  },
});
