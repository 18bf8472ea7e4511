import type { LintResult } from '../../lint/engine';

export interface FileResult {
  /** Absolute path. */
  filePath: string;
  /** As shown to people: relative to the working folder. */
  displayPath: string;
  result: LintResult;
  /** Things worth saying about the file that are not problems in it. */
  notes: string[];
}

export interface FormatOptions {
  cwd: string;
  color: boolean;
}

export type Formatter = (files: readonly FileResult[], options: FormatOptions) => string;
