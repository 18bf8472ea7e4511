import type { NumberedParagraph } from '../core/model';
import { firstChangedReading } from '../core/parse/paragraph-numbers';
import { defineRule, type Fix, type Problem, type RuleContext } from './rule';
import { lineOf, replace } from './support';

export default defineRule({
  meta: {
    id: 'paragraph-numbering',
    description: 'Numbered paragraphs skip or repeat a number.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(context) {
    const paragraphs = context.report.paragraphs;
    const continuous = context.report.framework?.profile.paragraphs === 'numbered';
    const problems: Problem[] = [];
    // the number the previous paragraph should have had: a mistyped number does not shift the ones after it
    let previousNumber = paragraphs[0]?.number ?? 0;
    for (let index = 1; index < paragraphs.length; index++) {
      const previous = paragraphs[index - 1] as NumberedParagraph;
      const current = paragraphs[index] as NumberedParagraph;
      const expected = previousNumber + 1;
      previousNumber = current.number;
      if (current.number === expected) continue;
      // a list that starts again at 1 is a new list, unless the framework numbers paragraphs through the report
      if (current.number === 1 && !continuous) continue;
      const next = paragraphs[index + 1];
      // "11, 14, 13": the numbers on either side follow on from each other, so only this one is wrong
      if (next && next.number === expected + 1) {
        previousNumber = expected;
        problems.push({
          message: `Paragraph ${current.number} is out of sequence: it comes between paragraphs ${expected - 1} and ${next.number}, so it should be ${expected}.`,
          range: current.range,
          related: [{ message: `Paragraph ${expected - 1}`, range: previous.range }],
          // (no fix when the new number would change how the line after the paragraph reads)
          fixes: firstChangedReading(context.report, new Map([[current.range.start.line, expected]])) === null
            ? [{ title: `Number this paragraph ${expected}`, edits: [replace(current.range, numberAs(context.lines, current, expected))], preferred: true }]
            : [],
        });
        continue;
      }
      const what =
        current.number === expected - 1
          ? `Paragraph ${current.number} is numbered twice (also ${lineOf(previous.range)}).`
          : current.number > expected
            ? `Paragraph ${current.number} follows paragraph ${expected - 1}: ` +
              (current.number === expected + 1 ? `paragraph ${expected} is missing.` : `paragraphs ${expected}–${current.number - 1} are missing.`)
            : `Paragraph ${current.number} follows paragraph ${expected - 1}: the numbering goes back.`;
      problems.push({
        message: what,
        range: current.range,
        related: [{ message: `Paragraph ${expected - 1}`, range: previous.range }],
        fixes: renumberFrom(context, index, expected),
      });
    }
    return problems;
  },
});

/**
 * Renumbers this paragraph and the ones that follow on from it, so that they follow on from the one before. It
 * stops at the next break in the numbering: that break has its own problem and fix (and fixes that never overlap
 * keep "fix all" linear in the size of the report); and before a paragraph whose new number would change how a line
 * after it reads (see paragraph-numbers.ts).
 */
function renumberFrom(context: RuleContext, start: number, first: number): Fix[] {
  const paragraphs = context.report.paragraphs;
  let run: { paragraph: NumberedParagraph; number: number }[] = [];
  for (let index = start; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index] as NumberedParagraph;
    if (index > start && paragraph.number !== (paragraphs[index - 1] as NumberedParagraph).number + 1) break;
    run.push({ paragraph, number: first + index - start });
  }
  for (let attempt = 0; run.length; attempt++) {
    const changed = new Map(run.filter(({ paragraph, number }) => paragraph.number !== number).map(({ paragraph, number }) => [paragraph.range.start.line, number]));
    const cut = firstChangedReading(context.report, changed);
    if (cut === null) break;
    run = attempt < MAX_CUTS ? run.filter(({ paragraph }) => paragraph.range.start.line < cut) : [];
  }
  const edits = run.filter(({ paragraph, number }) => paragraph.number !== number).map(({ paragraph, number }) => replace(paragraph.range, numberAs(context.lines, paragraph, number)));
  if (!edits.length) return [];
  const last = run[run.length - 1]!.number;
  return [{ title: last > first ? `Renumber paragraphs ${first}–${last} to follow on` : `Number this paragraph ${first}`, edits, preferred: true }];
}

/** Times a renumbering is cut short before it is given up: each cut comes from a line read by its number, which is rare. */
const MAX_CUTS = 4;

/** `number` written as the paragraph writes its number: "12.", "12\." (escaped by a Markdown converter), "12)" or "(12)". */
function numberAs(lines: readonly string[], paragraph: NumberedParagraph, number: number): string {
  const { start, end } = paragraph.range;
  return (lines[start.line] ?? '').slice(start.character, end.character).replace(/\d+/, String(number));
}
