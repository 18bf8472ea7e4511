import { holdsInvisible, isInvisible, isWhiteSpace, type Range } from '../text';

/**
 * A paragraph's text joined from its lines (one space stands for each line break) and without the characters
 * inside words nobody sees, with a way back from an offset in the joined text to a position in the document.
 */
/** A line that ends in a letter and a hyphen, and a next line that goes on in lower case: one word broken in two. */
function brokenWord(before: string, after: string): boolean {
  const last = before.charCodeAt(before.length - 2);
  const next = after.charCodeAt(0);
  return before.charCodeAt(before.length - 1) === 45 /* - */ && ((last >= 97 && last <= 122) || (last >= 65 && last <= 90)) && next >= 97 && next <= 122;
}

export class Paragraph {
  readonly text: string;
  /** Where each run of the text starts in it, and where it comes from: a line's piece, or part of one. */
  private readonly starts: number[] = [];
  private readonly sources: { line: number; start: number; text: string }[] = [];

  constructor(pieces: readonly { line: number; start: number; text: string }[]) {
    let text = '';
    for (const piece of pieces) {
      // "… in this aspect is ade-" / "quate.": a word a justified PDF column broke with a hyphen is one word again
      if (text && brokenWord(text, piece.text)) {
        text = text.slice(0, -1);
        const last = this.sources.length - 1;
        this.sources[last] = { ...this.sources[last]!, text: this.sources[last]!.text.slice(0, -1) };
      } else if (text) text += ' ';
      if (!holdsInvisible(piece.text)) {
        this.starts.push(text.length);
        this.sources.push(piece);
        text += piece.text;
        continue;
      }
      // "ade\u00ADquate" is read as "adequate": the runs between the invisible characters, each mapped to its place
      let runStart = 0;
      for (let index = 0; index <= piece.text.length; index++) {
        if (index < piece.text.length && !isInvisible(piece.text.charCodeAt(index))) continue;
        if (index > runStart || runStart === 0) {
          this.starts.push(text.length);
          this.sources.push({ line: piece.line, start: piece.start + runStart, text: piece.text.slice(runStart, index) });
          text += piece.text.slice(runStart, index);
        }
        runStart = index + 1;
      }
    }
    this.text = text;
  }

  get firstLine(): number {
    return this.sources[0]?.line ?? 0;
  }

  position(offset: number): { line: number; character: number } {
    let index = this.starts.length - 1;
    while (index > 0 && (this.starts[index] ?? 0) > offset) index--;
    const source = this.sources[index];
    if (!source) return { line: 0, character: 0 };
    const within = Math.min(offset - (this.starts[index] ?? 0), source.text.length);
    return { line: source.line, character: source.start + within };
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

/** The sentence boundary as a regular expression; `nextBoundary` finds the same matches without building them. */
export const BOUNDARY = /[.!?]+["'\u2019\u201d)\]]*(?=\s+["'\u2018\u201c(]?[A-Z0-9\u00a3]|\s*$)/g;

/** Sentence boundaries in a paragraph; abbreviations and initials do not end a sentence. */
export function splitSentences(text: string, limit = Infinity): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = skipSpace(text, 0);
  let from = 0;
  const stops = new StopFinder(text);
  while (out.length < limit) {
    const end = nextBoundary(text, from, stops);
    if (end < 0) break;
    from = end;
    const stop = boundaryStart(text, end);
    if (text.charCodeAt(stop) === 46 /* . */ && isAbbreviation(text, stop)) continue;
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

/**
 * Where the next match of BOUNDARY at or after `from` ends, or -1 when there is none. A scan rather than the
 * regular expression: the sentences of every paragraph are read on each keystroke, and each match the regular
 * expression returns is an array and a string to collect.
 *
 * A run of stops and closing quotes either ends where the look-ahead holds or holds no match at all: a match
 * starting later in the run ends at the same place, and a shorter one is followed by a stop or a closer, never white
 * space. So the scan tests each run once, at its end. The stops are found by native searches (see StopFinder): in a
 * fresh process the parser runs unoptimised for a while, and a scan character by character is slowest there.
 */
export function nextBoundary(text: string, from: number, stops = new StopFinder(text)): number {
  const length = text.length;
  let index = stops.at(from);
  while (index >= 0) {
    while (index < length && isStop(text.charCodeAt(index))) index++;
    while (index < length && isCloser(text.charCodeAt(index))) index++;
    if (sentenceFollows(text, index)) return index;
    index = stops.at(index);
  }
  return -1;
}

const STOP_CHARACTERS = ['.', '!', '?'] as const;

/**
 * The first '.', '!' or '?' at or after a position of one text. Each character's next place is searched for natively
 * and kept: a caller asking from later and later positions, as one reading of a paragraph does, searches each stretch
 * of the text once per character.
 */
export class StopFinder {
  /** Per stop character: its first place at or after `searchedFrom`, or -1 when it has none there. */
  private readonly found = [-1, -1, -1];
  private readonly searchedFrom = [Infinity, Infinity, Infinity];

  constructor(private readonly text: string) {}

  at(from: number): number {
    let first = -1;
    for (let stop = 0; stop < STOP_CHARACTERS.length; stop++) {
      let place = this.found[stop] as number;
      if (from < (this.searchedFrom[stop] as number) || (place >= 0 && place < from)) {
        place = this.text.indexOf(STOP_CHARACTERS[stop] as string, from);
        this.found[stop] = place;
        this.searchedFrom[stop] = from;
      }
      if (place >= 0 && (first < 0 || place < first)) first = place;
    }
    return first;
  }
}

/** Where the boundary ending at `end` starts: its first stop. */
export function boundaryStart(text: string, end: number): number {
  let index = end;
  while (index > 0 && isCloser(text.charCodeAt(index - 1))) index--;
  while (index > 0 && isStop(text.charCodeAt(index - 1))) index--;
  return index;
}

function isStop(code: number): boolean {
  return code === 46 || code === 33 || code === 63;
}

/** ["'’”)\]] */
function isCloser(code: number): boolean {
  return code === 34 || code === 39 || code === 0x2019 || code === 0x201d || code === 41 || code === 93;
}

/** The look-ahead (?=\s+["'‘“(]?[A-Z0-9£]|\s*$) at `at`. */
function sentenceFollows(text: string, at: number): boolean {
  let index = at;
  while (index < text.length && isWhiteSpace(text.charCodeAt(index))) index++;
  if (index === text.length) return true;
  if (index === at) return false;
  let code = text.charCodeAt(index);
  if (code === 34 || code === 39 || code === 0x2018 || code === 0x201c || code === 40) code = text.charCodeAt(index + 1);
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 0xa3;
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
