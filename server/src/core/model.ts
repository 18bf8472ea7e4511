import type { Range } from './text';
import type { FrameworkProfile, JudgementDefinition, Level, PartDefinition } from './frameworks/profile';

/** A piece of the source text. */
export interface TextSpan {
  text: string;
  range: Range;
}

export type FrameworkSource = 'directive' | 'option' | 'config' | 'detected';

export interface FrameworkResolution {
  profile: FrameworkProfile;
  source: FrameworkSource;
  /** Why the framework was chosen, in words a writer understands. */
  evidence: string[];
}

/** `<!-- framework: id -->` and `<!-- inspection-lint-… -->` comments. */
export interface Directive {
  kind: 'framework' | 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  /** Framework id, or the rule ids the comment names (empty: all rules). */
  values: string[];
  range: Range;
}

/** A grade as written: "Grade 3", "Grade 2 (Good)", "Performs well (3)", "good". */
export interface Grade extends TextSpan {
  number: { value: number; range: Range } | null;
  label: { text: string; range: Range; level: Level | null } | null;
  /** What the grade means on the framework's scale: by its number if it has one, else by its label. */
  level: Level | null;
  /** Level named by the number alone (null when there is no number or it is off the scale). */
  numberLevel: Level | null;
  style: GradeStyle;
  /** Written as a grade ("Grade 3.5", "Grade three") but naming no value the scale can read. */
  unreadable?: true;
  /** The scale's size as the grade gives it ("Grade 2 out of 4"), when it does. */
  outOf?: number;
}

export type GradeStyle =
  | 'number'
  | 'number-label'
  | 'grade-number'
  | 'grade-number-label'
  | 'label-grade-number'
  | 'label-number'
  | 'label'
  | 'heading-colon-label'
  | 'sentence';

/** The evaluative word or phrase of a sentence and the level it expresses. */
export interface EvaluativeTerm extends TextSpan {
  level: Level;
}

/** The sentence that states a section's evaluation ("… in this aspect is good."). */
export interface JudgementSentence extends TextSpan {
  term: EvaluativeTerm;
}

export interface Judgement {
  /** The framework's judgement this section gives, when the heading is one the framework knows. */
  definition: JudgementDefinition | null;
  grade: Grade | null;
  sentence: JudgementSentence | null;
}

/**
 * What a heading is for:
 * part: a part of the report ("Safeguarding services");
 * group: a heading that groups judgements ("How good are outcomes …?");
 * judgement: a section the framework grades (or that carries a grade);
 * contents / record / actions: the contents list, the record of findings, a list of areas for improvement;
 * section: any other heading.
 */
export type SectionKind = 'part' | 'group' | 'judgement' | 'contents' | 'record' | 'actions' | 'section';

export interface Section {
  title: string;
  heading: TextSpan;
  /** Heading through the last non-blank line before the next heading of the same or a higher level. */
  range: Range;
  /** 1 for the highest level. */
  level: number;
  kind: SectionKind;
  /** Markdown heading depth (number of '#'), or null for a plain-text heading. */
  markdownDepth: number | null;
  part: PartReference | null;
  /** Set on sections the framework grades and on any section that carries a grade. */
  judgement: Judgement | null;
  /** The section sums up the report's judgements (an overall or executive summary). */
  summary: boolean;
  children: Section[];
}

export interface PartReference {
  title: string;
  definition: PartDefinition | null;
  range: Range;
}

export interface RecordRow {
  title: TextSpan;
  /** The grade cell, or null for a group row. */
  grade: Grade | null;
  group: RecordGroup | null;
  /** The part the row sits under, as printed (from its group row). */
  part: PartDefinition | null;
  definition: JudgementDefinition | null;
  range: Range;
}

export interface RecordGroup {
  title: TextSpan;
  part: PartDefinition | null;
  rows: RecordRow[];
  range: Range;
}

export interface RecordOfFindings {
  /** The heading ("Record of main findings") or a table's header row; null for a table with neither. */
  heading: TextSpan | null;
  range: Range;
  groups: RecordGroup[];
  /** Graded rows, in order. */
  rows: RecordRow[];
}

export interface ContentsEntry {
  title: TextSpan;
  page: number | null;
  range: Range;
}

export interface Contents {
  heading: TextSpan;
  entries: ContentsEntry[];
  range: Range;
}

export interface NumberedParagraph {
  number: number;
  /** Range of the number, "11." */
  range: Range;
  /** On the line after a sentence left open: a paragraph because its number follows on (see paragraph-numbers.ts). */
  byNumber?: true;
}

export interface ActionItem extends TextSpan {}

export interface ActionGroup {
  timescale: TextSpan | null;
  items: ActionItem[];
}

export interface ActionList {
  heading: TextSpan | null;
  range: Range;
  groups: ActionGroup[];
}

/** The report's own table of its grade scale ("Outstanding (Grade 1)  A service that …"). */
export interface ScaleTableRow {
  number: number | null;
  label: string;
  descriptor: string | null;
  range: Range;
}

/** A statement in an overall section about the level of another judgement. */
export interface SummaryStatement {
  /** The overall section that makes the statement. */
  section: Section;
  mention: TextSpan;
  definition: JudgementDefinition;
  term: EvaluativeTerm;
}

export interface Report {
  framework: FrameworkResolution | null;
  title: TextSpan | null;
  directives: Directive[];
  /** Top-level sections; each holds its children. */
  sections: Section[];
  record: RecordOfFindings | null;
  contents: Contents | null;
  paragraphs: NumberedParagraph[];
  /** Numbers starting a line that goes on with the sentence above ("… in March" / "2008. Current …"): no paragraphs. */
  sentenceNumbers: NumberedParagraph[];
  actionLists: ActionList[];
  scaleTable: ScaleTableRow[];
  summaryStatements: SummaryStatement[];
  /** Grades written where no heading owns them. */
  strayGrades: Grade[];
  /** The year the report is dated (its inspection or publication dates), or null when it gives none near the top. */
  year: number | null;
  lineCount: number;
  /** The sections that carry a judgement (graded or expected to be), in document order: what most rules go through. */
  judgementSections: readonly Section[];
}

/** Every section of the tree, parents before children, in document order. */
export function flattenSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  // a stack rather than recursion: no tree is deep enough to overflow it
  const pending: Section[] = [...sections].reverse();
  while (pending.length) {
    const section = pending.pop() as Section;
    out.push(section);
    for (let index = section.children.length - 1; index >= 0; index--) pending.push(section.children[index] as Section);
  }
  return out;
}
