import type { Grade, GradeStyle, Section } from '../model';
import { shortNameOf, type FrameworkProfile, type Level } from './profile';

function withCase(label: string, lower: boolean): string {
  return lower ? label.toLowerCase() : label;
}

/** Writes a level in one of the framework's notations: "Grade 2 (Good)", "Performs well (3)", "good". */
export function writeGrade(profile: FrameworkProfile, level: Level, style: GradeStyle = profile.notation.preferred, lowerCase?: boolean): string {
  const lower = lowerCase ?? profile.notation.labelCase === 'lower';
  const label = withCase(level.label, lower);
  const number = level.number;
  switch (style) {
    case 'number':
      return number === undefined ? label : String(number);
    case 'number-label':
      return number === undefined ? label : `${number} (${label})`;
    case 'grade-number':
      return number === undefined ? label : `Grade ${number}`;
    case 'grade-number-label':
      return number === undefined ? label : `Grade ${number} (${label})`;
    case 'label-grade-number':
      return number === undefined ? label : `${label} (Grade ${number})`;
    case 'label-number':
      return number === undefined ? label : `${label} (${number})`;
    case 'label':
    case 'heading-colon-label':
    case 'sentence':
      return label;
  }
}

/** Notations a grade is written in on a line or in a cell of its own, and read back in. */
const OWN_LINE_NOTATIONS: ReadonlySet<GradeStyle> = new Set<GradeStyle>(['grade-number', 'grade-number-label', 'label-grade-number', 'label-number', 'number-label', 'label']);

/** Notations a section's grade is read in on a line of its own: a label alone only where the framework writes grades so. */
export function sectionNotations(profile: FrameworkProfile): ReadonlySet<GradeStyle> {
  return profile.notation.styles.includes('label') ? OWN_LINE_NOTATIONS : new Set([...OWN_LINE_NOTATIONS].filter((style) => style !== 'label'));
}

/** The report's sections' grades written as most of them are (see usualNotation). */
export function sectionsNotation(profile: FrameworkProfile, sections: readonly Section[]): UsualNotation | null {
  return usualNotation(
    sections.map((section) => section.judgement?.grade),
    profile.notation.preferred,
    sectionNotations(profile),
  );
}

export interface UsualNotation {
  style: GradeStyle;
  /** The labels are lower case ("Grade 3 (adequate)"); undefined when no grade has a label. */
  lowerCase: boolean | undefined;
}

/**
 * How a report writes the grades given: the notation most of them are written in (`preferred` on a tie), and the case
 * of their labels; null when none is written in a notation of its own line. `allowed` (a part of OWN_LINE_NOTATIONS)
 * narrows the notations counted.
 */
export function usualNotation(grades: readonly (Grade | null | undefined)[], preferred: GradeStyle, allowed: ReadonlySet<GradeStyle> = OWN_LINE_NOTATIONS): UsualNotation | null {
  const counts = new Map<GradeStyle, number>();
  let labelled = 0;
  let lower = 0;
  for (const grade of grades) {
    if (!grade?.level || !allowed.has(grade.style)) continue;
    counts.set(grade.style, (counts.get(grade.style) ?? 0) + 1);
    if (grade.label) {
      labelled++;
      if (grade.label.text === grade.label.text.toLowerCase()) lower++;
    }
  }
  let style: GradeStyle | null = null;
  for (const [candidate, count] of counts) {
    const best = style === null ? 0 : (counts.get(style) ?? 0);
    if (count > best || (count === best && candidate === preferred)) style = candidate;
  }
  return style ? { style, lowerCase: labelled ? lower * 2 > labelled : undefined } : null;
}

/** Rewrites a written grade for another level, keeping how the writer wrote it (style, case, brackets, "out of 4"). */
export function rewriteGrade(profile: FrameworkProfile, grade: Grade, level: Level): string {
  const lower = grade.label ? grade.label.text === grade.label.text.toLowerCase() : undefined;
  // "Performs well - 3", "3 – Adequate", "Good [2]": the number and the label replaced where they stand
  if (grade.style === 'label-number' || grade.style === 'number-label') {
    const inPlace = replacedInPlace(grade, level, Boolean(lower));
    if (inPlace !== null) return inPlace;
  }
  if (grade.style === 'label-grade-number' && !/[([]/.test(grade.text) && level.number !== undefined) {
    return `${withCase(level.label, Boolean(lower))} Grade ${level.number}`;
  }
  const written = writeGrade(profile, level, grade.style === 'grade-number' && grade.label ? 'grade-number-label' : grade.style, lower);
  return grade.outOf === undefined ? written : withOutOf(written, grade.text);
}

/** The grade's text with its number and its label written for `level`, or null when they cannot be found in it. */
function replacedInPlace(grade: Grade, level: Level, lower: boolean): string | null {
  const { number, label, range } = grade;
  if (!number || !label || level.number === undefined) return null;
  const line = range.start.line;
  const ranges = [range.end, number.range.start, number.range.end, label.range.start, label.range.end];
  // on one line, and nothing left out of the text (characters nobody sees) between its ends
  if (ranges.some((position) => position.line !== line) || grade.text.length !== range.end.character - range.start.character) return null;
  const base = range.start.character;
  const parts: [number, number, string][] = [
    [number.range.start.character - base, number.range.end.character - base, String(level.number)],
    [label.range.start.character - base, label.range.end.character - base, withCase(level.label, lower)],
  ];
  parts.sort((a, b) => b[0] - a[0]);
  let text = grade.text;
  for (const [start, end, written] of parts) text = text.slice(0, start) + written + text.slice(end);
  return text;
}

/** "Grade 3 (Good)" written as "Grade 2 out of 4 (Adequate)" was: "Grade 3 out of 4 (Good)". */
function withOutOf(written: string, original: string): string {
  const outOf = /^grade\s*:?\s*\d{1,3}(\s+(?:out\s+of|of)\s*\d{1,3})/i.exec(original)?.[1];
  const number = /^Grade \d{1,3}/.exec(written);
  return outOf && number ? `${number[0]}${outOf}${written.slice(number[0].length)}` : written;
}

/** "Grade 2 (Good)" or "good", for messages. */
export function describeLevel(level: Level): string {
  return level.number === undefined ? level.label : `${level.number} (${level.label})`;
}

/** How the scale runs, e.g. "Grade 1 (Outstanding) is best, Grade 4 (Inadequate) is worst". */
export function describeScale(profile: FrameworkProfile): string {
  const levels = profile.scale.levels;
  const best = levels[0];
  const worst = levels[levels.length - 1];
  if (!best || !worst) return shortNameOf(profile);
  if (profile.scale.direction === 'labels-only') return levels.map((level) => level.label).join(', ') + ', best first';
  const style = profile.notation.preferred === 'label-number' ? 'label-number' : 'grade-number-label';
  return `${writeGrade(profile, best, style, false)} is best, ${writeGrade(profile, worst, style, false)} is worst`;
}

/** The word a sentence uses for a level ("good"), keeping the capital of the word it replaces. */
export function termFor(level: Level, replacing: string): string {
  // keep the writer's form of the verb: "perform poorly" becomes "perform well", not "performs well"
  const firstWord = replacing.trim().split(/\s+/)[0]?.toLowerCase();
  const term = level.terms.find((candidate) => candidate.split(/\s+/).length > 1 && candidate.split(/\s+/)[0]?.toLowerCase() === firstWord) ?? level.terms[0] ?? level.label.toLowerCase();
  return /^[A-Z]/.test(replacing) ? term.charAt(0).toUpperCase() + term.slice(1) : term;
}

/**
 * The level a grade gives, unless its number and label disagree: then no level is trusted (grade-label-mismatch
 * reports the grade itself, and comparing either half with anything else would be a guess).
 */
export function trustedLevel(grade: Grade | null | undefined): Level | null {
  if (!grade?.level) return null;
  if (grade.numberLevel && grade.label?.level && grade.numberLevel !== grade.label.level) return null;
  return grade.level;
}
