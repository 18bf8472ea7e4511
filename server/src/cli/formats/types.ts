import type { FrameworkProfile } from '../../core/frameworks/profile';
import type { Diagnostic } from '../../lint/engine';
import type { ParseResult } from '../../core/parse/parse';
import type { Chunks } from './chunks';
import type { Range } from '../../core/text';
import type { LinedText } from './eslint-fix';

export interface FileResult {
  /** Absolute path. */
  filePath: string;
  /** As shown to people: relative to the working folder. */
  displayPath: string;
  diagnostics: Diagnostic[];
  framework: FrameworkProfile | null;
  /** The whole model, kept only for the formats that print it (many reports' models would fill the memory). */
  report?: ParseResult;
  /** Things worth saying about the file that are not problems in it. */
  notes: string[];
  /** The text the diagnostics' positions are in, for the formats that give fixes as offsets into it (JSON); only for UTF-8 files, the ones --fix writes. */
  text?: LinedText;
  /** Why the file was not checked (it could not be read, is too large or is binary); it then has no diagnostics. */
  notChecked?: string;
}

/** A problem in a configuration file (the run goes on with defaults for what was wrong). */
export interface ConfigurationProblem {
  /** Absolute path of the configuration file, when there is one. */
  filePath: string | null;
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

export interface FormatOptions {
  cwd: string;
  color: boolean;
  /** Said on stderr by the CLI; recorded by the formats that have a place for them (SARIF). */
  configurationProblems?: readonly ConfigurationProblem[];
}

/**
 * Gives the output as pieces in order (see Chunks): joined, they are the whole text. The files are read once, in
 * order, as the output is written: the CLI lints each file only when its turn comes and lets it go after, so that a
 * run holds one file's problems at a time.
 */
export type Formatter = (files: Iterable<FileResult>, options: FormatOptions) => Chunks;
