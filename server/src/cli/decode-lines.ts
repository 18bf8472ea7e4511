import { isAscii } from 'buffer';
import type { SearchText } from '../core/parse/lines';
import { splitLines } from '../core/text';

export interface DecodedLines {
  /** The lines, without their terminators: those of splitLines over the whole decoded text. */
  lines: string[];
  /** The whole decoded text, when it was made (only for a text all ASCII, where it costs nothing extra). */
  text: string | undefined;
  /** Otherwise, the text read one byte a character, for the parser's searches (the lines decoded again to recheck). */
  search: SearchText | undefined;
  /** Whether a line ends with CR LF. */
  crlf: boolean;
}

/** A byte that is not ASCII, in a text read one byte per character. */
const NON_ASCII = /[\u0080-\u00ff]/g;
const CHUNK = 4096;

/**
 * Where the first byte above 0x7F is at or after `from` (counted from `start`), or -1. Blocks of 4 KB are checked with
 * Node's native isAscii, about fifteen times faster than a regular expression over the text; the expression only
 * finds the byte in a block known to hold one.
 */
function nextNonAscii(bytes: Buffer, start: number, bytewise: string, from: number): number {
  for (let block = from; block < bytewise.length; ) {
    const blockEnd = Math.min(bytewise.length, (Math.floor(block / CHUNK) + 1) * CHUNK);
    if (!isAscii(bytes.subarray(start + block, start + blockEnd))) {
      NON_ASCII.lastIndex = block;
      return (NON_ASCII.exec(bytewise) as RegExpExecArray).index;
    }
    block = blockEnd;
  }
  return -1;
}

/**
 * UTF-8 bytes (already known to be valid) as lines, from `start`. A report with a single curly quote decodes, whole,
 * into a string of two bytes a character, and one of over 64 K characters is a V8 large object in fresh pages of
 * memory; its lines, sliced from it, are two-byte strings too. Read one byte a character instead (a copy), the text is
 * split as it is; only the few lines that hold a byte above 0x7F are decoded again from their own bytes. In UTF-8 no
 * byte of a multi-byte character is below 0x80, so CR and LF bytes end lines in either reading.
 */
export function decodeUtf8Lines(bytes: Buffer, start = 0): DecodedLines {
  const bytewise = bytes.toString('latin1', start);
  const crlf = bytewise.includes('\r\n');
  const lines = splitLines(bytewise);
  const nextWide = (from: number) => nextNonAscii(bytes, start, bytewise, from);
  let wide = nextWide(0);
  if (wide < 0) return { lines, text: bytewise, search: undefined, crlf };
  const hasCr = bytewise.includes('\r');
  const starts = new Array<number>(lines.length);
  const recheck: number[] = [];
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    starts[index] = offset;
    const end = offset + (lines[index] as string).length;
    if (wide >= 0 && wide < end) {
      lines[index] = bytes.toString('utf8', start + offset, start + end);
      recheck.push(index);
      wide = nextWide(end);
    }
    // the terminator splitLines cut: CR LF, CR or LF
    offset = end + (hasCr && bytewise.charCodeAt(end) === 13 && bytewise.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return { lines, text: undefined, search: { text: bytewise, starts, recheck }, crlf };
}
