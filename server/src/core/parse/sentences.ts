import { isWhiteSpace, type Range } from '../text';

/**
 * A paragraph's text joined from its lines (one space stands for each line break), with a way back
 * from an offset in the joined text to a position in the document.
 */
export class Paragraph {
  readonly text: string;
  private readonly starts: number[] = [];

  constructor(
    private readonly pieces: { line: number; start: number; text: string }[],
  ) {
    let text = '';
    for (const piece of pieces) {
      if (text) text += ' ';
      this.starts.push(text.length);
      text += piece.text;
    }
    this.text = text;
  }

  get firstLine(): number {
    return this.pieces[0]?.line ?? 0;
  }

  position(offset: number): { line: number; character: number } {
    let index = this.starts.length - 1;
    while (index > 0 && (this.starts[index] ?? 0) > offset) index--;
    const piece = this.pieces[index];
    if (!piece) return { line: 0, character: 0 };
    const within = Math.min(offset - (this.starts[index] ?? 0), piece.text.length);
    return { line: piece.line, character: piece.start + within };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'etc', 'dr', 'mr', 'mrs', 'ms', 'no', 'nos', 'st', 'vs', 'cf', 'approx', 'incl',
  'cllr', 'prof', 'rev', 'para', 'paras', 'fig', 'ref', 'dept', 'govt', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'ltd', 'co', 'hmi',
]);

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((word) => word.length));

const BOUNDARY = /[.!?]+["'\u2019\u201d)\]]*(?=\s+["'\u2018\u201c(]?[A-Z0-9\u00a3]|\s*$)/g;

/** Sentence boundaries in a paragraph; abbreviations and initials do not end a sentence. */
export function splitSentences(text: string, limit = Infinity): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  BOUNDARY.lastIndex = 0;
  let match: RegExpExecArray | null;
  while (out.length < limit && (match = BOUNDARY.exec(text))) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && isAbbreviation(text, match.index)) continue;
    if (end > start) out.push({ start, end });
    start = skipSpace(text, end);
  }
  if (out.length < limit && start < text.length) {
    let end = text.length;
    while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isWhiteSpace(text.charCodeAt(index))) index++;
  return index;
}

/** [A-Za-z.] */
function isLetterOrDot(code: number): boolean {
  return code === 46 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAbbreviation(text: string, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > 0 && isLetterOrDot(text.charCodeAt(wordStart - 1))) wordStart--;
  if (wordStart === dot) return false;
  // a single initial, "J. Smith"
  if (dot - wordStart === 1) {
    const code = text.charCodeAt(wordStart);
    if (code >= 65 && code <= 90) return true;
  }
  if (dot - wordStart > LONGEST_ABBREVIATION) return false;
  return ABBREVIATIONS.has(text.slice(wordStart, dot).toLowerCase());
}
