import * as fs from 'fs';
import { isUtf8 } from 'buffer';
import * as path from 'path';
import type { SearchText } from '../core/parse/lines';
import { splitLines } from '../core/text';
import { decodeUtf8Lines } from './decode-lines';

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
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
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
  /** Set when the file was not UTF-8 and was read as Windows-1252. */
  note?: string;
  /** The file starts with a UTF-8 byte order mark (dropped from the text, kept when the file is written back). */
  bom?: boolean;
}

/**
 * Reads a report: refuses binary files, drops a UTF-8 byte order mark, falls back to Windows-1252. `wholeText`: the
 * caller needs the text itself (to fix it), not only its lines.
 */
export function readReport(file: string, shownAs: string, { wholeText = false } = {}): ReadFile {
  let bytes: Buffer;
  try {
    bytes = readBytes(file);
  } catch (error) {
    throw new UsageError(`Cannot read ${shownAs}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.subarray(0, 8000).includes(0)) throw new UsageError(`${shownAs} is a binary file, not a report`);
  // a native validity check and decoding: a fatal TextDecoder does the same, several times slower
  if (!isUtf8(bytes)) return withLines(new TextDecoder('windows-1252').decode(bytes), { note: `${shownAs} is not UTF-8: read as Windows-1252` });
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = bom ? 3 : 0;
  const marked = bom ? { bom: true } : {};
  return wholeText ? withLines(bytes.toString('utf8', start), marked) : { ...decodeUtf8Lines(bytes, start), ...marked };
}

function withLines(text: string, extra: Pick<ReadFile, 'note' | 'bom'>): ReadFile {
  return { lines: splitLines(text), text, crlf: text.includes('\r\n'), ...extra };
}

/**
 * The file's bytes, in a buffer kept from one file to the next: a fresh buffer for every report is fresh memory, which
 * the kernel charges for page by page. What is returned is valid until the next call.
 */
let readBuffer = Buffer.allocUnsafeSlow(1 << 16);

function readBytes(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === readBuffer.length) {
        const larger = Buffer.allocUnsafeSlow(readBuffer.length * 2);
        readBuffer.copy(larger, 0, 0, length);
        readBuffer = larger;
      }
      const read = fs.readSync(fd, readBuffer, length, readBuffer.length - length, null);
      if (read === 0) return readBuffer.subarray(0, length);
      length += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}
