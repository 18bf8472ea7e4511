import type { CompiledFramework, TitleRole } from '../frameworks/compiled';
import type { GroupDefinition, PartDefinition } from '../frameworks/schema';
import type {
  ActionList,
  Contents,
  Grade,
  NumberedParagraph,
  PartReference,
  RecordOfFindings,
  ScaleTableRow,
  Section,
  SectionKind,
  TextSpan,
} from '../model';
import { lineRange, range, trimmedSpan, type Span } from '../text';
import { readActionList, readContents, readRecord, spanOf } from './blocks';
import { readFusedGrade, readGrade } from './grades';
import {
  bulletItem,
  headingShaped,
  isHtmlCommentStart,
  isTableRule,
  isTimescale,
  Lines,
  markdownHeading,
  numberedLine,
  proseShaped,
  tableCells,
} from './lines';

/** What each line turned out to be; the evaluation step reads prose by it. */
export const enum LineKind {
  Blank,
  Prose,
  Heading,
  Grade,
  Table,
  Bullet,
  Block,
  Comment,
}

export interface Structure {
  sections: Section[];
  record: RecordOfFindings | null;
  contents: Contents | null;
  paragraphs: NumberedParagraph[];
  actionLists: ActionList[];
  scaleTable: ScaleTableRow[];
  strayGrades: Grade[];
  kinds: Uint8Array;
  /** First line of prose in each numbered paragraph: where its text starts. */
  proseStart: Map<number, number>;
}

interface HeadingEntry {
  line: number;
  section: Section;
  rank: number;
}

const GENERIC_CONTENTS = /^(?:table of )?contents$/i;
const GENERIC_RECORD =
  /^(?:record of (?:the )?(?:main )?findings|summary of (?:inspection )?judgements|summary of findings|inspection judgements|judgements? (?:and|&) grades?)$/i;
const GENERIC_ACTIONS =
  /^(?:(?:key )?(?:areas?|recommendations?|priorities|points?) (?:for|of) (?:further )?(?:development|improvement|action)s?(?: and (?:development|improvement))?|recommendations?|what (?:does|should|needs? to)\b.*\bimprove\??|areas for development and improvement)$/i;

export class StructureParser {
  private readonly kinds: Uint8Array;
  private readonly headings: HeadingEntry[] = [];
  private readonly stack: HeadingEntry[] = [];
  private readonly paragraphs: NumberedParagraph[] = [];
  private readonly actionLists: ActionList[] = [];
  private readonly scaleTable: ScaleTableRow[] = [];
  private readonly strayGrades: Grade[] = [];
  private readonly proseStart = new Map<number, number>();
  private record: RecordOfFindings | null = null;
  private contents: Contents | null = null;
  private part: PartReference | null = null;
  private group: GroupDefinition | null = null;
  /** The heading waiting for its grade on the next line, if nothing else came between. */
  private awaitingGrade: Section | null = null;
  private readonly base: number;

  constructor(
    private readonly lines: Lines,
    private readonly framework: CompiledFramework,
  ) {
    this.kinds = new Uint8Array(lines.length);
    this.base = framework.profile?.parts.length ? 2 : 1;
  }

  parse(): Structure {
    const { lines } = this;
    let index = 0;
    while (index < lines.length) index = this.step(index);
    return {
      sections: this.buildTree(),
      record: this.record,
      contents: this.contents,
      paragraphs: this.paragraphs,
      actionLists: this.actionLists,
      scaleTable: this.scaleTable,
      strayGrades: this.strayGrades,
      kinds: this.kinds,
      proseStart: this.proseStart,
    };
  }

  /** Reads the line at `index` (and any block it starts); returns the next line to read. */
  private step(index: number): number {
    const { lines } = this;
    const raw = lines.text(index);
    const text = lines.masked(index);
    const span = trimmedSpan(text);
    if (span.start === span.end) {
      this.kinds[index] = LineKind.Blank;
      return index + 1;
    }
    if (isHtmlCommentStart(text)) return this.comment(index);

    const md = markdownHeading(text);
    if (md) {
      if (md.title.end > md.title.start) return this.heading(index, md.title, md.depth);
      this.kinds[index] = LineKind.Table;
      return index + 1;
    }
    if (isTableRule(text)) {
      this.kinds[index] = LineKind.Table;
      return index + 1;
    }
    const content = text.slice(span.start, span.end);
    const numbered = numberedLine(raw);
    if (numbered) {
      const rest = trimmedSpan(text, numbered.textStart);
      const restText = text.slice(rest.start, rest.end);
      if (headingShaped(restText) && (this.framework.matchTitle(restText) || this.introducesSection(index, restText))) {
        return this.heading(index, rest, null);
      }
      this.paragraphs.push({ number: numbered.number, range: lineRange(index, numbered.numberSpan.start, numbered.numberSpan.end) });
      this.proseStart.set(index, numbered.textStart);
      return this.prose(index);
    }
    if (bulletItem(raw)) {
      this.kinds[index] = LineKind.Bullet;
      this.awaitingGrade = null;
      return index + 1;
    }
    if (isTimescale(content)) return this.actionList(index, null);

    const gradeCtx = { framework: this.framework, line: index };
    if (span.end - span.start <= 80) {
      const grade = readGrade(text, span.start, span.end, gradeCtx);
      if (grade) return this.gradeLine(index, grade);
    }
    const cells = tableCells(text);
    if (cells.length >= 2) return this.tableRow(index, text, cells);

    if (headingShaped(content)) {
      const fused = readFusedGrade(text, span.start, span.end, gradeCtx);
      if (fused) {
        const title = text.slice(fused.title.start, fused.title.end);
        if (headingShaped(title) && !/[.,;:]$/.test(title)) return this.heading(index, fused.title, null, fused.grade);
      }
      const known = this.framework.matchTitle(content) !== null || this.genericRole(content) !== null;
      const timescaleOk = !content.endsWith(':') || known;
      if (timescaleOk && (known || this.introducesSection(index, content))) return this.heading(index, span, null);
    }
    return this.prose(index);
  }

  private comment(index: number): number {
    let end = index;
    while (end < this.lines.length && !this.lines.text(end).includes('-->')) end++;
    if (end >= this.lines.length) end = index;
    for (let line = index; line <= end; line++) this.kinds[line] = LineKind.Comment;
    return end + 1;
  }

  private prose(index: number): number {
    this.kinds[index] = LineKind.Prose;
    this.awaitingGrade = null;
    return index + 1;
  }

  /** An unknown short line is a heading when it stands alone and introduces prose, a grade or a list. */
  private introducesSection(index: number, content: string): boolean {
    const { lines } = this;
    if (index > 0 && !lines.isBlank(index - 1) && this.kinds[index - 1] !== LineKind.Heading) return false;
    const next = lines.nextNonBlank(index + 1);
    if (next < 0) return false;
    if (next === index + 1 && !/[?:]$/.test(content)) {
      // a heading directly followed by text: only when that text is clearly a paragraph or a grade
      const nextText = lines.masked(next);
      const nextSpan = trimmedSpan(nextText);
      if (!readGrade(nextText, nextSpan.start, nextSpan.end, { framework: this.framework, line: next })) return false;
    }
    const raw = lines.text(next);
    const nextText = lines.masked(next);
    const nextSpan = trimmedSpan(nextText);
    // text resuming in lower case continues a sentence across a page break
    if (/^[a-z]/.test(nextText.slice(nextSpan.start, nextSpan.start + 1))) return false;
    if (numberedLine(raw)) return true;
    if (readGrade(nextText, nextSpan.start, nextSpan.end, { framework: this.framework, line: next })) return true;
    if (bulletItem(raw)) return /\b(?:development|improvement|action|recommendations?)\b/i.test(content);
    return proseShaped(nextText.slice(nextSpan.start, nextSpan.end));
  }

  private genericRole(title: string): 'contents' | 'record' | 'actions' | null {
    const clean = title.replace(/[:.]\s*$/, '').trim();
    if (GENERIC_CONTENTS.test(clean)) return 'contents';
    if (GENERIC_RECORD.test(clean)) return 'record';
    if (GENERIC_ACTIONS.test(clean)) return 'actions';
    return null;
  }

  private gradeLine(index: number, grade: Grade): number {
    this.kinds[index] = LineKind.Grade;
    const owner = this.awaitingGrade;
    if (owner?.judgement && !owner.judgement.grade) {
      owner.judgement.grade = grade;
      if (owner.kind === 'section') owner.kind = 'judgement';
    } else if (owner && !owner.judgement) {
      owner.judgement = { definition: null, grade, sentence: null };
      owner.kind = 'judgement';
    } else {
      this.strayGrades.push(grade);
    }
    this.awaitingGrade = null;
    return index + 1;
  }

  private tableRow(index: number, text: string, cells: Span[]): number {
    this.kinds[index] = LineKind.Table;
    const filled = cells.filter((cell) => cell.end > cell.start);
    const first = filled[0];
    const lastCell = filled[filled.length - 1];
    if (!first || !lastCell) return index + 1;
    const ctx = { framework: this.framework, line: index, allowLabelOnly: true };
    // The report's own scale: "Outstanding (Grade 1) | A service that …", "4 | Performs excellently | An organisation …"
    const leading = readGrade(text, first.start, first.end, ctx);
    const leadingNumber = /^\d{1,2}$/.test(text.slice(first.start, first.end)) ? Number(text.slice(first.start, first.end)) : null;
    if ((leading || leadingNumber !== null) && filled.length >= 2) {
      const labelCell = leading ? first : filled[1];
      const label = labelCell ? text.slice(labelCell.start, labelCell.end) : '';
      const descriptorCell = filled.length > (leading ? 1 : 2) ? lastCell : null;
      this.scaleTable.push({
        number: leading?.number?.value ?? leadingNumber,
        label: leading?.label?.text ?? label,
        descriptor: descriptorCell ? text.slice(descriptorCell.start, descriptorCell.end) : null,
        range: lineRange(index, first.start, lastCell.end),
      });
      this.awaitingGrade = null;
      return index + 1;
    }
    // "Children's services rating | Performs well (3)" straight under a heading: that heading's grade
    if (filled.length >= 2 && this.awaitingGrade) {
      const grade = readGrade(text, lastCell.start, lastCell.end, ctx);
      if (grade) return this.gradeLine(index, grade);
    }
    this.awaitingGrade = null;
    return index + 1;
  }

  private actionList(index: number, heading: TextSpan | null): number {
    const allowNumbered = this.framework.profile?.paragraphs !== 'numbered';
    const result = readActionList(this.lines, index, heading, allowNumbered);
    this.actionLists.push(result.block);
    for (const line of result.lines) {
      this.kinds[line] = LineKind.Block;
      const numbered = numberedLine(this.lines.text(line));
      if (numbered && !allowNumbered) {
        this.paragraphs.push({ number: numbered.number, range: lineRange(line, numbered.numberSpan.start, numbered.numberSpan.end) });
      }
    }
    if (!heading) this.kinds[index] = LineKind.Block;
    this.awaitingGrade = null;
    return Math.max(result.next, index + 1);
  }

  private heading(index: number, titleSpan: Span, markdownDepth: number | null, fusedGrade?: Grade): number {
    const { lines } = this;
    this.kinds[index] = LineKind.Heading;
    const headingSpan = spanOf(lines, index, titleSpan);
    const title = headingSpan.text.replace(/\s*[:]\s*$/, '').replace(/\s+/g, ' ');
    const role = this.framework.matchTitle(title);
    const generic = role ? null : this.genericRole(title);
    const recordTitle = role?.kind === 'heading' && role.heading.kind === 'record';

    if (generic === 'contents' || (role?.kind === 'heading' && role.heading.kind === 'contents')) {
      const section = this.open(index, headingSpan, title, 'contents', 1, markdownDepth);
      const result = readContents(lines, index, headingSpan);
      this.contents ??= result.block;
      for (const line of result.lines) this.kinds[line] = LineKind.Block;
      this.part = null;
      this.group = null;
      section.part = null;
      return result.next;
    }
    if (generic === 'record' || recordTitle) {
      const section = this.open(index, headingSpan, title, 'record', 1, markdownDepth);
      section.part = null;
      this.part = null;
      this.group = null;
      const result = readRecord(lines, index, headingSpan, {
        framework: this.framework,
        partOf: (text) => this.partOf(text),
      });
      if (!this.record || this.record.rows.length === 0) this.record = result.block;
      for (const line of result.lines) this.kinds[line] = LineKind.Block;
      return result.next;
    }
    if (generic === 'actions' || (role?.kind === 'heading' && role.heading.kind === 'actions')) {
      this.open(index, headingSpan, title, 'actions', this.childRank(), markdownDepth);
      return this.actionList(index, headingSpan);
    }

    const section = this.openRole(index, headingSpan, title, role, markdownDepth);
    if (fusedGrade) {
      section.judgement ??= { definition: null, grade: null, sentence: null };
      section.judgement.grade = fusedGrade;
      section.kind = 'judgement';
      return index + 1;
    }
    this.awaitingGrade = section;
    return index + 1;
  }

  private partOf(title: string): PartDefinition | null {
    const role = this.framework.matchTitle(title);
    if (role?.kind === 'part') return role.part;
    if (role?.kind === 'group' && role.group.part) {
      return this.framework.profile?.parts.find((part) => part.id === role.group.part) ?? null;
    }
    return null;
  }

  /** Rank of a heading that belongs inside the current judgement, or at the current level. */
  private childRank(): number {
    for (let index = this.stack.length - 1; index >= 0; index--) {
      const entry = this.stack[index] as HeadingEntry;
      if (entry.section.kind === 'judgement') return entry.rank + 1;
    }
    return this.part ? this.base : 1;
  }

  private openRole(index: number, heading: TextSpan, title: string, role: TitleRole | null, markdownDepth: number | null): Section {
    if (role?.kind === 'part') {
      const section = this.open(index, heading, title, 'part', 1, markdownDepth);
      this.part = { title, definition: role.part, range: heading.range };
      this.group = null;
      section.part = this.part;
      return section;
    }
    if (role?.kind === 'group') {
      if (role.group.part && this.part?.definition?.id !== role.group.part) {
        const part = this.framework.profile?.parts.find((candidate) => candidate.id === role.group.part);
        if (part && !this.part) this.part = { title: part.title, definition: part, range: heading.range };
      }
      const section = this.open(index, heading, title, 'group', this.base, markdownDepth);
      this.group = role.group;
      return section;
    }
    if (role?.kind === 'judgement') {
      const inGroup = this.group !== null && role.definition.group === this.group.id;
      const section = this.open(index, heading, title, 'judgement', this.base + (inGroup ? 1 : 0), markdownDepth);
      section.judgement = { definition: role.definition, grade: null, sentence: null };
      return section;
    }
    const kind: SectionKind = 'section';
    // a heading the framework places at report level ("Service information") never nests in a judgement
    const topLevel = role?.kind === 'heading' && role.heading.within === 'report';
    return this.open(index, heading, title, kind, topLevel ? (this.part ? this.base : 1) : this.childRank(), markdownDepth);
  }

  private open(
    index: number,
    heading: TextSpan,
    title: string,
    kind: SectionKind,
    rank: number,
    markdownDepth: number | null,
  ): Section {
    const effectiveRank = markdownDepth ?? rank;
    while (this.stack.length && (this.stack[this.stack.length - 1] as HeadingEntry).rank >= effectiveRank) this.stack.pop();
    // judgements of the open group sit one level below it; anything at the group's level or above ends it
    if (this.group && effectiveRank <= this.base) this.group = null;
    const section: Section = {
      title,
      heading,
      range: heading.range,
      level: this.stack.length + 1,
      kind,
      markdownDepth,
      part: this.part,
      judgement: null,
      children: [],
    };
    const entry = { line: index, section, rank: effectiveRank };
    this.headings.push(entry);
    this.stack.push(entry);
    this.awaitingGrade = null;
    return section;
  }

  /** Nests the headings by rank and gives each section its range (through its last non-blank line). */
  private buildTree(): Section[] {
    const roots: Section[] = [];
    const stack: HeadingEntry[] = [];
    const { lines } = this;
    const close = (entry: HeadingEntry, nextLine: number) => {
      const last = lines.previousNonBlank(nextLine - 1);
      const endLine = Math.max(entry.line, last);
      entry.section.range = range(entry.line, entry.section.heading.range.start.character, endLine, lines.text(endLine).length);
    };
    for (const entry of this.headings) {
      while (stack.length && (stack[stack.length - 1] as HeadingEntry).rank >= entry.rank) {
        close(stack.pop() as HeadingEntry, entry.line);
      }
      const parent = stack[stack.length - 1];
      entry.section.level = stack.length + 1;
      if (parent) parent.section.children.push(entry.section);
      else roots.push(entry.section);
      stack.push(entry);
    }
    while (stack.length) close(stack.pop() as HeadingEntry, lines.length);
    return roots;
  }
}
