import * as path from 'path';
import { fileURLToPath } from 'url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigResolver, configFromText, declaredReport, frameworkFor, type ConfigFile } from '../config/discover';
import { CONFIG_FILE_NAME } from '../config/names';
import { compileFramework, type CompiledFramework } from '../core/frameworks/compiled';
import { builtinFrameworks } from '../core/frameworks/builtin';
import { splitLines } from '../core/text';
import { parse, parseLines } from '../core/parse/parse';
import { lintReport, type LintResult } from '../lint/engine';
import { LineDocument } from './line-document';
import type { Settings } from './settings';

export interface Analysis extends LintResult {
  uri: string;
  version: number;
  lines: readonly string[];
  eol: '\n' | '\r\n';
  framework: CompiledFramework | null;
  /** Whether the document is a report the server lints (others get no diagnostics). */
  isReport: boolean;
  /** Set when the document is over the size limit and was not analysed. */
  tooLarge: boolean;
  config: ConfigFile;
}

/** Languages whose documents may be reports. */
export const REPORT_LANGUAGE = 'inspection-report';
const TEXT_LANGUAGES = new Set(['plaintext', 'markdown', 'text', 'txt', REPORT_LANGUAGE]);

export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** Analyses documents on demand and keeps the result until the document or the configuration changes. */
export class Analyzer {
  private readonly cache = new Map<string, Analysis>();
  private readonly configs = new ConfigResolver();
  /** Configuration files open in the editor: their unsaved text is what counts. */
  private readonly openConfigs = new Map<string, ConfigFile>();
  /** Framework chosen for a document by the user ("Choose framework"), by URI. */
  private readonly overrides = new Map<string, string | null>();
  /** How long the last analysis of each document took, in ms. */
  private readonly costs = new Map<string, number>();

  constructor(private settings: Settings) {}

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.invalidateAll();
  }

  setOverride(uri: string, framework: string | null): void {
    if (framework) this.overrides.set(uri, framework);
    else this.overrides.delete(uri);
    this.cache.delete(uri);
  }

  invalidate(uri: string): void {
    this.cache.delete(uri);
  }

  invalidateAll(): void {
    this.cache.clear();
    this.configs.clear();
  }

  /** An open .inspection-lint.json changed in the editor (null: closed). */
  setOpenConfig(uri: string, text: string | null): ConfigFile | null {
    const file = filePathOf(uri);
    if (!file) return null;
    if (text === null) this.openConfigs.delete(file);
    else this.openConfigs.set(file, configFromText(file, text, this.settings.allowCustomFrameworks));
    this.invalidateAll();
    return this.openConfigs.get(file) ?? null;
  }

  configFor(uri: string): ConfigFile {
    const file = filePathOf(uri);
    if (!file) return configFromText(null, '{}');
    const config = this.configs.forDocument(file);
    const open = config.file ? this.openConfigs.get(config.file) : undefined;
    const chosen = open ?? config;
    if (!this.settings.allowCustomFrameworks && chosen.config.customFrameworks.length) {
      return { ...chosen, registry: builtinFrameworks() };
    }
    return chosen;
  }

  get(document: TextDocument): Analysis {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const started = performance.now();
    const analysis = this.analyse(document);
    this.costs.set(document.uri, performance.now() - started);
    this.cache.set(document.uri, analysis);
    return analysis;
  }

  /** How long the document's last analysis took (ms), if it has had one. */
  costOf(uri: string): number | undefined {
    return this.costs.get(uri);
  }

  /** The analysis for this version if it is already computed. */
  peek(uri: string): Analysis | undefined {
    return this.cache.get(uri);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.costs.delete(uri);
  }

  all(): Analysis[] {
    return [...this.cache.values()];
  }

  /** The diagnostics the document would have with this text instead of its own (for fixing in rounds). */
  diagnosticsForText(document: TextDocument, text: string): Analysis['diagnostics'] {
    return this.analyse(document, text).diagnostics;
  }

  private analyse(document: TextDocument, text?: string): Analysis {
    const config = this.configFor(document.uri);
    const filePath = filePathOf(document.uri);
    const source = readSource(document, text);
    const eol: '\n' | '\r\n' = source.crlf ? '\r\n' : '\n';
    const base = { uri: document.uri, version: document.version, config, eol };
    if (overSizeLimit(source, this.settings.maxFileSize)) {
      const empty = parse('', { registry: config.registry });
      return { ...base, report: empty, diagnostics: [], problemCount: 0, lines: [], framework: null, isReport: TEXT_LANGUAGES.has(document.languageId), tooLarge: true };
    }
    const override = this.overrides.get(document.uri);
    const forced =
      override ??
      (this.settings.framework !== 'auto' ? this.settings.framework : undefined) ??
      (filePath ? frameworkFor(config, filePath) : undefined);
    const lines = source.lines();
    const report = parseLines(lines, {
      registry: config.registry,
      ...(forced ? { framework: forced, frameworkSource: override || this.settings.framework !== 'auto' ? 'option' : 'config' } : {}),
    }, source.text);
    const isReport = this.isReport(document, report.framework !== null || report.directives.some((d) => d.kind === 'framework'), filePath, config);
    const result = isReport
      ? lintReport(report, lines, { rules: { ...config.config.rules, ...this.settings.rules }, maxProblems: this.settings.maxNumberOfProblems }, eol)
      : { report, diagnostics: [], problemCount: 0 };
    return {
      ...base,
      ...result,
      lines,
      framework: report.framework ? compileFramework(report.framework.profile) : null,
      isReport,
      tooLarge: false,
    };
  }

  private isReport(document: TextDocument, recognised: boolean, filePath: string | null, config: ConfigFile): boolean {
    if (!this.settings.enable) return false;
    if (filePath && path.basename(filePath) === CONFIG_FILE_NAME) return false;
    if (document.languageId === REPORT_LANGUAGE) return true;
    if (filePath && declaredReport(config, filePath)) return true;
    return this.settings.lintPlainTextReports && TEXT_LANGUAGES.has(document.languageId) && recognised;
  }
}

/**
 * The text to analyse, as lines. A document kept as lines is read as lines: joining them would copy the whole text
 * on every keystroke. `text`, when given, stands for the document's own.
 */
function readSource(document: TextDocument, text: string | undefined): Source {
  if (text === undefined && document instanceof LineDocument) {
    return {
      lines: () => document.lines,
      text: document.textIfJoined,
      length: document.length,
      crlf: document.crlf,
      bytes: () => document.lines.reduce((sum, line, index) => sum + Buffer.byteLength(line) + document.getEOLCharacters(index).length, 0),
    };
  }
  const whole = text ?? document.getText();
  // split only once the text is known to be within the size limit
  return { lines: () => splitLines(whole), text: whole, length: whole.length, crlf: whole.includes('\r\n'), bytes: () => Buffer.byteLength(whole) };
}

interface Source {
  lines(): readonly string[];
  text: string | undefined;
  /** In UTF-16 code units. */
  length: number;
  crlf: boolean;
  /** The size of the text saved as UTF-8. */
  bytes(): number;
}

/**
 * Whether the document is larger than `maxFileSize` bytes saved as UTF-8, as the command line measures a file, so
 * that both check the same reports. A code unit takes one to three bytes, so only a text between a third of the
 * limit and the limit, in code units, is measured.
 */
export function overSizeLimit(source: Pick<Source, 'length' | 'bytes'>, maxFileSize: number): boolean {
  if (source.length > maxFileSize) return true;
  if (source.length * 3 <= maxFileSize) return false;
  return source.bytes() > maxFileSize;
}
