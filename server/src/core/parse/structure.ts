import { foldApostrophes, type CompiledFramework, type TitleRole } from '../frameworks/compiled';
import type { GroupDefinition, JudgementDefinition, PartDefinition } from '../frameworks/profile';
import type {
  ActionList,
  Contents,
  Grade,
  NumberedParagraph,
  PartReference,
  RecordOfFindings,
  Report,
  ScaleTableRow,
  Section,
  SectionKind,
  TextSpan,
} from '../model';
import { collapseWhiteSpace, decodeEntities, endsClause, isInvisible, isWhiteSpace, lineRange, normalizeTitle, range, trimmedSpan, visibleText, withoutInvisible, type Position, type Range, type Span } from '../text';
import { gradeCellOf, htmlHeaderRow, isHeaderRow, isSpacedHeaderRow, readActionList, readContents, readNumberedRow, readRecord, spanOf, strayTab } from './blocks';
import { evaluativeTerms, type FoundTerm } from './evaluation';
import { splitSentences } from './sentences';
import { followsOn } from './paragraph-numbers';
import { readFusedGrade, readGrade, readTrailingGrade } from './grades';
import {
  bulletItem,
  genericHeadingRole,
  titleCellOf,
  headingShaped,
  isDigit,
  isHtmlCommentStart,
  isTableRule,
  isTimescale,
  leadingCode,
  Lines,
  markdownHeading,
  mayBeBullet,
  mayBeTableRule,
  numberedLine,
  proseShaped,
  tabAfterListMarker,
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

/** The report's blocks as the line-by-line pass finds them, and what each line is. */
export interface Structure extends Pick<Report, 'sections' | 'record' | 'contents' | 'paragraphs' | 'sentenceNumbers' | 'actionLists' | 'scaleTable' | 'strayGrades'> {
  kinds: Uint8Array;
  /** First line of prose in each numbered paragraph: where its text starts. */
  proseStart: Map<number, number>;
}

interface HeadingEntry {
  line: number;
  section: Section;
  rank: number;
}

/** A line that states a judgement and its level ("Children's services in X are good."). */
interface Statement {
  /** The text the spans below are offsets into: the line, or two lines joined by a space. */
  text: string;
  /** The position of an offset into `text`. */
  at: (offset: number) => Position;
  /** The last line the statement takes. */
  lastLine: number;
  definition: JudgementDefinition;
  title: Span;
  term: FoundTerm;
  /** The sentence that states it: the whole line, or its first sentence when more follows. */
  sentence: Span;
  /** More text follows the sentence on the line. */
  runsOn: boolean;
}

/** "Being healthy:" is titled "Being healthy" (what `.replace(/\s*:\s*$/, '')` does, without the regex's scan of every position). */
function withoutTrailingColon(text: string): string {
  let end = text.length;
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  if (end === 0 || text.charCodeAt(end - 1) !== 58 /* : */) return text;
  end--;
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

const enum Code {
  Hash = 35,
  Ampersand = 38,
  OpenParen = 40,
  Angle = 60,
  Equals = 61,
  Pipe = 124,
}

/**
 * How much of the start of `text` reads as `opening`, a run of white space in the text standing for each space of
 * the opening ("Children's  services  in" is "Children's services in"); -1 when it does not.
 */
function matchedOpening(text: string, opening: string): number {
  let at = 0;
  for (let index = 0; index < opening.length; index++) {
    const code = opening.charCodeAt(index);
    // a soft hyphen or zero-width joiner inside a word is not there for the reader
    while (isInvisible(text.charCodeAt(at))) at++;
    if (code === 32) {
      if (!isWhiteSpace(text.charCodeAt(at))) return -1;
      while (at < text.length && isWhiteSpace(text.charCodeAt(at))) at++;
    } else if (text.charCodeAt(at) === Code.Ampersand) {
      // "Children&rsquo;s services in", "help &amp; protection": what a converter leaves for the opening's character
      const written = ampersandAt(text, at);
      const standsFor = foldApostrophes(decodeEntities(written));
      if (standsFor === opening[index]) at += written.length;
      else if (standsFor === '&' && opening.startsWith('and ', index)) {
        at += written.length;
        index += 2;
      } else return -1;
    } else if (text.charCodeAt(at++) !== code) return -1;
  }
  return at;
}

/** Where a semicolon ends the first clause ("… are good; leaders …"), not an entity ("Children&rsquo;s"); -1 if none does. */
function clauseSemicolon(text: string): number {
  for (let at = text.indexOf(';'); at >= 0; at = text.indexOf(';', at + 1)) {
    if (!ENTITY_BEFORE.test(text.slice(Math.max(0, at - 9), at))) return at;
  }
  return -1;
}
const ENTITY_BEFORE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8})$/i;

/** The HTML entity starting at `at` ("&rsquo;", "&#39;"), or the ampersand alone. */
function ampersandAt(text: string, at: number): string {
  ENTITY_AT.lastIndex = at;
  return ENTITY_AT.exec(text)?.[0] ?? '&';
}
const ENTITY_AT = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/iy;

/** "=====": what underlines a Markdown heading of the first level. */
function isSetextUnderline(text: string): boolean {
  return /^\s*={3,}\s*$/.test(text);
}

/** Lines pasted between two rows of the record that still leave it one table. */
const MAX_RECORD_INTERRUPTION = 3;

export class StructureParser {
  private readonly kinds: Uint8Array;
  private readonly headings: HeadingEntry[] = [];
  private readonly stack: HeadingEntry[] = [];
  private readonly paragraphs: NumberedParagraph[] = [];
  /** The number the next item of a numbered list inside the numbered paragraphs would have ("…priorities:" / "1. …"). */
  private listItemNext: number | null = null;
  private readonly sentenceNumbers: NumberedParagraph[] = [];
  private readonly actionLists: ActionList[] = [];
  private readonly scaleTable: ScaleTableRow[] = [];
  private readonly strayGrades: Grade[] = [];
  private readonly proseStart = new Map<number, number>();
  private record: RecordOfFindings | null = null;
  /** The record's heading was the last heading: table rows below a stray line still belong to it. */
  private recordOpen = false;
  /** The record is a table found with neither a record heading nor a header row. */
  private recordImplicit = false;
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
    // each step reads at least its own line, so that no line can hold the parse up
    while (index < lines.length) index = Math.max(this.step(index), index + 1);
    return {
      sections: this.buildTree(),
      record: this.record,
      contents: this.contents,
      paragraphs: this.paragraphs,
      sentenceNumbers: this.sentenceNumbers,
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
    let text = lines.masked(index);
    const span = trimmedSpan(text);
    if (span.start === span.end) {
      this.kinds[index] = LineKind.Blank;
      return index + 1;
    }
    // the first character rules out most kinds of line before any of their tests runs
    const lead = leadingCode(text, span.start);
    const rawLead = lines.mayHoldMarkup(index) ? leadingCode(raw) : lead;
    if (lead === Code.Angle && isHtmlCommentStart(text)) return this.comment(index);

    const md = lead === Code.Hash ? markdownHeading(text) : null;
    if (md) {
      if (md.title.end > md.title.start) {
        // "## Children in care: good", "## Being healthy Grade 3"
        const fused = readFusedGrade(text, md.title.start, md.title.end, { framework: this.framework, line: index });
        if (fused && this.framework.matchTitle(text.slice(fused.title.start, fused.title.end))?.kind === 'judgement') {
          return this.heading(index, fused.title, md.depth, fused.grade);
        }
        // "## Children's services in X are good.": the headline statement, set as a heading
        const statement = this.framework.statements.length ? this.readStatement(index, text, md.title) : null;
        if (statement) return this.statementLine(index, statement);
        // "## Care leavers: adequate": a judgement's heading with a grade the scale does not have
        const unknownLabel = this.colonWithUnknownLabel(index, text, md.title);
        if (unknownLabel && !unknownLabel.lastLine) return this.heading(index, unknownLabel.title, md.depth, unknownLabel.grade);
        return this.heading(index, md.title, md.depth);
      }
      this.kinds[index] = LineKind.Table;
      return index + 1;
    }
    // "-----" and "=====": a rule, or the underline of a Markdown heading, which keeps waiting for its grade
    if ((mayBeTableRule(lead) && isTableRule(text)) || (lead === Code.Equals && isSetextUnderline(text))) {
      this.kinds[index] = LineKind.Table;
      return index + 1;
    }
    let content = text.slice(span.start, span.end);
    // "1. Children who need help and protection<TAB>Good" is a table row, not a numbered paragraph
    // (masking may blank a tab inside a tag or comment: the masked text has the last word)
    if (lines.hasTab(index) && text.includes('\t') && !tabAfterListMarker(text)) {
      const cells = tableCells(text);
      // "Being healthy<TAB>": a tab Word left after a heading makes no row, outside a table
      const row = cells.length >= 2 && ((this.recordOpen && this.interruptsRecord(index)) || cells.filter((cell) => cell.end > cell.start).length >= 2);
      if (row && !strayTab(text, cells, this.framework, index)) return this.tableRow(index, text, cells);
      // a tab typed by mistake inside the words is read as the space it stands for
      if (row) {
        text = text.replace(/\t/g, ' ');
        content = text.slice(span.start, span.end);
      }
    }
    if (!this.record && rawLead === Code.Angle) {
      const header = htmlHeaderRow(this.lines, index);
      if (header) return this.summaryTable(index, header, index);
    }
    // "Judgement Grade" over a summary table whose cells lost their tabs
    if (!this.record && isSpacedHeaderRow(content)) return this.summaryTable(index + 1, spanOf(this.lines, index, span), index);
    const paragraphNumber = isDigit(rawLead) || rawLead === Code.OpenParen ? this.paragraphNumber(index, raw) : null;
    const numbered = paragraphNumber?.numbered ?? null;
    if (numbered && !this.record && this.numberedSummaryRow(index) && this.numberedSummaryRow(this.lines.nextNonBlank(index + 1))) {
      return this.summaryTable(index, this.tableIntroduction(index), index);
    }
    if (numbered) {
      const rest = trimmedSpan(text, numbered.textStart);
      const restText = text.slice(rest.start, rest.end);
      if (headingShaped(restText) && (this.framework.matchTitle(restText) || this.introducesSection(index, restText)) && !this.sentenceGoesOn(index)) {
        return this.heading(index, rest, null);
      }
      if (this.numberedListItem(index, numbered.number)) {
        this.kinds[index] = LineKind.Bullet;
        this.awaitingGrade = null;
        return index + 1;
      }
      const paragraph: NumberedParagraph = { number: numbered.number, range: lineRange(index, numbered.numberSpan.start, numbered.numberSpan.end) };
      if (paragraphNumber!.byNumber) paragraph.byNumber = true;
      this.paragraphs.push(paragraph);
      this.proseStart.set(index, numbered.textStart);
      return this.prose(index);
    }
    if (mayBeBullet(rawLead) && bulletItem(raw)) {
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
    // "Children's services rating    Performs well (3)" straight under its heading: a row whose tab became spaces (a
    // Markdown simple table's) gives the heading its grade, as the row with its tab does
    const awaiting = this.awaitingGrade?.judgement;
    if (awaiting && !awaiting.grade && span.end - span.start <= 160) {
      const row = readTrailingGrade(text, span.start, span.end, gradeCtx);
      const title = row ? text.slice(row.title.start, row.title.end) : '';
      // the cells apart by the line's only run of spaces, as a simple table's are, or by a colon or a dash ("Children's
      // services rating: Performs well (3)", "… – Performs well (3)"): not a sentence that ends in a level
      const gap = row ? text.slice(row.title.end, row.grade.range.start.character) : '';
      const apart = row?.grade.level ? (/^\s{2,}$/.test(gap) || /^\s*[:\u2013\u2014-]\s*$/.test(gap)) && !/\s{2}/.test(title) : false;
      if (apart && row && this.gradesAwaitedHeading(this.framework.matchTitle(title))) return this.gradeLine(index, row.grade);
    }
    // a Markdown table row (tab-separated rows were read above)
    if (lead === Code.Pipe) {
      const cells = tableCells(text);
      if (cells.length >= 2) return this.tableRow(index, text, cells);
    }

    // a statement whose sentence goes on below ("… requires improvement" / "to be good") is read over both lines
    const wrapped = this.framework.statements.length && this.sentenceGoesOn(index) ? this.wrappedStatement(index, text, span) : null;
    const statement = wrapped ?? this.readStatement(index, text, span) ?? this.wrappedStatement(index, text, span);
    if (statement) return this.statementLine(index, statement);
    const joined = this.joinedHeading(index);
    if (joined) return joined;

    // "Children in care: good.": a judgement's heading with its grade, though a full stop ends it
    if (content.endsWith('.') && this.framework.styles.has('heading-colon-label') && span.end - span.start <= 200) {
      const fused = readFusedGrade(text, span.start, span.end, gradeCtx);
      if (fused?.grade.style === 'heading-colon-label' && this.framework.matchTitle(text.slice(fused.title.start, fused.title.end))?.kind === 'judgement') {
        return this.heading(index, fused.title, null, fused.grade);
      }
    }
    if (headingShaped(content)) {
      const fused = readFusedGrade(text, span.start, span.end, gradeCtx);
      if (fused) {
        const title = text.slice(fused.title.start, fused.title.end);
        // "Staying safe: Grade 3" is a heading and its grade; "The council was judged: Grade 3" is not (nor with a comma)
        const colonBefore = /[:,]/.test(text.slice(fused.title.end, fused.grade.range.start.character));
        const titled = !colonBefore || this.framework.matchTitle(title)?.kind === 'judgement';
        if (titled && headingShaped(title) && !/[.,;:]$/.test(title)) return this.heading(index, fused.title, null, fused.grade);
      }
      const unknownLabel = this.colonWithUnknownLabel(index, text, span);
      if (unknownLabel?.lastLine) {
        this.kinds[unknownLabel.lastLine] = LineKind.Heading;
        return this.headingSpan(index, spanOf(this.lines, index, unknownLabel.title), null, unknownLabel.grade, unknownLabel.lastLine);
      }
      if (unknownLabel) return this.heading(index, unknownLabel.title, null, unknownLabel.grade);
      const known = (this.framework.matchTitle(content) !== null || this.genericRole(content) !== null) && !this.sentenceGoesOn(index);
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

  /**
   * "12. The council …", unless the line goes on with a sentence the prose line above left open ("… in March" /
   * "2008. Current …"): there, only a number that follows on starts a paragraph (paragraph-numbers.ts).
   */
  private paragraphNumber(index: number, raw: string): { numbered: ReturnType<typeof numberedLine>; byNumber: boolean } | null {
    const numbered = numberedLine(raw);
    if (!numbered || index === 0 || this.kinds[index - 1] !== LineKind.Prose || endsClause(this.lines.text(index - 1))) return { numbered, byNumber: false };
    if (followsOn(numbered.number, this.paragraphs[this.paragraphs.length - 1]?.number ?? 0)) return { numbered, byNumber: true };
    this.sentenceNumbers.push({ number: numbered.number, range: lineRange(index, numbered.numberSpan.start, numbered.numberSpan.end) });
    return null;
  }

  /**
   * Is the numbered line an item of a list inside the report's numbered paragraphs: "The partnership has three
   * priorities:" / "1. early help;" / "2. …", numbered from 1 again, after which the paragraphs go on (26 after 25)?
   */
  private numberedListItem(index: number, number: number): boolean {
    if (this.listItemNext !== null && number === this.listItemNext) {
      this.listItemNext++;
      return true;
    }
    this.listItemNext = null;
    const lastParagraph = this.paragraphs[this.paragraphs.length - 1]?.number ?? 0;
    if (number !== 1 || lastParagraph < 2) return false;
    const before = this.lines.previousNonBlank(index - 1);
    if (before < 0 || !/:\s*$/.test(this.lines.masked(before))) return false;
    this.listItemNext = 2;
    return true;
  }

  /** Does the line below go on with this line's sentence ("The impact of leaders on …" / "requires improvement to be good. Leaders …")? */
  private sentenceGoesOn(index: number): boolean {
    const next = index + 1;
    if (next >= this.lines.length || this.lines.isBlank(next)) return false;
    const text = this.lines.masked(next);
    const span = trimmedSpan(text);
    if (!/^[a-z]/.test(text.slice(span.start, span.start + 1))) return false;
    return span.end - span.start > 80 || !readGrade(text, span.start, span.end, { framework: this.framework, line: next });
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
    const nextContent = nextText.slice(nextSpan.start, nextSpan.end);
    if (proseShaped(nextContent)) return true;
    // a paragraph hard-wrapped into short lines: its first two lines together
    const after = next + 1;
    return after < lines.length && !lines.isBlank(after) && proseShaped(`${nextContent} ${lines.masked(after).trim()}`);
  }

  private genericRole(title: string): 'contents' | 'record' | 'actions' | null {
    return genericHeadingRole(title);
  }

  private gradeLine(index: number, grade: Grade): number {
    this.kinds[index] = LineKind.Grade;
    const owner = this.awaitingGrade;
    if (owner?.judgement && !owner.judgement.grade) {
      owner.judgement.grade = grade;
      if (owner.kind === 'section') this.becomeJudgement(owner);
    } else if (owner && !owner.judgement) {
      owner.judgement = { definition: null, grade, sentence: null };
      this.becomeJudgement(owner);
    } else {
      this.strayGrades.push(grade);
    }
    this.awaitingGrade = null;
    return index + 1;
  }

  private tableRow(index: number, text: string, cells: Span[]): number {
    if (this.recordOpen && this.interruptsRecord(index)) return this.recordContinued(index);
    this.kinds[index] = LineKind.Table;
    const filled = cells.filter((cell) => cell.end > cell.start);
    const first = filled[0];
    const lastCell = filled[filled.length - 1];
    if (!first || !lastCell) return index + 1;
    const ctx = { framework: this.framework, line: index, allowLabelOnly: true };
    // The report's own scale: "Outstanding (Grade 1) | A service that …", "4 | Performs excellently | An organisation …"
    // (a number alone is no grade here: "1<TAB>Children who need help and protection<TAB>Good" is a numbered row)
    const leadingRead = readGrade(text, first.start, first.end, ctx);
    const leading = leadingRead?.style === 'number' ? null : leadingRead;
    const second = filled[1];
    const numberedLabel = second ? readGrade(text, second.start, second.end, ctx) : null;
    const leadingNumber = /^\d{1,2}$/.test(text.slice(first.start, first.end)) && numberedLabel ? Number(text.slice(first.start, first.end)) : null;
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
    // "Judgement | Grade": the header of a summary table of judgements
    if (!this.record && isHeaderRow(text, cells)) return this.summaryTable(index + 1, spanOf(this.lines, index, trimmedSpan(text)), index);
    const titleCell = titleCellOf(text, filled);
    const rowJudgement = filled.length >= 2 ? this.framework.matchTitle(text.slice(titleCell.start, titleCell.end)) : null;
    // the grade's cell: the last, or the one before a column of notes
    const gradeCell = gradeCellOf(text, filled, titleCell, this.framework, index);
    // "Children's services rating | Performs well (3)" straight under a heading: that heading's grade
    if (filled.length >= 2 && this.gradesAwaitedHeading(rowJudgement)) {
      const grade = readGrade(text, gradeCell.start, gradeCell.end, ctx);
      if (grade) return this.gradeLine(index, grade);
    }
    // "The experiences and progress of children in care <TAB> Good": a judgement and its grade; several in a row
    // (or one whose title runs on to the next line) are a summary table
    if (rowJudgement?.kind === 'judgement') {
      const grade = readGrade(text, gradeCell.start, gradeCell.end, ctx);
      if (grade) {
        if (!this.record && this.tableGoesOn(index)) return this.summaryTable(index, this.tableIntroduction(index), index);
        return this.heading(index, titleCell, null, grade);
      }
      // "… protection <TAB> Requires" with "improvement to be good" on the next line: a label broken by the PDF
      if (!this.record && this.framework.isLabelStart(text.slice(gradeCell.start, gradeCell.end)) && this.tableGoesOn(index)) {
        return this.summaryTable(index, this.tableIntroduction(index), index);
      }
    }
    this.awaitingGrade = null;
    return index + 1;
  }

  /**
   * "Care leavers: satisfactory" where headings carry their grade after a colon: a judgement with a grade that is
   * not on the scale (kept, so that grade-out-of-scale can say so).
   */
  private colonWithUnknownLabel(index: number, text: string, span: Span): { title: Span; grade: Grade; lastLine?: number } | null {
    if (!this.framework.styles.has('heading-colon-label')) return null;
    const colon = text.lastIndexOf(':', span.end);
    if (colon <= span.start) return null;
    const title = trimmedSpan(text, span.start, colon);
    const label = trimmedSpan(text.replace(/\.\s*$/, ' '), colon + 1, span.end);
    const labelText = text.slice(label.start, label.end);
    if (!/^[A-Za-z][A-Za-z -]{1,40}$/.test(labelText) || labelText.split(/\s+/).length > 5) return null;
    if (this.framework.matchTitle(text.slice(title.start, title.end))?.kind !== 'judgement') return null;
    const labelRange = lineRange(index, label.start, label.end);
    const level = this.framework.levelForLabel(labelText);
    if (!level && this.framework.isLabelStart(labelText)) {
      const broken = this.labelBrokenOver(index, labelText, label.start);
      if (broken) return { title, grade: broken, lastLine: index + 1 };
    }
    return {
      title,
      grade: { text: labelText, range: labelRange, number: null, label: { text: labelText, range: labelRange, level }, level, numberLevel: null, style: 'heading-colon-label' },
    };
  }

  /** Is line `index` a numbered row of a summary table whose cells lost their tab? */
  private numberedSummaryRow(index: number): boolean {
    if (index < 0 || index >= this.lines.length) return false;
    const line = this.lines.masked(index);
    if (line.includes('\t') || line.length > 200) return false;
    return readNumberedRow(line, trimmedSpan(line), this.framework, index) !== null;
  }

  /** "…: requires" with "improvement to be good" on the next line: a label a PDF broke after its first words. */
  private labelBrokenOver(index: number, start: string, startCharacter: number): Grade | null {
    const next = index + 1;
    if (next >= this.lines.length || this.lines.isBlank(next)) return null;
    const rest = this.lines.masked(next);
    const restSpan = trimmedSpan(rest.replace(/\.\s*$/, ' '));
    if (restSpan.end - restSpan.start > 40) return null;
    const whole = `${start} ${rest.slice(restSpan.start, restSpan.end)}`;
    const level = this.framework.levelForLabel(whole);
    if (!level) return null;
    const range = { start: { line: index, character: startCharacter }, end: { line: next, character: restSpan.end } };
    return { text: whole, range, number: null, label: { text: whole, range, level }, level, numberLevel: null, style: 'heading-colon-label' };
  }

  /** "The judgements on areas of the service … are:" just above a summary table stands for its heading. */
  private tableIntroduction(index: number): TextSpan | null {
    const previous = this.lines.previousNonBlank(index - 1);
    if (previous < 0 || index - previous > 2) return null;
    const text = this.lines.masked(previous);
    const span = trimmedSpan(text);
    if (span.end - span.start > 200 || !text.slice(span.start, span.end).endsWith(':')) return null;
    return spanOf(this.lines, previous, span);
  }

  /** Does the table row at `index` have more rows (or a title broken over lines) right below it? */
  private tableGoesOn(index: number): boolean {
    const next = index + 1;
    if (next >= this.lines.length) return false;
    if (this.lines.isBlank(next)) return this.judgementRowAt(this.lines.nextNonBlank(next), next + 1);
    const text = this.lines.masked(next);
    if (text.includes('\t') || /^\s*\|.*\|\s*$/.test(text)) return true;
    const content = text.trim();
    // a grade line below ("Grade 2 (Good)") belongs to a heading: the row is a heading pasted with its grade
    if (readGrade(text, 0, text.length, { framework: this.framework, line: next })?.number) return false;
    return !proseShaped(content) && this.framework.matchTitle(content) === null && this.genericRole(content) === null && content.length < 100;
  }

  /** Does a row titled so, right under a heading that waits for its grade, give that heading its grade (another judgement's row does not)? */
  private gradesAwaitedHeading(role: TitleRole | null): boolean {
    const awaiting = this.awaitingGrade;
    if (!awaiting) return false;
    return role?.kind !== 'judgement' || role.definition === awaiting.judgement?.definition;
  }

  /** A double-spaced table: is the line, one blank line below a row, another judgement's row? */
  private judgementRowAt(line: number, expected: number): boolean {
    if (line !== expected || !this.lines.hasTab(line)) return false;
    const text = this.lines.masked(line);
    const cells = tableCells(text).filter((cell) => cell.end > cell.start);
    if (cells.length < 2 || tabAfterListMarker(text)) return false;
    return this.framework.matchTitle(text.slice(titleCellOf(text, cells).start, titleCellOf(text, cells).end))?.kind === 'judgement';
  }

  /** Is the row at `index` the record going on after a few lines pasted into it, with no blank line between? */
  private interruptsRecord(index: number): boolean {
    const end = (this.record as RecordOfFindings).range.end.line;
    if (index - end - 1 > MAX_RECORD_INTERRUPTION) return false;
    for (let line = end + 1; line < index; line++) if (this.lines.isBlank(line)) return false;
    return true;
  }

  /** Rows of the record below a line that interrupted it (a paragraph pasted in, page furniture). */
  private recordContinued(index: number): number {
    const record = this.record as RecordOfFindings;
    const result = readRecord(this.lines, index, null, this.recordContext());
    if (!result.block.rows.length && !result.block.groups.length) {
      this.recordOpen = false;
      this.kinds[index] = LineKind.Table;
      return index + 1;
    }
    const lastGroup = record.groups[record.groups.length - 1] ?? null;
    for (const row of result.block.rows) {
      if (row.group || !lastGroup) continue;
      row.group = lastGroup;
      row.part = lastGroup.part;
      lastGroup.rows.push(row);
    }
    for (const group of result.block.groups) record.groups.push(group);
    for (const row of result.block.rows) record.rows.push(row);
    record.range = { start: record.range.start, end: result.block.range.end };
    for (const line of result.lines) this.kinds[line] = LineKind.Block;
    return Math.max(result.next, index + 1);
  }

  /**
   * A summary table of judgements without a "Record of main findings" heading (SIF, ILACS first pages), from `start`,
   * under a header row or an introduction; `from` is the line being read (the header row's, or `start`).
   */
  private summaryTable(start: number, header: TextSpan | null, from: number): number {
    const result = readRecord(this.lines, start, header, this.recordContext());
    if (!result.block.rows.length) {
      if (from < start) this.kinds[from] = LineKind.Table;
      return from + 1;
    }
    this.record = result.block;
    this.recordImplicit = !header;
    if (header) this.kinds[header.range.start.line] = LineKind.Block;
    for (const line of result.lines) this.kinds[line] = LineKind.Block;
    this.awaitingGrade = null;
    return Math.max(result.next, start + 1);
  }

  private recordContext() {
    return {
      framework: this.framework,
      partOf: (text: string) => this.partOf(text),
      isHeading: (text: string) => this.genericRole(text) !== null || ['heading', 'part'].includes(this.framework.matchTitle(text)?.kind ?? ''),
    };
  }

  /**
   * A line of its own that states a judgement and its grade: "Children's services in X require improvement
   * to be good", "The graded judgement for adoption performance is that it is good" (frameworks that write
   * grades as sentences). The level must end the line.
   */
  private readStatement(index: number, text: string, span: Span, lastLine = index, at = (offset: number): Position => ({ line: index, character: offset })): Statement | null {
    const statements = this.framework.statements;
    if (!statements.length) return null;
    // the openings are sorted longest first: one character past the longest, with room for doubled spaces, is all
    // the test below reads
    const folded = foldApostrophes(text.slice(span.start, Math.min(span.end, span.start + 240, span.start + 2 * statements[0]!.opening.length + 1)));
    let openingLength = -1;
    const statement = statements.find((candidate) => {
      openingLength = matchedOpening(folded, candidate.opening);
      return openingLength >= 0 && /^(?:\s|$)/.test(folded.slice(openingLength));
    });
    if (!statement) return null;
    // "## Adoption performance" / "**Good**" / "The graded judgement for adoption performance is that it is good. …":
    // within its own graded section the statement is the section's judgement sentence, not a second section
    if (this.stack.some((entry) => entry.section.judgement?.definition === statement.definition && entry.section.judgement.grade)) return null;
    // "Children's services in X are good. Since the last inspection …": the first sentence states the judgement
    const [first] = splitSentences(text.slice(span.start, span.end), 1);
    const sentenceEnd = first ? span.start + first.end : span.end;
    const runsOn = text.slice(sentenceEnd, span.end).trim().length > 0;
    if (sentenceEnd - span.start > 240) return null;
    const content = text.slice(span.start, sentenceEnd);
    // "Title: good" is a heading with its grade; "The overall judgement is: good" is a statement
    if (content.includes(':') && !/\b(?:is|are)\s*:\s*\S[^:]*$/i.test(content)) return null;
    const words = content.split(/\s+/).length;
    if (!statement.explicit) {
      // a judgement's title opening a sentence is a heading only on a line of its own, outside an executive summary
      const previous = index > 0 ? this.kinds[index - 1] : LineKind.Blank;
      // nor when the paragraph goes on below it: a line cut at a sentence's end by a hard wrap
      const below = lastLine + 1 < this.lines.length && !this.lines.isBlank(lastLine + 1);
      if (runsOn || below || this.inSummary() || this.inJudgement(statement.definition)) return null;
      if (words > 25 || (previous !== LineKind.Blank && previous !== LineKind.Heading && previous !== LineKind.Block && previous !== LineKind.Table)) return null;
    }
    // "Children's services in X are good; leaders …": the clause before the semicolon states the judgement
    const semicolon = clauseSemicolon(content);
    const body = (semicolon > 0 ? content.slice(0, semicolon) : content).replace(/[\s.!]+$/, '');
    const terms = termsAsShown(body, this.framework);
    // "Children's services in X are good overall.", "… are good and improving."
    const end = body.replace(STATEMENT_QUALIFIER, '').length;
    const last = terms[terms.length - 1];
    // the level now, ending the statement or with a comment after it ("… are good, but not yet outstanding", "… are
    // good (grade 2)", "… are good, having been inadequate"); else a level ending it, as it is
    const term =
      (last && !last.past && last.end === end ? last : undefined) ??
      terms.find((candidate) => candidate.predicative && !candidate.past && (candidate.end === end || STATEMENT_COMMENT.test(body.slice(candidate.end)))) ??
      (last?.end === end ? last : undefined);
    if (!term) return null;
    if (body.slice(openingLength, term.start).trim().split(/\s+/).filter(Boolean).length > 8) return null;
    const title = body
      .slice(0, term.start)
      .replace(
        /[\s,:|\u2013\u2014-]*(?:(?:is|are|was|were|remains?|continues? to be|ha(?:s|ve) been)(?:\s+that\s+(?:it|they)(?:\s+(?:is|are|was|were|remains?|continues? to be|ha(?:s|ve) been))?)?:?)?(?:\s+(?:now|still|consistently|judged|graded|rated|considered|found|to be|as|being))*(?:\s+[a-z]+,?\s+and)?(?:\s+(?:very|really|extremely|highly|fairly|quite|exceptionally))?\s*$/i,
        '',
      );
    return {
      text,
      at,
      lastLine,
      definition: statement.definition,
      title: { start: span.start, end: span.start + (title.length || openingLength) },
      term: { ...term, start: span.start + term.start, end: span.start + term.end },
      sentence: { start: span.start, end: sentenceEnd },
      runsOn,
    };
  }

  /** Is this judgement's section open ("Leadership … are good." under its own heading is its sentence, not a new one)? */
  private inJudgement(definition: JudgementDefinition): boolean {
    return this.stack.some((entry) => entry.section.judgement?.definition === definition);
  }

  /** Is the heading in force an executive summary (whose sentences restate judgements rather than start them)? */
  private inSummary(): boolean {
    return this.stack.some((entry) => entry.section.summary);
  }

  private statementLine(index: number, statement: Statement): number {
    const { text, at, lastLine } = statement;
    const rangeOf = (start: number, end: number): Range => ({ start: at(start), end: at(end) });
    const termSpan = { text: text.slice(statement.term.start, statement.term.end), range: rangeOf(statement.term.start, statement.term.end) };
    const grade: Grade = {
      ...termSpan,
      number: null,
      label: { ...termSpan, level: statement.term.level },
      level: statement.term.level,
      numberLevel: null,
      style: 'sentence',
    };
    const whole = statement.sentence;
    const sentence = { text: text.slice(whole.start, whole.end), range: rangeOf(whole.start, whole.end), term: { ...termSpan, level: statement.term.level } };
    // "is that it is very good": no level of the scale is called that
    const intensifier = /\b(?:very|really|extremely|highly|fairly|quite|exceptionally)\s+$/i.exec(text.slice(0, statement.term.start));
    if (intensifier) {
      const labelSpan = { text: text.slice(intensifier.index, statement.term.end), range: rangeOf(intensifier.index, statement.term.end) };
      grade.text = labelSpan.text;
      grade.range = labelSpan.range;
      grade.label = { ...labelSpan, level: null };
      grade.level = null;
    }
    const owner = this.awaitingGrade;
    if (owner?.judgement?.definition === statement.definition && !owner.judgement.grade) {
      // "The Local Safeguarding Children Board" / "The Local Safeguarding Children Board is good"
      owner.judgement.grade = grade;
      owner.judgement.sentence = sentence;
      this.kinds.fill(statement.runsOn ? LineKind.Prose : LineKind.Grade, index, lastLine + 1);
      this.awaitingGrade = null;
      return lastLine + 1;
    }
    this.kinds.fill(LineKind.Heading, index, lastLine + 1);
    const heading = { text: text.slice(statement.title.start, statement.title.end), range: rangeOf(statement.title.start, statement.title.end) };
    const section = this.openRole(index, heading, heading.text, { kind: 'judgement', definition: statement.definition }, null);
    section.judgement = { definition: statement.definition, grade, sentence };
    // the rest of the line is the section's first paragraph
    if (statement.runsOn) this.kinds[index] = LineKind.Prose;
    return lastLine + 1;
  }

  /**
   * A statement a hard wrap or a PDF broke over two or three lines, alone between blank lines: "The experiences and
   * progress of children who need help and protection require" / "improvement to be good."
   */
  private wrappedStatement(index: number, text: string, span: Span): Statement | null {
    const { lines } = this;
    if (!this.framework.statements.length || span.end - span.start > 200) return null;
    if (/[.!?:]$/.test(text.slice(span.start, span.end))) return null;
    let last = index;
    while (last + 1 < lines.length && !lines.isBlank(last + 1) && last - index < MAX_WRAPPED_LINES - 1) last++;
    if (last === index || (last + 1 < lines.length && !lines.isBlank(last + 1))) return null;
    const pieces: LinePiece[] = [{ line: index, start: span.start, text: text.slice(span.start, span.end) }];
    for (let line = index + 1; line <= last; line++) {
      const masked = lines.masked(line);
      const rest = trimmedSpan(masked);
      // a table's row ("Record of main findings<TAB>33") is no piece of a sentence
      if (rest.end - rest.start > 120 || (lines.hasTab(line) && masked.includes('\t'))) return null;
      // a line above the last that ends a sentence ends the statement there: it is not wrapped
      if (line < last && /[.!?:]$/.test(masked.slice(rest.start, rest.end))) return null;
      pieces.push({ line, start: rest.start, text: masked.slice(rest.start, rest.end) });
    }
    const { joined, at } = joinPieces(pieces);
    const statement = this.readStatement(index, joined, { start: 0, end: joined.length }, last, at);
    return statement && !statement.runsOn ? statement : null;
  }

  /**
   * A heading broken over two lines by PDF extraction, "The experiences and progress of children in care and
   * care" / "leavers: inadequate", or over three by a narrow column (the third alone above a blank line). Taken
   * only when the lines together name a title of the framework.
   */
  private joinedHeading(index: number): number | null {
    const { lines } = this;
    if (index + 1 >= lines.length || !this.framework.profile) return null;
    const first = lines.masked(index);
    const a = trimmedSpan(first);
    // the first line is short: most lines are paragraphs, and are turned away before the next line is read
    if (a.end - a.start > 160 || lines.isBlank(index + 1)) return null;
    const head = first.slice(a.start, a.end);
    if (/[.!?]$/.test(head) || isTableRule(lines.masked(index + 1)) || !this.framework.isTitleStart(head)) return null;
    const pieces: LinePiece[] = [{ line: index, start: a.start, text: head }];
    for (let next = index + 1; next < index + MAX_WRAPPED_LINES && next < lines.length && !lines.isBlank(next); next++) {
      const second = lines.masked(next);
      const b = trimmedSpan(second);
      // a Markdown heading's underline ("-----", "=====") or a rule is not the rest of its title
      if (b.end - b.start > 200 || isTableRule(second) || isSetextUnderline(second)) return null;
      pieces.push({ line: next, start: b.start, text: second.slice(b.start, b.end) });
      const alone = next + 1 >= lines.length || lines.isBlank(next + 1);
      // two lines may run on into text below; three must stand alone
      if (pieces.length === 2 || alone) {
        const found = this.joinedTitle(pieces, index);
        if (found) {
          this.kinds.fill(LineKind.Heading, index + 1, next + 1);
          return this.headingSpan(index, found.title, null, found.grade ?? undefined, next);
        }
      }
      if (/[.!?]$/.test(pieces[pieces.length - 1]!.text)) return null;
    }
    return null;
  }

  /** The title (and grade) the joined lines of a heading give, or null when they name no title of the framework. */
  private joinedTitle(pieces: readonly LinePiece[], index: number): { title: TextSpan; grade: Grade | null } | null {
    const { joined, at } = joinPieces(pieces);
    const spanTo = (start: number, end: number): TextSpan => ({ text: joined.slice(start, end), range: { start: at(start), end: at(end) } });
    const remap = (grade: Grade): Grade => {
      const move = (r: { start: { character: number }; end: { character: number } }) => ({ start: at(r.start.character), end: at(r.end.character) });
      return {
        ...grade,
        range: move(grade.range),
        number: grade.number ? { ...grade.number, range: move(grade.number.range) } : null,
        label: grade.label ? { ...grade.label, range: move(grade.label.range) } : null,
      };
    };
    const isJudgement = (title: string) => this.framework.matchTitle(title)?.kind === 'judgement';
    const cells = tableCells(joined);
    if (cells.length >= 2) {
      const titleCell = cells[0]!;
      const gradeCell = cells[cells.length - 1]!;
      const found = readGrade(joined, gradeCell.start, gradeCell.end, { framework: this.framework, line: index, allowLabelOnly: true });
      if (found && isJudgement(joined.slice(titleCell.start, titleCell.end))) return { title: spanTo(titleCell.start, titleCell.end), grade: remap(found) };
      return null;
    }
    const fused = readFusedGrade(joined, 0, joined.length, { framework: this.framework, line: index });
    if (fused && isJudgement(joined.slice(fused.title.start, fused.title.end))) return { title: spanTo(fused.title.start, fused.title.end), grade: remap(fused.grade) };
    // the lines together are exactly a title of the framework, however long ("Overall effectiveness of services
    // for … and young" / "people", "How good are outcomes for looked after children and care" / "leavers?")
    // (and not a title with something unreadable below it: "Record of main findings" over a line of binary)
    if (this.framework.matchTitle(joined) !== null && !/[.!]$/.test(joined) && normalizeTitle(joined) !== normalizeTitle(pieces[0]!.text)) return { title: spanTo(0, joined.length), grade: null };
    return null;
  }

  private actionList(index: number, heading: TextSpan | null): number {
    const allowNumbered = this.framework.profile?.paragraphs !== 'numbered';
    const isHeading = (text: string) => genericHeadingRole(text) !== null || this.framework.matchTitle(text) !== null;
    const result = readActionList(this.lines, index, heading, allowNumbered, isHeading);
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

  private heading(index: number, titleSpan: Span, markdownDepth: number | null, fusedGrade?: Grade | null): number {
    return this.headingSpan(index, spanOf(this.lines, index, titleSpan), markdownDepth, fusedGrade ?? undefined, index);
  }

  /** A heading (on one line, or ending on `lastLine`), with the blocks it starts; returns the next line to read. */
  private headingSpan(index: number, headingSpan: TextSpan, markdownDepth: number | null, fusedGrade: Grade | undefined, lastLine: number): number {
    const { lines } = this;
    this.kinds[index] = LineKind.Heading;
    const title = collapseWhiteSpace(withoutTrailingColon(withoutInvisible(headingSpan.text)));
    const role = this.framework.matchTitle(title);
    const generic = role ? null : this.genericRole(title);
    const recordTitle = role?.kind === 'heading' && role.heading.kind === 'record';
    this.recordOpen = false;

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
      // (below the heading's last line: a heading may be wrapped over two)
      const result = readRecord(lines, lastLine + 1, headingSpan, this.recordContext());
      // the table under the heading wins over a shorter one found without a heading (rows pasted into the body)
      if (!this.record || this.record.rows.length === 0 || (this.recordImplicit && result.block.rows.length > this.record.rows.length)) {
        this.record = result.block;
        this.recordImplicit = false;
      }
      this.recordOpen = this.record === result.block && result.block.rows.length > 0;
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
      this.becomeJudgement(section);
      return lastLine + 1;
    }
    this.awaitingGrade = section;
    return lastLine + 1;
  }

  private partOf(title: string): PartDefinition | null {
    const role = this.framework.matchTitle(title);
    if (role?.kind === 'part') return role.part;
    if (role?.kind === 'group' && role.group.part) {
      return this.framework.profile?.parts.find((part) => part.id === role.group.part) ?? null;
    }
    return null;
  }

  /**
   * A heading opened inside a judgement turned out to carry a grade of its own: it is the next judgement, not a
   * part of the one before ("Leadership / Grade 3 … Practice / Grade 2"), so it moves up beside it.
   */
  private becomeJudgement(section: Section): void {
    section.kind = 'judgement';
    const top = this.stack[this.stack.length - 1];
    if (!top || top.section !== section) return;
    let enclosing = -1;
    for (let index = this.stack.length - 2; index >= 0; index--) {
      if ((this.stack[index] as HeadingEntry).section.kind === 'judgement') {
        enclosing = index;
        break;
      }
    }
    if (enclosing < 0 || section.markdownDepth !== null) return;
    top.rank = (this.stack[enclosing] as HeadingEntry).rank;
    this.stack.splice(enclosing, this.stack.length - 1 - enclosing);
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
    const section = this.open(index, heading, title, kind, topLevel ? (this.part ? this.base : 1) : this.childRank(), markdownDepth);
    section.summary = role?.kind === 'heading' && role.heading.summary;
    return section;
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
      summary: false,
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

/** What may follow a statement's level as a comment on it: a clause after a comma or a bracket, "in …", "with …", "but …". */
const STATEMENT_COMMENT = /^(?:\s*[,(]|\s+(?:with|in|and|but|since)\b)/i;

/** Words that may follow a statement's level without changing it. */
const STATEMENT_QUALIFIER = /\s+(?:overall|and (?:still |steadily )?improving)$/i;

/** The terms of a line read as it shows ("are go\u00ADod"), each kept at its place in the line. */
function termsAsShown(body: string, framework: CompiledFramework): FoundTerm[] {
  const visible = visibleText(body);
  if (!visible) return evaluativeTerms(body, { start: 0, end: body.length }, framework);
  const { positions } = visible;
  return evaluativeTerms(visible.text, { start: 0, end: visible.text.length }, framework).map((term) => ({
    ...term,
    start: positions[term.start] as number,
    end: (positions[term.end - 1] as number) + 1,
  }));
}

/** The most lines a wrapped heading or statement is joined from. */
const MAX_WRAPPED_LINES = 3;

interface LinePiece {
  line: number;
  start: number;
  text: string;
}

/** Lines' text joined with a space for each break, and the way back from an offset in it to the line and column. */
function joinPieces(pieces: readonly LinePiece[]): { joined: string; at: (offset: number) => Position } {
  const starts: number[] = [];
  let joined = '';
  for (const piece of pieces) {
    if (joined) joined += ' ';
    starts.push(joined.length);
    joined += piece.text;
  }
  const at = (offset: number): Position => {
    // an offset at the end of a line's text stays on that line
    let index = 0;
    while (index + 1 < pieces.length && offset > (starts[index] as number) + (pieces[index] as LinePiece).text.length) index++;
    const piece = pieces[index] as LinePiece;
    return { line: piece.line, character: piece.start + offset - (starts[index] as number) };
  };
  return { joined, at };
}
