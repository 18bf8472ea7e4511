/** Positions and ranges are 0-based and count UTF-16 code units, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

/** Orders positions as a document does: by line, then by character. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The first of `count` indices at which `reached` holds, by halving (`count` if none): `reached` must be false up
 * to some index and true from it on, as "this item starts after the position" is in a sorted list.
 */
export function firstIndexWhere(count: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Splits on LF, CRLF and lone CR; the terminators are not part of any line. Text with LF alone (the usual case) is cut
 * with native searches and slices: about a quarter of the time `split('\n')` takes in V8 11 on the bench corpus.
 */
export function splitLines(text: string): string[] {
  if (text.includes('\r')) return text.split(/\r\n|\r|\n/);
  const lines: string[] = [];
  let start = 0;
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    lines.push(text.slice(start, end));
    start = end + 1;
  }
  lines.push(text.slice(start));
  return lines;
}

/**
 * The same characters in a string of their own. A substring of a report is, in V8, a slice that keeps the whole
 * report alive: what outlives the analysis (memo keys, messages) is detached (V8 copies a joined string when it is
 * sliced).
 */
export function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/** Inline HTML tags, dropped from titles ("Leadership a<b>nd management" is "Leadership and management"). */
const INLINE_TAG = /<a\s[^>\n]{0,300}>|<\/a>|<\/?(?:b|strong|em|i|u|span|font)\b[^>\n]{0,40}>/gi;
/**
 * Characters that only carry formatting: replaced by spaces so that offsets stay exact. Among them the invisible
 * breaks text pasted from web pages and chat carries (zero-width space, word joiner, zero-width no-break space), which
 * would otherwise keep "Grade \u200B3" from being a grade and "Being \u200Bhealthy" from being a judgement's title.
 */
// "_Grade 3_" is emphasis, as "*Grade 3*" is; an underscore inside a word ("snake_case") is not markup, in Markdown either.
// A Markdown block quote's "> ", the backslash pandoc ends a hard line break with ("Being healthy\") and a no-break
// space written as an HTML entity ("Grade&nbsp;3") are markup too; so are the anchors converters leave for a Word
// document's bookmarks: pandoc's attributes after a heading ("## Being healthy {#_Toc123 .unnumbered}"), its empty
// spans ("[]{#_Toc123 .anchor}Being healthy") and HTML's ("<a name="_Toc123"></a>Being healthy"). A Markdown link
// shows its text: "[Being healthy](#being-healthy)" in a contents list is "Being healthy".
const MARKUP =
  /^[ \t]{0,3}(?:>[ \t]?)+|\\(?=[ \t]*$)|&nbsp;|&#160;|[ \t]\{[#.-][^{}\n]{0,100}\}(?=[ \t]*$)|\[\]\{[#.][^{}\n]{0,100}\}|\[(?=[^[\]\n]{1,200}\]\([^()\s]{0,300}\))|\]\([^()\s]{0,300}\)|<a\s[^>\n]{0,300}>|<\/a>|<\/?(?:b|strong|em|i|u|span|font|p|br|div|h[1-6]|table|thead|tbody|tfoot|tr|td|th|colgroup|col|caption)\b[^>\n]{0,40}>|\*\*|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])|\*|\uFEFF|\u00A0|\u200B|\u2060|`/gi;

/** Whether the text may hold markup to mask: plain searches, much faster than a character-class scan. */
export function mayHaveMarkup(text: string): boolean {
  return (
    text.indexOf('*') >= 0 ||
    text.indexOf('<') >= 0 ||
    text.indexOf('_') >= 0 ||
    text.indexOf('>') >= 0 ||
    text.indexOf('&nbsp;') >= 0 ||
    text.indexOf('&#160;') >= 0 ||
    text.indexOf('\\') >= 0 ||
    text.indexOf('`') >= 0 ||
    text.indexOf('{') >= 0 ||
    text.indexOf('](') >= 0 ||
    text.indexOf('\uFEFF') >= 0 ||
    text.indexOf('\u00A0') >= 0 ||
    text.indexOf('\u200B') >= 0 ||
    text.indexOf('\u2060') >= 0
  );
}

/** The line with formatting markup and comments blanked out (same length, so every offset still maps to the source). */
export function maskMarkup(line: string): string {
  if (!mayHaveMarkup(line)) return line;
  const uncommented = line.includes('<!--') ? maskComments(line) : line;
  return uncommented.replace(MARKUP, (m) => (m === '\u00A0' ? ' ' : ' '.repeat(m.length)));
}

/** "<!-- … -->" comments closed on the line, blanked (searched for by hand: a lazy regex is quadratic on "<!-- <!-- …"). */
function maskComments(line: string): string {
  let out = '';
  let cursor = 0;
  for (let open = line.indexOf('<!--'); open >= 0; open = line.indexOf('<!--', cursor)) {
    const close = line.indexOf('-->', open + 4);
    // no comment closes after this one opens: none of the later ones can close either
    if (close < 0) break;
    out += line.slice(cursor, open) + ' '.repeat(close + 3 - open);
    cursor = close + 3;
  }
  return out + line.slice(cursor);
}

export interface Span {
  start: number;
  end: number;
}

/** Bounds of the text once leading and trailing white space is ignored; start === end for a blank line. */
export function trimmedSpan(line: string, from = 0, to = line.length): Span {
  let start = from;
  let end = to;
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Is the text empty once the white space trimmedSpan ignores is left out? */
export function isBlankText(line: string): boolean {
  for (let index = 0; index < line.length; index++) if (!isSpace(line.charCodeAt(index))) return false;
  return true;
}

/** White space, and the control characters binary garbage leaves (NUL and the rest of C0, DEL): nobody reads them. */
function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0xfeff || code === 0x7f;
}

export function isBlank(line: string): boolean {
  const span = trimmedSpan(line);
  return span.start === span.end;
}

/** HTML entities a converter or a web page leaves in Markdown ("children&rsquo;s", "Leadership &amp; management"). */
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|apos|quot|rsquo|lsquo|rdquo|ldquo|nbsp|ndash|mdash));/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  apos: "'",
  quot: '"',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  nbsp: ' ',
  ndash: '\u2013',
  mdash: '\u2014',
};

/** The text with its HTML entities written as the characters they stand for (one that stands for none is kept). */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (entity, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = decimal ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** "2.1 ", "B. ", "iv. ", and "Section 2: " or "Part B – " before a heading's title. */
const SECTION_NUMBER = /^(?:(?:section|part|chapter)\s+(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*[:.)\u2013\u2014-]?|\d{1,2}(?:\.\d{1,2})*\.?|[a-z][.)]|[ivx]{1,4}\.)\s+/i;

/** A heading's title without the number a document gave it ("2.1 Being healthy" is "Being healthy"). */
export function withoutSectionNumber(title: string): string {
  return title.replace(SECTION_NUMBER, '');
}

/** Lower case, straight apostrophes, punctuation dropped, white space collapsed, entities decoded: for comparing titles. */
export function normalizeTitle(title: string): string {
  title = decodeEntities(title);
  return compatible(title.indexOf('<') >= 0 ? title.replace(INLINE_TAG, '') : title)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9' -]+/g, ' ')
    .replace(/(^|\s)'|'(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Invisible characters that sit inside words: soft hyphens, zero-width joiners, and the zero-width breaks. */
const INVISIBLE_CLASS = '[\\u00ad\\u200b-\\u200d\\u2060\\ufeff]';
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'g');
/** Whether the text holds one of them: a test, cheaper than a replacement that finds nothing. */
const HOLDS_INVISIBLE = new RegExp(INVISIBLE_CLASS);

/** Does the text hold one of them? */
export function holdsInvisible(text: string): boolean {
  return HOLDS_INVISIBLE.test(text);
}

/**
 * The text without them, with each of its characters' place in the text (offset by `offset`), or null when the text
 * holds none: for reading what shows while keeping where it is.
 */
export function visibleText(text: string, offset = 0): { text: string; positions: number[] } | null {
  if (!HOLDS_INVISIBLE.test(text)) return null;
  let visible = '';
  const positions: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (isInvisible(text.charCodeAt(index))) continue;
    visible += text[index];
    positions.push(index + offset);
  }
  return { text: visible, positions };
}

/** Is the character one of them? (For scans that read a text character by character.) */
export function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/** The text without the characters nobody sees: a heading's title as it reads. */
export function withoutInvisible(text: string): string {
  return HOLDS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/**
 * A title as the letters it is made of: without invisible characters, and with the ligatures text taken from a PDF
 * carries ("Overall e\uFB00ectiveness") and full-width letters written as plain ones (Unicode's compatibility form).
 */
function compatible(title: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(title)) return title;
  return withoutInvisible(title).normalize('NFKC');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression source matching the phrase with any run of white space between its words. */
export function phrasePattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/'/g, "['\u2019]"))
    .join('\\s+');
}

/** What \s matches in a regular expression, without one. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Does the line end a sentence or a clause (/[.;:!?]["'’”)]?\s*$/, read from the end rather than tried at every
 * position)? One that does not was left open by a hard wrap, or lost its stop.
 */
export function endsClause(text: string): boolean {
  let last = text.length - 1;
  while (last >= 0 && isWhiteSpace(text.charCodeAt(last))) last--;
  if (last >= 0 && CLAUSE_CLOSERS.includes(text.charAt(last))) last--;
  return last >= 0 && CLAUSE_STOPS.includes(text.charAt(last));
}

const CLAUSE_CLOSERS = '"\'\u2019\u201d)';
const CLAUSE_STOPS = '.;:!?';

/** Runs of white space that are not already one space: replacing only these leaves the single spaces between words alone. */
const WHITE_SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** How many words `text.trim().split(/\s+/)` gives (1 for a blank text), without building them. */
export function wordCount(text: string): number {
  let count = 1;
  let afterSpace = false;
  let seenWord = false;
  for (let index = 0; index < text.length; index++) {
    const space = isWhiteSpace(text.charCodeAt(index));
    if (!space) {
      if (afterSpace && seenWord) count++;
      seenWord = true;
    }
    afterSpace = space;
  }
  return count;
}

/** Every run of white space as one space (`.replace(/\s+/g, ' ')`), returning the text itself when it has none to collapse. */
export function collapseWhiteSpace(text: string): string {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 ? isWhiteSpace(text.charCodeAt(index + 1)) : isWhiteSpace(code)) return text.replace(WHITE_SPACE_TO_COLLAPSE, ' ');
  }
  return text;
}
