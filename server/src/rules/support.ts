import { shortNameOf } from '../core/frameworks/profile';
import type { Grade, Section } from '../core/model';
import type { Range } from '../core/text';
import type { RuleContext, TextEdit } from './rule';

const QUOTE_LIMIT = 120;

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

/** "'Staying safe' in Services for looked after children" */
export function sectionName(section: Section): string {
  return section.part && section.kind !== 'part' ? `${quote(section.title)} in ${section.part.title}` : quote(section.title);
}

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

export function insertAt(line: number, character: number, newText: string): TextEdit {
  return { range: { start: { line, character }, end: { line, character } }, newText };
}
