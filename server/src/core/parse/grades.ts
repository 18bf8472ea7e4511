import type { CompiledFramework } from '../frameworks/compiled';
import type { Grade, GradeStyle } from '../model';
import { isInvisible, lineRange, trimmedSpan, visibleText, withoutInvisible, type Span } from '../text';

/** The regular expressions for one framework's grade notation (compiled once per framework). */
interface GradePatterns {
  gradeNumber: RegExp;
  labelGradeNumberParen: RegExp;
  labelGradeNumber: RegExp;
  labelNumber: RegExp;
  numberLabel: RegExp;
  labelOnly: RegExp;
  unreadable: RegExp;
  freeLabelNumber: RegExp;
  fusedGrade: RegExp;
  colonLabel: RegExp;
  trailingLabel: RegExp;
  /** The highest grade number of the scale, which "Grade 2 out of 4" names; null for a scale without numbers. */
  scaleSize: number | null;
}

const patternCache = new WeakMap<CompiledFramework, GradePatterns>();

const NUMBER = '(\\d{1,3})';
/** "Grade 2 out of 4", "Grade 2 of 4", "Grade 2 (out of 4)": the scale's size after the number (group 1, where it is captured). */
const OUT_OF = '(?:(?:\\s+|\\s*\\((?=\\s*(?:out\\s+of|of)\\s*\\d{1,3}\\s*\\)))(?:out\\s+of|of)\\s*(\\d{1,3})(?:\\s*\\))?)?';
const OUT_OF_UNCAPTURED = OUT_OF.replace('(\\d', '(?:\\d');
const OPEN = '[(\\[]';
const CLOSE = '[)\\]]';
/** A grade written after a title on its line (a heading's, a record row's): "Grade 3", "Grade 1 (Outstanding)", "Grade 2 out of 4". */
const FUSED_GRADE = `grade\\s*\\d{1,3}${OUT_OF_UNCAPTURED}(?:\\s*${OPEN}[^()\\[\\]\\n]{1,40}${CLOSE})?`;
const DASH = '[-\u2013\u2014:]';
/** A free-text label, so that "Grade 2 (Very good)" is seen as a grade with an unknown label. */
const FREE_LABEL = "([A-Za-z][A-Za-z ,'\u2019-]{0,40}?)";

/** The first words of the scale's labels of more than one word ("Performs" of "Performs well"). */
function labelFirstWords(framework: CompiledFramework): string {
  const words = new Set<string>();
  for (const level of framework.levels) {
    for (const label of [level.label, ...level.aliases]) {
      const [first, second] = label.trim().split(/\s+/);
      if (first && second) words.add(first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    }
  }
  return words.size ? [...words].join('|') : '(?!)';
}

function patterns(framework: CompiledFramework): GradePatterns {
  let cached = patternCache.get(framework);
  if (cached) return cached;
  const labels = `(${framework.labelPattern})`;
  const numbers = framework.levels.map((level) => level.number).filter((number): number is number => number !== undefined);
  cached = {
    scaleSize: numbers.length ? Math.max(...numbers) : null,
    // "Grade 3", "Grade 3 (Adequate)", "Grade 3 - Adequate", "Grade 3 Adequate", "Grade 3 out of 4", "Grade awarded: 3 (Adequate)"
    gradeNumber: new RegExp(
      `^grade(?:\\s+(?:awarded|given))?\\s*[:\\-\u2013]?\\s*${NUMBER}${OUT_OF}(?:\\s*${DASH}?\\s*${OPEN}\\s*${FREE_LABEL}\\s*${CLOSE}|(?:\\s*${DASH}\\s*|\\s+)${labels})?\\s*\\.?$`,
      'id',
    ),
    // "Outstanding (Grade 1)"
    labelGradeNumberParen: new RegExp(`^${FREE_LABEL}\\s*${OPEN}\\s*grade\\s*${NUMBER}\\s*${CLOSE}\\s*\\.?$`, 'id'),
    // "Inadequate Grade 4", "Good - grade 2"
    labelGradeNumber: new RegExp(`^${labels}\\s*${DASH}?\\s*grade\\s*${NUMBER}\\s*\\.?$`, 'id'),
    // an attempt at a grade that names no level: "Grade 3.5", "Grade three", "Grade 2/4"
    unreadable: /^grade(?:\s+(?:awarded|given))?\s*[:\-\u2013]?\s*(?:\d{1,3}\s*[.,/]\s*\d{1,3}|one|two|three|four|five|six|[ivx]{1,4}|[a-e])(?:\s*[(\[][^()\[\]\n]{1,40}[)\]])?\s*\.?$/i,
    // "Performs well (3)", "Performs well [3]", "Performs well - 3", "Performs well 3"
    labelNumber: new RegExp(`^${labels}(?:\\s*${OPEN}\\s*${NUMBER}\\s*${CLOSE}|\\s*${DASH}\\s*${NUMBER}|\\s+${NUMBER})\\s*\\.?$`, 'id'),
    // "3 (Adequate)", "3 - Performs well": a number before a label of the scale (not any words in brackets: "2 (see
    // below)" is no grade)
    numberLabel: new RegExp(`^${NUMBER}(?:\\s*${OPEN}\\s*${labels}\\s*${CLOSE}|\\s*${DASH}\\s*${labels})\\s*\\.?$`, 'id'),
    // "Performs brilliantly (3)": a label of the framework's own shape (its first word) that the scale does not have
    freeLabelNumber: new RegExp(`^((?:${labelFirstWords(framework)})\\s${FREE_LABEL})\\s*\\(\\s*${NUMBER}\\s*\\)\\s*\\.?$`, 'id'),
    // "Good"
    labelOnly: new RegExp(`^${labels}\\s*\\.?$`, 'id'),
    // "Being healthy Grade 3", "Being healthy  Grade 1 (Outstanding)"
    // (and in brackets: "Being healthy (Grade 3)", "Being healthy [Grade 1 (Outstanding)]")
    fusedGrade: new RegExp(`^(.*?\\S)\\s*(?:(${FUSED_GRADE})|${OPEN}\\s*(${FUSED_GRADE})\\s*${CLOSE})\\s*\\.?$`, 'id'),
    // "Experiences and progress of children in care: good"
    colonLabel: new RegExp(`^(.{3,160}?\\S)\\s*(?:[:\u2013\u2014]\\s*${labels}|\\(\\s*${labels}\\s*\\))\\s*\\.?$`, 'id'),
    // a record row whose cells lost their separator: "Overall effectiveness Good", "Children's services rating Performs well (3)"
    trailingLabel: new RegExp(
      `^(.*?\\S)\\s+((?:${framework.labelPattern})(?:\\s*${OPEN}?\\s*grade\\s*\\d{1,3}\\s*${CLOSE}?|\\s*${OPEN}\\s*\\d{1,3}\\s*${CLOSE})?|${FUSED_GRADE})\\s*$`,
      'id',
    ),
  };
  patternCache.set(framework, cached);
  return cached;
}

export interface GradeContext {
  framework: CompiledFramework;
  line: number;
  /** Accept a bare label ("Good") even when the framework does not write grades that way (table cells). */
  allowLabelOnly?: boolean;
}

type Indices = [number, number] | undefined;

function makeGrade(
  ctx: GradeContext,
  text: string,
  whole: [number, number],
  style: GradeStyle,
  numberAt: Indices,
  labelAt: Indices,
): Grade {
  const { framework, line } = ctx;
  const number = numberAt ? { value: Number(withoutInvisible(text.slice(numberAt[0], numberAt[1]))), range: lineRange(line, numberAt[0], numberAt[1]) } : null;
  let label: Grade['label'] = null;
  if (labelAt) {
    const span = trimmedSpan(text, labelAt[0], labelAt[1]);
    const labelText = withoutInvisible(text.slice(span.start, span.end));
    label = { text: labelText, range: lineRange(line, span.start, span.end), level: framework.levelForLabel(labelText) };
  }
  const numberLevel = number ? framework.levelForNumber(number.value) : null;
  return {
    text: withoutInvisible(text.slice(whole[0], whole[1])),
    range: lineRange(line, whole[0], whole[1]),
    number,
    label,
    level: number ? numberLevel : (label?.level ?? null),
    numberLevel,
    style,
  };
}

/** "Judgement: ", "Overall judgement: ", "Rating: ": the word a template puts before a grade, which is not part of it. */
const JUDGEMENT_PREFIX = /^(?:(?:overall|inspection)\s+)?(?:judgement|rating)\s*:\s*/i;

/** The span without a leading "Judgement: " (tried only on a span whose first letter can start one). */
function withoutJudgementPrefix(text: string, span: Span): Span {
  const lead = text.charCodeAt(span.start) | 0x20;
  if (lead !== 0x6a /* j */ && lead !== 0x6f /* o */ && lead !== 0x69 /* i */ && lead !== 0x72 /* r */) return span;
  const prefix = JUDGEMENT_PREFIX.exec(text.slice(span.start, Math.min(span.end, span.start + 32)));
  return prefix && prefix[0].length < span.end - span.start ? { start: span.start + prefix[0].length, end: span.end } : span;
}

/** Reads `text[start, end)` (markup already masked) as a grade notation, or returns null. */
export function readGrade(text: string, start: number, end: number, ctx: GradeContext): Grade | null {
  const trimmed = trimmedSpan(text, start, end);
  const span = withoutJudgementPrefix(text, trimmed);
  // "[Grade 3]", "(Grade 2 (Good))": a grade in brackets of its own
  const opening = text.charCodeAt(span.start);
  const closing = text.charCodeAt(span.end - 1);
  if ((opening === 0x5b /* [ */ && closing === 0x5d) || (opening === 0x28 /* ( */ && closing === 0x29)) {
    const inner = trimmedSpan(text, span.start + 1, span.end - 1);
    if ((text.charCodeAt(inner.start) | 0x20) === 0x67 /* g */) {
      const grade = readGrade(text, inner.start, inner.end, ctx);
      if (grade) return grade;
    }
  }
  // after "Judgement: " a label or a number alone is a grade ("Judgement: Adequate", "Overall rating: 3")
  if (span.start !== trimmed.start && !ctx.allowLabelOnly) ctx = { ...ctx, allowLabelOnly: true };
  const length = span.end - span.start;
  if (length > 80 || length < (ctx.allowLabelOnly ? 1 : 2)) return null;
  const shape = shapeOf(text, span, ctx);
  if (shape === 0) return null;

  const plain = plainSpan(text, span);
  const grade = matchGrade(plain, text, shape, ctx);
  if (grade && !grade.unreadable && (!grade.label || grade.label.level)) return grade;
  // "Grade 4 (Out\u00ADstanding)", "Grade 3 - Ade\u00ADquate": read again as it shows
  const shown = shownSpan(plain);
  return shown ? (matchGrade(shown, text, shape, ctx) ?? grade) : grade;
}

/**
 * A span's text, as it is or as it shows (without the characters inside words nobody sees), with the way back
 * from its offsets to the text's: `positions` gives each character's place, when some were left out.
 */
interface SpanText {
  segment: string;
  span: Span;
  positions: number[] | null;
}

function plainSpan(text: string, span: Span): SpanText {
  return { segment: text.slice(span.start, span.end), span, positions: null };
}

/** The span as it shows, or null when nothing in it is invisible (most text: read again only where a first reading failed). */
function shownSpan(plain: SpanText): SpanText | null {
  const visible = visibleText(plain.segment, plain.span.start);
  return visible ? { segment: visible.text, span: plain.span, positions: visible.positions } : null;
}

/** Where the character at `offset` of the span's text is in the text. */
function startIn({ span, positions }: SpanText, offset: number): number {
  return positions ? (positions[offset] ?? span.end) : span.start + offset;
}

/** Where a run of the span's text ending at `offset` ends in the text. */
function endIn({ span, positions }: SpanText, offset: number): number {
  if (!positions) return span.start + offset;
  return offset === 0 ? span.start : (positions[offset - 1] as number) + 1;
}

/** What the first and last characters say about the notations that can match (most lines need one test at most), as bits. */
const STARTS_WITH_G = 1;
const ENDS_IN_BRACKET = 2;
const ENDS_IN_DIGIT = 4;
const LABEL_ONLY = 8;
const STARTS_WITH_DIGIT = 16;

function shapeOf(text: string, span: Span, ctx: GradeContext): number {
  let last = span.end - 1;
  if (text.charCodeAt(last) === 0x2e /* . */) last--;
  while (last > span.start && (text.charCodeAt(last) === 0x20 || isInvisible(text.charCodeAt(last)))) last--;
  const ending = last >= span.start ? text.charCodeAt(last) : -1;
  let shape = (text.charCodeAt(span.start) | 0x20) === 0x67 /* g */ ? STARTS_WITH_G : 0;
  if (ending === 0x29 /* ) */ || ending === 0x5d /* ] */) shape |= ENDS_IN_BRACKET;
  else if (ending >= 0x30 && ending <= 0x39) shape |= ENDS_IN_DIGIT;
  if (ctx.allowLabelOnly || ctx.framework.styles.has('label')) shape |= LABEL_ONLY;
  const first = text.charCodeAt(span.start);
  if (first >= 0x30 && first <= 0x39) shape |= STARTS_WITH_DIGIT;
  return shape;
}

/** The grade notations tried on the span's text. */
function matchGrade(read: SpanText, text: string, shape: number, ctx: GradeContext): Grade | null {
  const { segment, span } = read;
  const whole: [number, number] = [span.start, span.end];
  const at = (indices: Indices): Indices => (indices ? [startIn(read, indices[0]), endIn(read, indices[1])] : undefined);
  const p = patterns(ctx.framework);
  if (shape & STARTS_WITH_G) {
    const m = p.gradeNumber.exec(segment);
    if (m?.indices) {
      const grade = makeGrade(ctx, text, whole, m.indices[3] ?? m.indices[4] ? 'grade-number-label' : 'grade-number', at(m.indices[1]), at(m.indices[3] ?? m.indices[4]));
      if (m[2] === undefined) return grade;
      const outOf = Number(m[2]);
      // "Grade 2 out of 5" on a scale of four names no grade of it
      if (p.scaleSize === null || outOf === p.scaleSize) return { ...grade, outOf };
      return { ...makeGrade(ctx, text, whole, 'grade-number', undefined, undefined), outOf, unreadable: true };
    }
    if (p.unreadable.test(segment)) return { ...makeGrade(ctx, text, whole, 'grade-number', undefined, undefined), unreadable: true };
  }
  let m: RegExpExecArray | null;
  if (shape & ENDS_IN_BRACKET) {
    m = p.labelGradeNumberParen.exec(segment);
    if (m?.indices) {
      // "Being healthy (Grade 3)" is a heading with its grade, not a grade whose label is off the scale
      const label = m[1] ?? '';
      if (ctx.framework.levelForLabel(label) === null && ctx.framework.matchTitle(label)?.kind === 'judgement') return null;
      return makeGrade(ctx, text, whole, 'label-grade-number', at(m.indices[2]), at(m.indices[1]));
    }
    m = p.labelNumber.exec(segment) ?? p.freeLabelNumber.exec(segment);
    if (m?.indices) return makeGrade(ctx, text, whole, 'label-number', at(lastCaptured(m.indices)), at(m.indices[1]));
    return numberFirst(p, segment, ctx, text, whole, at);
  }
  if (shape & ENDS_IN_DIGIT) {
    // a table cell holding a bare number: "3"
    if (ctx.allowLabelOnly && /^\d{1,3}$/.test(segment)) return makeGrade(ctx, text, whole, 'number', whole, undefined);
    m = p.labelGradeNumber.exec(segment);
    if (m?.indices) return makeGrade(ctx, text, whole, 'label-grade-number', at(m.indices[2]), at(m.indices[1]));
    // "Performs well - 3", "Performs well 3"
    m = p.labelNumber.exec(segment);
    if (m?.indices) return makeGrade(ctx, text, whole, 'label-number', at(lastCaptured(m.indices)), at(m.indices[1]));
    return null;
  }
  if (shape & STARTS_WITH_DIGIT) {
    const grade = numberFirst(p, segment, ctx, text, whole, at);
    if (grade) return grade;
  }
  if (shape & LABEL_ONLY) {
    m = p.labelOnly.exec(segment);
    if (m?.indices) return makeGrade(ctx, text, whole, 'label', undefined, at(m.indices[1]));
  }
  return null;
}

/** "3 (Adequate)", "3 - Performs well". */
function numberFirst(p: GradePatterns, segment: string, ctx: GradeContext, text: string, whole: [number, number], at: (indices: Indices) => Indices): Grade | null {
  const m = p.numberLabel.exec(segment);
  return m?.indices ? makeGrade(ctx, text, whole, 'number-label', at(m.indices[1]), at(m.indices[2] ?? m.indices[3])) : null;
}

/** The last group that took part in the match. */
function lastCaptured(indices: RegExpIndicesArray): Indices {
  for (let group = indices.length - 1; group > 0; group--) if (indices[group]) return indices[group];
  return undefined;
}

export interface TitledGrade {
  title: { start: number; end: number };
  grade: Grade;
}

/** A heading with its grade on the same line: "Being healthy Grade 3", "Children in care: good". */
export function readFusedGrade(text: string, start: number, end: number, ctx: GradeContext): TitledGrade | null {
  return asWrittenThenAsShown(text, start, end, (read) => fusedGradeIn(read, text, ctx));
}

/** What `reader` finds in the span as written, else in the span as it shows (when it holds invisible characters). */
function asWrittenThenAsShown<T>(text: string, start: number, end: number, reader: (read: SpanText) => T | null): T | null {
  const plain = plainSpan(text, trimmedSpan(text, start, end));
  const found = reader(plain);
  if (found) return found;
  const shown = shownSpan(plain);
  return shown && reader(shown);
}

function fusedGradeIn(read: SpanText, text: string, ctx: GradeContext): TitledGrade | null {
  const { segment, span } = read;
  const p = patterns(ctx.framework);
  if (/grade\s*\d/i.test(segment)) {
    const m = p.fusedGrade.exec(segment);
    const gradeAt = m?.indices?.[2] ?? m?.indices?.[3];
    if (m?.indices?.[1] && gradeAt) {
      const grade = readGrade(text, startIn(read, gradeAt[0]), endIn(read, gradeAt[1]), ctx);
      // "Staying safe – Grade 3", "Staying safe: Grade 3", "Staying safe, Grade 3": the separator is not part of the title
      let titleEnd = endIn(read, m.indices[1][1]);
      while (titleEnd > span.start && (TITLE_SEPARATORS.has(text.charCodeAt(titleEnd - 1)) || text.charCodeAt(titleEnd - 1) === 0x2c)) titleEnd--;
      const title = trimmedSpan(text, span.start, titleEnd);
      if (grade && title.end > title.start) return { title, grade };
    }
  }
  if (ctx.framework.styles.has('heading-colon-label')) {
    const m = p.colonLabel.exec(segment);
    // "Children in care: good", "Children in care – good", "Children in care (good)"
    const labelAt = m?.indices?.[2] ?? m?.indices?.[3];
    if (m?.indices?.[1] && labelAt) {
      const labelStart = startIn(read, labelAt[0]);
      const labelEnd = endIn(read, labelAt[1]);
      const grade = makeGrade(ctx, text, [labelStart, labelEnd], 'heading-colon-label', undefined, [labelStart, labelEnd]);
      return { title: { start: span.start, end: endIn(read, m.indices[1][1]) }, grade };
    }
  }
  return null;
}

/** A table row whose separator was lost in extraction: "Overall effectiveness Good", "Care leavers Inadequate Grade 4". */
export function readTrailingGrade(text: string, start: number, end: number, ctx: GradeContext): TitledGrade | null {
  return asWrittenThenAsShown(text, start, end, (read) => trailingGradeIn(read, text, ctx));
}

function trailingGradeIn(read: SpanText, text: string, ctx: GradeContext): TitledGrade | null {
  const { span } = read;
  const m = patterns(ctx.framework).trailingLabel.exec(read.segment);
  if (!m?.indices?.[1] || !m.indices[2]) return null;
  const grade = readGrade(text, startIn(read, m.indices[2][0]), endIn(read, m.indices[2][1]), { ...ctx, allowLabelOnly: true });
  if (!grade) return null;
  // "Overall effectiveness – Adequate", "Overall effectiveness: Adequate", "Overall effectiveness | Adequate":
  // the separator is not part of the title
  let titleEnd = endIn(read, m.indices[1][1]);
  while (titleEnd > span.start && TITLE_SEPARATORS.has(text.charCodeAt(titleEnd - 1))) titleEnd--;
  if (titleEnd === span.start) return null;
  return { title: { start: span.start, end: titleEnd }, grade };
}

/** What may stand between a record row's title and its grade when the tab between them is lost: dashes, colon, bar. */
const TITLE_SEPARATORS = new Set([0x20, 0x09, 0x2d, 0x2013, 0x2014, 0x3a, 0x7c]);
