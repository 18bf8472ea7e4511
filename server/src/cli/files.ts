import * as fs from 'fs';
import { constants, isUtf8 } from 'buffer';
import * as path from 'path';
import type { SearchText } from '../core/parse/lines';
import { splitLines } from '../core/text';
import { readFailure } from '../read-failure';
import { decodeUtf8Lines } from './decode-lines';
import { stampOf, type FileStamp } from './write-back';

/** Extensions of files the linter reads when it is given a folder or a glob. */
export const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown'];
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/out/**', '**/dist/**', '**/.vscode-test/**', '**/.vscode-e2e/**'];

export class UsageError extends Error {}

/** Folders never searched for reports: dependencies, build output, test installs, and hidden folders. */
const IGNORED_FOLDERS = new Set(['node_modules', 'out', 'dist', '.vscode-test', '.vscode-e2e']);

/** Report files in a folder and its subfolders (a plain walk: a glob library costs more to load than to use here). */
function reportsUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.has(entry.name)) walk(full);
      } else if ((entry.isFile() || isLinkToFile(full, entry)) && REPORT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) out.push(full);
    }
  };
  walk(folder);
  return out;
}

/** A symbolic link to a file is followed; one to a folder is not (it could lead round in a circle). */
function isLinkToFile(full: string, entry: fs.Dirent): boolean {
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(full).isFile();
  } catch {
    return false;
  }
}

/** Files named on the command line: files as given, folders searched, globs expanded. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const globber = () => require('tinyglobby') as typeof import('tinyglobby');
  const out: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    let unreadable = false;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // there, but not to be read (a circle of links, no permission): declined in its turn, as a file that cannot be read
      unreadable = code !== 'ENOENT' && code !== 'ENOTDIR';
    }
    // a pipe or a device named as a file is declined in its turn too (readReport)
    if (unreadable || (stat && !stat.isDirectory())) {
      out.push(absolute);
      continue;
    }
    if (stat?.isDirectory()) {
      const found = reportsUnder(absolute);
      if (!found.length) throw new UsageError(`No report files (${REPORT_EXTENSIONS.join(', ')}) in the folder ${input}`);
      for (const file of found.sort()) out.push(file);
      continue;
    }
    if (globber().isDynamicPattern(input)) {
      const found = await globber().glob(input, { cwd, ignore: IGNORED, absolute: true });
      if (!found.length) throw new UsageError(`No files match ${input}`);
      for (const file of found.sort()) out.push(file);
      continue;
    }
    throw new UsageError(`No such file or folder: ${input}`);
  }
  return [...new Set(out)];
}

export interface ReadFile {
  /** The lines, without their terminators. */
  lines: string[];
  /** The whole text: always when asked for (wholeText), else only when it came free with the lines. */
  text: string | undefined;
  /** Without the text, one standing for it in the parser's searches, when there is one. */
  search?: SearchText | undefined;
  /** Whether a line ends with CR LF. */
  crlf: boolean;
  /** Set when the file was not UTF-8: UTF-16 (with its byte order mark), or read as Windows-1252. */
  note?: string;
  /** The file starts with a UTF-8 byte order mark (dropped from the text, kept when the file is written back). */
  bom?: boolean;
  /** The file as it was when read (with wholeText): --fix does not write over a file changed since. */
  stamp?: FileStamp;
}

/**
 * Reads a report: refuses binary files and files over `maxBytes`, drops a UTF-8 byte order mark, reads UTF-16 that
 * has one, falls back to Windows-1252. `wholeText`: the caller needs the text itself (to fix it), not only its lines.
 */
export function readReport(file: string, shownAs: string, { wholeText = false, maxBytes = Infinity } = {}): ReadFile {
  let bytes: Buffer | null;
  let stat: fs.Stats;
  const limit = Math.min(maxBytes, MAX_TEXT_BYTES);
  try {
    ({ bytes, stat } = readBytes(file, limit));
  } catch (error) {
    if (error instanceof NotAFile) throw new UsageError(`${shownAs} is not a file (a pipe, socket or device), so it is not checked`);
    throw new UsageError(`Cannot read ${shownAs}: ${readFailure(error as NodeJS.ErrnoException)}`);
  }
  if (!bytes) throw tooLarge(shownAs, limit, maxBytes);
  return decodeReport(bytes, shownAs, wholeText, stat);
}

/** Over --max-file-size, or over what Node can hold as one string (`limit` then lower). */
function tooLarge(shownAs: string, limit: number, maxBytes: number): UsageError {
  if (limit < maxBytes) return new UsageError(`${shownAs} is larger than ${sizeText(limit)}, more than Node can hold as text, so it is not checked`);
  return new UsageError(`${shownAs} is larger than ${sizeText(maxBytes)}, so it is not checked (--max-file-size)`);
}

/** A stream read to its end, kept up to the first chunk past `maxBytes` (enough to tell that it is larger). */
export function readUpTo(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    // past the limit the rest is read and let go, so that the writer is not left blocked, and never held
    stream.on('data', (chunk: Buffer) => {
      if (length > maxBytes) return;
      chunks.push(chunk);
      length += chunk.length;
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Standard input, read whole, as a report (`inspection-lint -`): the same checks as a file's, but no stamp to fix by. */
export function readReportBytes(bytes: Buffer, shownAs: string, { maxBytes = Infinity } = {}): ReadFile {
  const limit = Math.min(maxBytes, MAX_TEXT_BYTES);
  if (bytes.length > limit) throw tooLarge(shownAs, limit, maxBytes);
  return decodeReport(bytes, shownAs, false, null);
}

function decodeReport(bytes: Buffer, shownAs: string, wholeText: boolean, stat: fs.Stats | null): ReadFile {
  // Word and Notepad save "Unicode" text as UTF-16 with a byte order mark; the editor reads it, and so does the CLI
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) return withLines(new TextDecoder(utf16).decode(bytes), { note: `${shownAs} is UTF-16 (${utf16 === 'utf-16le' ? 'little' : 'big'}-endian), not UTF-8` });
  if (bytes.subarray(0, 8000).includes(0)) {
    const hint = looksLikeUtf16(bytes.subarray(0, 8000)) ? ' (it looks like UTF-16 text without a byte order mark: save it as UTF-8)' : '';
    throw new UsageError(`${shownAs} is a binary file, not a report${hint}`);
  }
  // a native validity check and decoding: a fatal TextDecoder does the same, several times slower
  if (!isUtf8(bytes)) return withLines(new TextDecoder('windows-1252').decode(bytes), { note: `${shownAs} is not UTF-8: read as Windows-1252` });
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = bom ? 3 : 0;
  const marked = bom ? { bom: true } : {};
  return wholeText && stat ? withLines(bytes.toString('utf8', start), { ...marked, stamp: stampOf(stat) }) : { ...decodeUtf8Lines(bytes, start), ...marked };
}

/** Text in UTF-16 without its mark: nearly every other byte zero, the rest printable ASCII or line breaks. */
function looksLikeUtf16(head: Buffer): boolean {
  const pairs = head.length >> 1;
  if (pairs < 8) return false;
  for (const zeroAt of [0, 1]) {
    let text = 0;
    for (let pair = 0; pair < pairs; pair++) {
      const zero = head[2 * pair + zeroAt] as number;
      const other = head[2 * pair + 1 - zeroAt] as number;
      if (zero === 0 && ((other >= 0x20 && other < 0x7f) || other === 0x0a || other === 0x0d || other === 0x09)) text++;
    }
    if (text >= pairs * 0.9) return true;
  }
  return false;
}

function withLines(text: string, extra: Pick<ReadFile, 'note' | 'bom' | 'stamp'>): ReadFile {
  return { lines: splitLines(text), text, crlf: text.includes('\r\n'), ...extra };
}

/**
 * The file's bytes, in a buffer kept from one file to the next: a fresh buffer for every report is fresh memory, which
 * the kernel charges for page by page. What is returned is valid until the next call.
 */
let readBuffer = Buffer.allocUnsafeSlow(1 << 16);

/** The longest string V8 makes (about 512 MB): a file is read as one string a byte a character. */
export const MAX_TEXT_BYTES = constants.MAX_STRING_LENGTH;

class NotAFile extends Error {}

/**
 * Null when the file holds more than maxBytes: it is not read further (it could be larger than the memory). Opened
 * without blocking, so that a pipe with no writer is found not to be a file rather than waited on for ever.
 */
function readBytes(file: string, maxBytes: number): { bytes: Buffer | null; stat: fs.Stats } {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new NotAFile();
    if (stat.size > maxBytes) return { bytes: null, stat };
    // and should it grow while read:
    let length = 0;
    for (;;) {
      if (length > maxBytes) return { bytes: null, stat };
      if (length === readBuffer.length) {
        const larger = Buffer.allocUnsafeSlow(readBuffer.length * 2);
        readBuffer.copy(larger, 0, 0, length);
        readBuffer = larger;
      }
      const read = fs.readSync(fd, readBuffer, length, readBuffer.length - length, null);
      if (read === 0) return { bytes: readBuffer.subarray(0, length), stat };
      length += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** 16 MB, 1.5 MB, 500 KB, 999 bytes: as a limit given in those units reads. */
export function sizeText(bytes: number): string {
  for (const [unit, size] of [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** "16MB", "512kb", "1000000": a size in bytes. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b)?\s*$/i.exec(text);
  const bytes = match ? Math.floor(Number(match[1]) * SIZE_UNITS[(match[2] ?? '').toLowerCase()]!) : NaN;
  if (!(bytes >= 1)) throw new UsageError(`--max-file-size needs a size such as 16MB, 500KB or 1000000 (bytes), not "${text}"`);
  return bytes;
}
