import { termFor, trustedLevel } from '../core/frameworks/notation';
import type { Section, SummaryStatement } from '../core/model';
import type { Range } from '../core/text';
import { defineRule, type Problem } from './rule';
import { gradeInWords, lineOf, quote, replace, sectionName, textIn, titleOf } from './support';

/** From the start of whichever range comes first to the end of the other: "good contributions to … staying safe". */
function spanning(a: Range, b: Range): Range {
  const before = (x: Range, y: Range) => x.start.line < y.start.line || (x.start.line === y.start.line && x.start.character <= y.start.character);
  return before(a, b) ? { start: a.start, end: b.end } : { start: b.start, end: a.end };
}

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
    for (const section of context.report.judgementSections) {
      const definition = section.judgement?.definition;
      if (!definition || !section.judgement?.grade?.level) continue;
      const inPart = `${definition.id}|${section.part?.definition?.id ?? ''}`;
      if (!first.has(inPart)) first.set(inPart, section);
      if (!first.has(definition.id)) first.set(definition.id, section);
    }
    const targetOf = (statement: SummaryStatement): Section | undefined => {
      const part = statement.section.part?.definition?.id ?? null;
      return first.get(`${statement.definition.id}|${part ?? ''}`) ?? (part ? undefined : first.get(statement.definition.id));
    };
    // one word may state the level of several judgements ("good contributions to being healthy, staying safe …"):
    // it can only be changed when every judgement it covers has the same grade
    const levelsByTerm = new Map<string, Set<string | null>>();
    const termKey = (statement: SummaryStatement) => `${statement.term.range.start.line}:${statement.term.range.start.character}`;
    for (const statement of context.report.summaryStatements) {
      const levels = levelsByTerm.get(termKey(statement)) ?? new Set();
      levels.add(trustedLevel(targetOf(statement)?.judgement?.grade)?.key ?? null);
      levelsByTerm.set(termKey(statement), levels);
    }
    for (const statement of context.report.summaryStatements) {
      const target = targetOf(statement);
      const grade = target?.judgement?.grade;
      const level = trustedLevel(grade);
      if (!target || !grade || !level || level.key === statement.term.level.key) continue;
      const wording = termFor(level, statement.term.text);
      const shared = (levelsByTerm.get(termKey(statement))?.size ?? 1) > 1;
      problems.push({
        message:
          `${quote(titleOf(statement.section))} says ${quote(textIn(context.lines, spanning(statement.mention.range, statement.term.range)))}, ` +
          `but ${sectionName(target)} is graded ${gradeInWords(grade)} (${lineOf(grade.range)}).` +
          (shared ? ` The same word speaks of judgements graded differently: reword the sentence for each.` : ''),
        range: statement.term.range,
        related: [{ message: `The grade of ${quote(titleOf(target))}`, range: grade.range }],
        fixes: shared ? [] : [{ title: `Change ${quote(statement.term.text)} to ${quote(wording)} to match the grade`, edits: [replace(statement.term.range, wording)] }],
      });
    }
    return problems;
  },
});
