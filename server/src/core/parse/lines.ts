import { collapseWhiteSpace, escapeRegExp, isBlankText, isWhiteSpace, maskMarkup, mayHaveMarkup, trimmedSpan, withoutInvisible, withoutSectionNumber, type Span } from '../text';

const PAGE_LINE = /(?:^|\t|\s)page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$/i;

/**
 * Running page headers and footers of text extracted from a PDF: "Page 3 of 17" lines, the line repeated just
 * above them ("Inspection of X children's services"), and bare page numbers. They read as blank lines.
 */
export function pageFurniture(raw: readonly string[], namesALevel: (line: string) => boolean = () => false): Set<number> {
  const furniture = new Set<number>();
  const pages: number[] = [];
  for (let index = 0; index < raw.length; index++) {
    const line = raw[index] as string;
    if (line.length < 160 && PAGE_ANYWHERE.test(line) && PAGE_LINE.test(line)) pages.push(index);
  }
  for (let index = 0; index < raw.length; index++) if (mayBePageNumber(raw[index] as string)) furniture.add(index);
  orgDrawers(raw, furniture);
  repeatedFurniture(raw, furniture);
  if (pages.length < 2) return furniture;
  for (const page of pages) furniture.add(page);
  const above = new Map<string, number[]>();
  for (const page of pages) {
    let index = page - 1;
    while (index >= 0 && !(raw[index] as string).trim()) index--;
    if (index < 0 || page - index > 2) continue;
    const key = (raw[index] as string).trim().replace(/\d+/g, '#');
    // a grade that ends two pages ("Grade 2 (Good)", "Inadequate" over "Page 3 of 30") is the report's, not its running header
    if (key.length > 120 || /^\W*grade\b/i.test(key) || (key.length <= 60 && namesALevel(key))) continue;
    const list = above.get(key);
    if (list) list.push(index);
    else above.set(key, [index]);
  }
  for (const lines of above.values()) if (lines.length >= 2) for (const index of lines) furniture.add(index);
  return furniture;
}

const DRAWER_START = /^\s*:PROPERTIES:\s*$/;
const DRAWER_END = /^\s*:END:\s*$/;
/** Lines an Org mode property drawer may take: a longer run is not one. */
const MAX_DRAWER_LINES = 20;

/**
 * Org mode's property drawers (":PROPERTIES:" / ":CUSTOM_ID: …" / ":END:"), which pandoc writes under every heading:
 * they read as blank, so that the grade below them is the heading's.
 */
function orgDrawers(raw: readonly string[], furniture: Set<number>): void {
  for (let index = 0; index < raw.length; index++) {
    const line = raw[index] as string;
    const lead = line.charCodeAt(0);
    if ((lead !== 58 && lead !== 32) || !DRAWER_START.test(line)) continue;
    let end = index + 1;
    while (end < raw.length && end - index <= MAX_DRAWER_LINES && /^\s*:[\w-]+:/.test(raw[end] as string) && !DRAWER_END.test(raw[end] as string)) end++;
    if (end >= raw.length || !DRAWER_END.test(raw[end] as string)) continue;
    for (let covered = index; covered <= end; covered++) furniture.add(covered);
    index = end;
  }
}

/**
 * What a page's header or footer holds and a heading seldom does: a copyright, the word "page", a bare page number
 * ("- 3 -") or a year or date ("13 June 2011"). "Annex 1: glossary" is none of these.
 */
export function looksLikeFurniture(text: string): boolean {
  return /\u00a9|\bcopyright\b|\bpage\b|^\W*\d{1,3}\W*$|\b(?:19|20)\d\d\b/i.test(text);
}

/**
 * A footer or header that comes back three times or more: a copyright line, the same on every page ("© Crown
 * copyright 2011"), or a running line whose page number a bar sets off ("Ofsted | Inspection report | 3", the same
 * but for the number). Page numbers and the lines above them are found above. A copyright footer opens with "©",
 * "Crown" or "Copyright", and a running one starts or ends in a digit: those characters turn nearly every other
 * line away.
 */
function repeatedFurniture(raw: readonly string[], furniture: Set<number>): void {
  const seen = new Map<string, number[]>();
  for (let index = 0; index < raw.length; index++) {
    const line = raw[index] as string;
    if (line.length === 0 || line.length > 120) continue;
    const key = copyrightLine(line) ? line.trim() : barredPageNumberKey(line);
    if (key === null) continue;
    const list = seen.get(key);
    if (list) list.push(index);
    else seen.set(key, [index]);
  }
  for (const lines of seen.values()) if (lines.length >= 3) for (const index of lines) furniture.add(index);
}

function copyrightLine(line: string): boolean {
  const first = line.charCodeAt(0) === 32 ? line.charCodeAt(line.length - line.trimStart().length) : line.charCodeAt(0);
  if (first !== 0xa9 && (first | 0x20) !== 0x63 /* c */) return false;
  return line.indexOf('\u00a9') >= 0 || line.indexOf('opyright') >= 0 || line.indexOf('OPYRIGHT') >= 0;
}

const BARRED_PAGE_NUMBER_AFTER = /^\s*[^|\s](.*\S)?\s*\|\s*\d{1,3}\s*$/;
const BARRED_PAGE_NUMBER_BEFORE = /^\s*\d{1,3}\s*\|\s*[^|\s](.*[^|\s])?\s*$/;

/** "Ofsted | Inspection report | #" for "Ofsted | Inspection report | 3": what stays the same from page to page. */
function barredPageNumberKey(line: string): string | null {
  let end = line.length;
  while (end > 0 && isWhiteSpace(line.charCodeAt(end - 1))) end--;
  const last = line.charCodeAt(end - 1);
  const endsInDigit = isDigit(last);
  // most lines end in a stop or a letter, and start with a letter: these two tests turn them away
  if (!endsInDigit) {
    let start = 0;
    while (start < end && isWhiteSpace(line.charCodeAt(start))) start++;
    if (!isDigit(line.charCodeAt(start))) return null;
  }
  if (line.indexOf('|') < 0) return null;
  const trimmed = line.trim();
  if (endsInDigit && BARRED_PAGE_NUMBER_AFTER.test(trimmed)) return trimmed.replace(/\d+$/, '#');
  if (BARRED_PAGE_NUMBER_BEFORE.test(trimmed)) return trimmed.replace(/^\d+/, '#');
  return null;
}

const PAGE_ANYWHERE = /page\s+\d/i;

/** A bare page number on a line of its own ("  12 ", "- 12 -", "– 12 –"). */
function mayBePageNumber(line: string): boolean {
  let digits = 0;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (code >= 48 && code <= 57) digits++;
    else if (code > 32 && code < 128 && code !== 45 /* - */) return false;
  }
  if (digits < 1 || digits > 3) return false;
  // the regex judges the white space and the dashes
  return /^\s*(?:\d{1,3}|[-\u2013\u2014]\s*\d{1,3}\s*[-\u2013\u2014])\s*$/.test(line);
}

const MARKUP_LINE = 1;
const FURNITURE_LINE = 2;
/** Whether the line is blank has been worked out: BLANK_LINE holds the answer. */
const BLANK_KNOWN = 4;
const BLANK_LINE = 8;
const TAB_LINE = 16;

const MARKERS = ['*', '<', '>', '\\', '_', '`', '{', '](', '&nbsp;', '&#160;', '\uFEFF', '\u00A0', '\u200B', '\u2060'];

/** Lines holding any of the markers, found with native searches of the whole text (the lines joined by LF). */
function linesHolding(markers: readonly string[], text: string, starts: readonly number[]): number[] {
  const found: number[] = [];
  const lineAt = (position: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  for (const marker of markers) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      const line = lineAt(at);
      found.push(line);
      // the rest of the line is covered: jump to the next line
      at = (starts[line + 1] ?? text.length) - 1;
    }
  }
  return found;
}

/**
 * A text to search for the markers instead of the document's own: line i stands in `text` from `starts[i]`, with the
 * same ASCII characters; the lines in `recheck` (those holding other characters) may differ there and are read on their
 * own. The CLI reads a report one byte a character and gives that text (see cli/decode-lines.ts).
 */
export interface SearchText {
  text: string;
  starts: readonly number[];
  recheck: readonly number[];
}

/** Where each line starts in the text the lines joined by LF make, or null when `text` is not that text. */
function lineStarts(raw: readonly string[], text: string | undefined): number[] | null {
  if (text === undefined) return null;
  const starts = new Array<number>(raw.length);
  let offset = 0;
  for (let index = 0; index < raw.length; index++) {
    starts[index] = offset;
    offset += (raw[index] as string).length + 1;
  }
  // the offsets match only when the text was split at single LF characters
  return offset - 1 === text.length ? starts : null;
}

/** The whole document as a SearchText, when it is the lines joined by LF. */
function searchTextOf(raw: readonly string[], text: string): SearchText | null {
  const starts = lineStarts(raw, text);
  return starts ? { text, starts, recheck: [] } : null;
}

function lineFlags(line: string): number {
  return (mayHaveMarkup(line) ? MARKUP_LINE : 0) | (line.includes('\t') ? TAB_LINE : 0);
}

/** The document as lines, with formatting markup masked lazily (offsets unchanged) and page furniture blanked. */
export class Lines {
  private readonly maskedCache: (string | undefined)[];
  readonly furniture: ReadonlySet<number>;

  /**
   * Per line, bits: MARKUP_LINE when it may hold markup to mask, FURNITURE_LINE when it reads as blank (neither: it is
   * its own masked text); TAB_LINE when it holds a tab; BLANK_KNOWN and BLANK_LINE once isBlank has been asked (the
   * parser asks again and again).
   */
  private readonly flags: Uint8Array;

  /**
   * `text`, when given, is the whole document, or a SearchText standing for it: markup and tabs are then found in a few
   * searches of it rather than line by line. `namesALevel` tells a grade's line (which a page may end with) from a
   * running header.
   */
  constructor(readonly raw: readonly string[], text?: string | SearchText, namesALevel?: (line: string) => boolean) {
    this.maskedCache = new Array(raw.length);
    this.furniture = pageFurniture(raw, namesALevel);
    this.flags = new Uint8Array(raw.length);
    const search = typeof text === 'string' ? searchTextOf(raw, text) : text;
    if (search) {
      // (no test of the whole text first: it would search for each marker the searches below make anyway)
      for (const index of linesHolding(MARKERS, search.text, search.starts)) this.flags[index] |= MARKUP_LINE;
      for (const index of linesHolding(['\t'], search.text, search.starts)) this.flags[index] |= TAB_LINE;
      for (const index of search.recheck) this.flags[index] = lineFlags(raw[index] ?? '');
    } else {
      for (let index = 0; index < raw.length; index++) this.flags[index] = lineFlags(raw[index] as string);
    }
    for (const index of this.furniture) this.flags[index] |= FURNITURE_LINE;
  }

  get length(): number {
    return this.raw.length;
  }

  text(index: number): string {
    return this.raw[index] ?? '';
  }

  /** Whether the line (as written) holds a tab. */
  hasTab(index: number): boolean {
    return ((this.flags[index] ?? 0) & TAB_LINE) !== 0;
  }

  /** Whether the line may hold markup or a comment ("<!--"): a line without is its own masked text. */
  mayHoldMarkup(index: number): boolean {
    return ((this.flags[index] ?? 0) & MARKUP_LINE) !== 0;
  }

  masked(index: number): string {
    const flag = (this.flags[index] ?? 0) & (MARKUP_LINE | FURNITURE_LINE);
    if (!flag) return this.raw[index] ?? '';
    if (flag & FURNITURE_LINE) return '';
    let masked = this.maskedCache[index];
    if (masked === undefined) {
      masked = maskMarkup(this.raw[index] ?? '');
      this.maskedCache[index] = masked;
    }
    return masked;
  }

  isBlank(index: number): boolean {
    const flag = this.flags[index];
    if (flag === undefined) return true;
    if (flag & BLANK_KNOWN) return (flag & BLANK_LINE) !== 0;
    const blank = isBlankText(this.masked(index));
    this.flags[index] = flag | BLANK_KNOWN | (blank ? BLANK_LINE : 0);
    return blank;
  }

  /** Index of the next line at or after `from` that has text, or -1. */
  nextNonBlank(from: number, limit = this.raw.length): number {
    for (let index = from; index < limit; index++) if (!this.isBlank(index)) return index;
    return -1;
  }

  previousNonBlank(from: number): number {
    for (let index = from; index >= 0; index--) if (!this.isBlank(index)) return index;
    return -1;
  }
}

export interface MarkdownHeading {
  depth: number;
  title: Span;
}

export function markdownHeading(text: string): MarkdownHeading | null {
  const match = /^ {0,3}(#{1,6})(?:[ \t]+|$)/.exec(text);
  if (!match?.[1]) return null;
  // an optional closing run of '#' after a space: "## Title ##"
  let end = trimmedSpan(text).end;
  let hashes = end;
  while (hashes > match[0].length && text.charAt(hashes - 1) === '#') hashes--;
  if (hashes < end && hashes > match[0].length && /[ \t]/.test(text.charAt(hashes - 1))) end = hashes;
  const title = trimmedSpan(text, match[0].length, end);
  return { depth: match[1].length, title };
}

const TABLE_RULE_LEADS = '|:-*+';

/** Could a line whose first character (leadingCode) is `code` be a table rule? */
export function mayBeTableRule(code: number): boolean {
  return code >= 0 && TABLE_RULE_LEADS.includes(String.fromCharCode(code));
}

/** "---", "| --- | :---: |", "-----\t-----", "+-----+-----+" */
export function isTableRule(text: string): boolean {
  if (!opensWith(text, TABLE_RULE_LEADS)) return false;
  if (text.indexOf('---') < 0 && text.indexOf('*') < 0 && text.indexOf('===') < 0) return false;
  return (
    // columns apart by pipes or tabs, or by "+" (Org mode's "|-----+-----|")
    /^\s*\|?\s*:?-{3,}:?\s*(?:[|+\t]\s*:?-{3,}:?\s*)*\|?\s*$/.test(text) ||
    /^\s*(?:\*\s*){3,}$/.test(text) ||
    // a Markdown simple table's rule, its columns apart by spaces ("-----------   ---------")
    /^ *-{3,}(?: +-{3,})+ *$/.test(text) ||
    // the borders of a grid table, and the rule under its header ("+=====+=====+")
    /^\s*\+(?::?-{3,}:?\+)+\s*$/.test(text) ||
    /^\s*\+(?::?={3,}:?\+)+\s*$/.test(text)
  );
}

// "\- ensure …": a Markdown converter escapes a typed bullet that is not one of its lists
const BULLET = /^(\s*)\\?([-+*\u2022\u00b7\u25aa\u25e6\u2013\u2014\u25cf\u2023\u2043\uf0b7])\s+(?=\S)/;
const BULLET_MARKERS = '-+*\u2022\u00b7\u25aa\u25e6\u2013\u2014\u25cf\u2023\u2043\uf0b7';
/** What a list item's line may start with: its marker, or the backslash escaping it. */
const BULLET_LEADS = `${BULLET_MARKERS}\\`;

const BULLET_CODES = new Set([...BULLET_LEADS].map((marker) => marker.charCodeAt(0)));

const TAB_AFTER_LIST_MARKER = new RegExp(`^\\s*(?:\\d{1,4}\\.|[${escapeRegExp(BULLET_MARKERS)}])\\t+[^\\t]*\\S[^\\t]*$`);

/**
 * "11.<TAB>The overall effectiveness …", "•<TAB>ensure that …": Word, saving a numbered or bulleted list as text,
 * puts a tab after the number or bullet. With no other tab on the line, that is a paragraph or a list item, not a row.
 */
export function tabAfterListMarker(text: string): boolean {
  return TAB_AFTER_LIST_MARKER.test(text);
}

/** Could a line whose first character (leadingCode) is `code` be a list item? */
export function mayBeBullet(code: number): boolean {
  return BULLET_CODES.has(code);
}

/** A list item: the span of its text after the marker. */
export function bulletItem(raw: string): Span | null {
  if (!opensWith(raw, BULLET_LEADS)) return null;
  const match = BULLET.exec(raw);
  if (!match) return null;
  return trimmedSpan(raw, match[0].length);
}

/**
 * "11. The overall effectiveness …": the paragraph number and where the text after it starts. A Markdown converter
 * writes a typed number that is not one of its lists as "11\. The …"; the number's span takes the backslash in.
 */
export function numberedLine(raw: string): { number: number; numberSpan: Span; textStart: number } | null {
  if (!opensWith(raw, NUMBER_LEADS)) return null;
  // "12. ", "12\. ", and Word's other list styles, "12) " and "(12) "; "12.&nbsp;" as a converter writes the space
  const match = /^(\s*)(\d{1,4}\\?\.|\d{1,4}\)|\(\d{1,4}\))(?=(?:\s|&nbsp;|&#160;)+\S)(?:\s|&nbsp;|&#160;)+/i.exec(raw);
  if (!match?.[2]) return null;
  const start = (match[1] ?? '').length;
  return {
    number: Number(/\d+/.exec(match[2])![0]),
    numberSpan: { start, end: start + match[2].length },
    textStart: match[0].length,
  };
}

/** What a numbered line may start with: a digit, or the bracket before its number ("(12) "). */
const NUMBER_LEADS = '0123456789(';

export function isHtmlCommentStart(text: string): boolean {
  return opensWith(text, '<') && /^\s*<!--/.test(text);
}

/**
 * Cells of a table row: tab-separated, or Markdown pipes. A single cell means the line is not a row.
 * Empty cells are kept, so "Safeguarding services\t" has two cells, the second empty.
 */
export function tableCells(text: string): Span[] {
  let separator: RegExp | null = null;
  let from = 0;
  let to = text.length;
  // a Markdown row is read by its pipes, whatever tabs it holds ("| Good |<TAB>")
  if (opensWith(text, '|') && /^\s*\|.*\|\s*$/.test(text)) {
    separator = /(?<!\\)\|/g;
    from = text.indexOf('|') + 1;
    to = text.lastIndexOf('|');
  } else if (text.includes('\t')) separator = /\t+/g;
  if (!separator) return [trimmedSpan(text)];
  const cells: Span[] = [];
  let start = from;
  separator.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = separator.exec(text)) && match.index < to) {
    cells.push(trimmedSpan(text, start, match.index));
    start = match.index + match[0].length;
  }
  cells.push(trimmedSpan(text, start, Math.max(start, to)));
  // a leading tab (indentation) is not an empty first cell
  if (cells.length > 1 && cells[0] && cells[0].start === cells[0].end && separator.source === '\\t+') cells.shift();
  return cells;
}

export const TIMESCALE =
  /^(?:immediately|within\s+(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)|for\s+(?:immediate\s+)?action(?:\s+(?:in|over|within)\s+(?:the\s+)?(?:next\s+(?:\w+|\d+)\s+(?:days?|weeks?|months?)|(?:longer|medium|short)(?:-|\s+)term))?|in\s+the\s+(?:longer|medium|short)(?:-|\s+)term|(?:longer|medium|short)(?:-|\s+)term)\s*:?$/i;

/** The letters TIMESCALE's alternatives start with ("immediately", "within", "for", "in", "longer", "medium", "short"). */
const TIMESCALE_INITIALS = 'iwflmsIWFLMS';

export function isTimescale(text: string): boolean {
  return text.length < 60 && opensWith(text, TIMESCALE_INITIALS) && TIMESCALE.test(withoutInvisible(text).trim());
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
/** Lines that are shaped like headings but are letter furniture: salutations, dates, page numbers. */
const NOT_A_HEADING_OPENING = new RegExp(
  [
    '^(?:dear|yours|kind regards|best wishes|with best wishes|regards|cc|tel|fax|email|e-mail|telephone)\\b',
    `^\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s+\\d{4}$`,
    '^page\\s+\\d+(?:\\s+of\\s+\\d+)?$',
  ].join('|'),
  'i',
);
/** Addresses anywhere in the line (searched apart: the anchored alternatives above fail at once). */
const NOT_A_HEADING_ANYWHERE = /@|www\.|https?:|\.gov\.uk|\.org\.uk|\u00a9/i;

/** Characters a heading may start with: [A-Z0-9‘“"'(]. */
function opensHeading(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 0x2018 || code === 0x201c || code === 34 || code === 39 || code === 40;
}

const MAX_HEADING_WORDS = 22;

/** Could this text be a heading, judging by its shape alone? */
export function headingShaped(text: string): boolean {
  const length = text.length;
  if (length < 3 || length > 160) return false;
  if (!opensHeading(text.charCodeAt(0))) return false;
  const last = text.charCodeAt(length - 1);
  // a sentence's end, unless an abbreviation's
  if ((last === 46 /* . */ || last === 44 /* , */ || last === 59 /* ; */ || last === 33 /* ! */) && !/\b(?:etc|inc|ltd)\.$/i.test(text)) return false;
  let words = 1;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code === 9 /* tab */) return false;
    if (code === 32 && text.charCodeAt(index + 1) !== 32 && ++words > MAX_HEADING_WORDS) return false;
  }
  return !endsDangling(text) && !NOT_A_HEADING_OPENING.test(text) && !(mayHoldAddress(text) && NOT_A_HEADING_ANYWHERE.test(text));
}

/** Every alternative of NOT_A_HEADING_ANYWHERE holds one of these characters: most headings hold none. */
function mayHoldAddress(text: string): boolean {
  return text.indexOf('.') >= 0 || text.indexOf(':') >= 0 || text.indexOf('@') >= 0 || text.indexOf('\u00a9') >= 0;
}

/** A line ending on one of these words is a sentence cut short (a page break), not a heading. */
const DANGLING_WORDS = new Set(
  'the a an of in to for and or with this that these by on at from is are was were which who as their its our has have be'.split(' '),
);

/** Does the text end, after white space, on a dangling word? (/\s(?:the|a|…)$/i without a scan of every position.) */
function endsDangling(text: string): boolean {
  let start = text.length;
  while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start--;
  if (start === 0 || text.length - start > 5) return false;
  return DANGLING_WORDS.has(text.slice(start).toLowerCase());
}


export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The first character that is not white space, at or after `from` (which must not follow any other), or -1. */
export function leadingCode(text: string, from = 0): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!isWhiteSpace(code)) return code;
  }
  return -1;
}

/**
 * Could a pattern anchored at the start of the line, after any white space, match? Only if the first other
 * character is one of `characters`: a cheap test that spares most lines the regular expression.
 */
export function opensWith(text: string, characters: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!isWhiteSpace(code)) return characters.includes(text.charAt(index));
  }
  return false;
}


/** Does the line read as running prose (a paragraph a heading would introduce)? */
export function proseShaped(text: string): boolean {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length && words < 10; index++) {
    const space = isWhiteSpace(text.charCodeAt(index));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  if (words >= 10) return true;
  return words >= 4 && /[.!?:]["'\u2019\u201d)]?\s*$/.test(text);
}

const GENERIC_CONTENTS = /^(?:table of )?contents$/i;
const GENERIC_RECORD =
  /^(?:record of (?:the )?(?:main )?findings|summary of (?:inspection )?judgements|summary of findings|inspection judgements|judgements? (?:and|&) grades?)$/i;
const GENERIC_ACTIONS =
  /^(?:(?:key )?(?:areas?|recommendations?|priorities|points?) (?:for|of) (?:further )?(?:development|improvement|action)s?(?: and (?:development|improvement))?|recommendations?|what (?:does|should|needs? to)\b.*\bimprove\??|areas for development and improvement)$/i;

/** A table cell that is a row's number ("2.1", "3."), or the bullet of a list of rows typed with tabs ("•<TAB>Staying safe<TAB>Good") */
export const ROW_NUMBER_CELL = /^(?:\d{1,2}(?:\.\d{1,2})*(?:\\?\.|\))?|\(\d{1,2}(?:\.\d{1,2})*\)|[-\u2022\u00b7\u25aa\u25cf\u2013])$/;
/** A row's number before its title in the same cell: "2.1 Adoption performance"; or the bullet of a list of rows ("• Staying safe") */
export const ROW_NUMBER_PREFIX = /^(?:\d{1,2}(?:\.\d{1,2})*(?:\\?\.|\))?|\(\d{1,2}(?:\.\d{1,2})*\)|[-\u2022\u00b7\u25aa\u25cf\u2013])\s+(?=\S)/;

/** The cell naming a row: "| 2.1 | Adoption performance | Good |" is titled by its second cell. */
export function titleCellOf(text: string, filled: Span[]): Span {
  const first = filled[0]!;
  if (ROW_NUMBER_CELL.test(text.slice(first.start, first.end)) && filled.length >= 3) return filled[1]!;
  // "1. Children who need help and protection<TAB>Good": the row's number is not part of its title
  const numbered = ROW_NUMBER_PREFIX.exec(text.slice(first.start, first.end));
  return numbered ? { start: first.start + numbered[0].length, end: first.end } : first;
}

/** The text without a final ':' or '.' and the white space after it (`.replace(/[:.]\s*$/, '')` read from the end). */
export function withoutFinalStop(text: string): string {
  let end = text.length;
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  const last = text.charCodeAt(end - 1);
  return last === 58 /* : */ || last === 46 /* . */ ? text.slice(0, end - 1) : text;
}

/** Headings every report may have, whatever its framework: the contents, a record of findings, areas for improvement. */
export function genericHeadingRole(title: string): 'contents' | 'record' | 'actions' | null {
  if (title.length > 240) return null;
  // "What  does  the  local  authority  need  to  improve?": spaces doubled by a PDF do not change the heading
  const stopped = withoutFinalStop(title);
  const clean = withoutSectionNumber((stopped.indexOf('  ') >= 0 || stopped.indexOf('\t') >= 0 ? collapseWhiteSpace(stopped) : stopped).trim());
  if (clean.length > 120) return null;
  if (GENERIC_CONTENTS.test(clean)) return 'contents';
  if (GENERIC_RECORD.test(clean)) return 'record';
  if (GENERIC_ACTIONS.test(clean)) return 'actions';
  return null;
}
