import * as fs from 'fs';
import * as path from 'path';

/** Extensions of files the linter reads when it is given a folder or a glob. */
export const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown'];
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/out/**', '**/dist/**', '**/.vscode-test/**', '**/.vscode-e2e/**'];

export class UsageError extends Error {}

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
      const found = await globber().glob(REPORT_EXTENSIONS.map((ext) => `**/*${ext}`), { cwd: absolute, ignore: IGNORED, absolute: true, dot: false });
      if (!found.length) throw new UsageError(`No report files (${REPORT_EXTENSIONS.join(', ')}) in the folder ${input}`);
      out.push(...found.sort());
      continue;
    }
    if (globber().isDynamicPattern(input)) {
      const found = await globber().glob(input, { cwd, ignore: IGNORED, absolute: true });
      if (!found.length) throw new UsageError(`No files match ${input}`);
      out.push(...found.sort());
      continue;
    }
    throw new UsageError(`No such file or folder: ${input}`);
  }
  return [...new Set(out)];
}

export interface ReadFile {
  text: string;
  /** Set when the file was not UTF-8 and was read as Windows-1252. */
  note?: string;
}

/** Reads a report: refuses binary files, drops a UTF-8 byte order mark, falls back to Windows-1252. */
export function readReport(file: string, shownAs: string): ReadFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`Cannot read ${shownAs}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (bytes.subarray(0, 8000).includes(0)) throw new UsageError(`${shownAs} is a binary file, not a report`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), note: `${shownAs} is not UTF-8: read as Windows-1252` };
  }
}
