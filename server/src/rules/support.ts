import { shortNameOf } from '../core/frameworks/profile';
import type { Grade, Section } from '../core/model';
import { withoutSectionNumber, type Range } from '../core/text';
import type { RuleContext, TextEdit } from './rule';
import { cellEdits } from './table-layout';

const QUOTE_LIMIT = 120;

/** The words drafts write where a grade is still to come ("TBC", "to be agreed"), for a regular expression. */
export const STILL_TO_COME = 'tb[cad]|to be (?:confirmed|agreed|decided)';

/** The user's text, clipped so that a runaway line cannot swamp a message. */
export function clip(text: string): string {
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT - 1).trimEnd()}…` : text;
}

export function quote(text: string): string {
  return `"${clip(text)}"`;
}

/** "line 12", 1-based as people count. */
export function lineOf(range: Range): string {
  return `line ${range.start.line + 1}`;
}

export function frameworkName(context: RuleContext): string {
  return context.report.framework ? shortNameOf(context.report.framework.profile) : 'this report';
}

/** 'Grade 2 (Good)' as written, with its meaning when the label does not say it: 'Grade 3 (good)'. */
export function gradeInWords(grade: Grade): string {
  if (grade.label || !grade.level) return quote(grade.text);
  return `${quote(grade.text)} (${grade.level.label.toLowerCase()})`;
}

/** "'Staying safe' in Services for looked after children"; a judgement stated in a sentence goes by its own title. */
export function sectionName(section: Section): string {
  return section.part && section.kind !== 'part' ? `${quote(titleOf(section))} in ${section.part.title}` : quote(titleOf(section));
}

/**
 * The section's title without the number the document gave its heading ("2.1 Being healthy" is "Being healthy"), or
 * the judgement's when the heading is a sentence ("The graded judgement for adoption performance is …").
 */
export function titleOf(section: Section): string {
  const definition = section.judgement?.definition;
  return definition && section.judgement?.grade?.style === 'sentence' ? definition.title : withoutSectionNumber(section.title);
}

/** The document's text in a range, lines joined by a space. */
export function textIn(lines: readonly string[], range: Range): string {
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  const parts = [(lines[range.start.line] ?? '').slice(range.start.character)];
  for (let line = range.start.line + 1; line < range.end.line; line++) parts.push(lines[line] ?? '');
  parts.push((lines[range.end.line] ?? '').slice(0, range.end.character));
  return parts.map((part) => part.trim()).join(' ');
}

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/**
 * Edits putting `text` in place of the range: in a table's cell (a pipe row, or `inTable`: a record row of any shape),
 * keeping the table's layout, its padding and a grid cell's lines; elsewhere, a plain replacement.
 */
export function replaceInCell(context: RuleContext, range: Range, text: string, inTable = /^\s*\|/.test(context.lines[range.start.line] ?? '')): TextEdit[] {
  return inTable ? cellEdits(context.lines, range, text, context.eol, context.report.record?.range.start.line ?? 0) : [replace(range, text)];
}

export function insertAt(line: number, character: number, newText: string): TextEdit {
  return { range: { start: { line, character }, end: { line, character } }, newText };
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The name among `known` that `written` most likely misspells (at most three letters apart), or null. */
export function closest(written: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  const lower = written.toLowerCase();
  for (const name of known) {
    // names that differ in length by the best distance or more cannot be nearer (and a long text costs nothing)
    if (Math.abs(lower.length - name.length) >= bestDistance) continue;
    const d = distance(lower, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}
