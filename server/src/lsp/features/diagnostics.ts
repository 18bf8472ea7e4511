import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic } from '../../lint/engine';
import { ruleDocsUrl } from '../../rules/docs';
import type { Severity } from '../../rules/rule';
import type { Analysis } from '../analysis';

export const SOURCE = 'inspection-report';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(uri: string, diagnostic: Diagnostic): LspDiagnostic {
  const href = ruleDocsUrl(diagnostic.ruleId);
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: SOURCE,
    message: diagnostic.message,
    ...(diagnostic.related.length
      ? { relatedInformation: diagnostic.related.map((related) => ({ location: { uri, range: related.range }, message: related.message })) }
      : {}),
    ...(diagnostic.ruleId === 'outdated-grade-wording' ? { tags: [DiagnosticTag.Deprecated] } : {}),
  };
}

export function diagnosticsFor(analysis: Analysis, maxFileSize: number): LspDiagnostic[] {
  if (analysis.tooLarge) {
    const megabytes = (maxFileSize / (1024 * 1024)).toFixed(maxFileSize % (1024 * 1024) ? 1 : 0);
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        code: 'file-too-large',
        message: `This document is larger than ${megabytes} MB, so it is not checked (setting inspectionReport.maxFileSize).`,
      },
    ];
  }
  if (!analysis.isReport) return [];
  const shown = analysis.diagnostics.map((diagnostic) => toLspDiagnostic(analysis.uri, diagnostic));
  if (analysis.leftOutFrom) shown.push(leftOutNote(analysis));
  return shown;
}

/** Where maxNumberOfProblems left problems out: one note at the first of them, saying how many. */
function leftOutNote(analysis: Analysis): LspDiagnostic {
  const at = analysis.leftOutFrom!;
  const more = analysis.problemCount - analysis.diagnostics.length;
  return {
    range: { start: at, end: at },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'too-many-problems',
    message: `${more} more problem${more === 1 ? '' : 's'} from here on ${more === 1 ? 'is' : 'are'} not shown: only the first ${analysis.diagnostics.length} of ${analysis.problemCount} are (setting inspectionReport.maxNumberOfProblems).`,
  };
}

/**
 * Finds again in the analysis the lint diagnostics a client hands back (in a code action request): indexed by rule
 * and start once, so that a request carrying thousands of them is not a search of all of them for each.
 */
export function diagnosticFinder(analysis: Analysis): (lsp: LspDiagnostic) => Diagnostic | undefined {
  const byStart = new Map<string, Diagnostic[]>();
  const keyOf = (ruleId: string, start: { line: number; character: number }) => `${start.line}:${start.character}:${ruleId}`;
  for (const diagnostic of analysis.diagnostics) {
    const key = keyOf(diagnostic.ruleId, diagnostic.range.start);
    const list = byStart.get(key);
    if (list) list.push(diagnostic);
    else byStart.set(key, [diagnostic]);
  }
  return (lsp) => {
    if (typeof lsp.code !== 'string') return undefined;
    return byStart
      .get(keyOf(lsp.code, lsp.range.start))
      ?.find((diagnostic) => diagnostic.message === lsp.message || diagnostic.range.end.character === lsp.range.end.character);
  };
}

/** Everything a client shows of a set of diagnostics, as one string: equal strings mean nothing to resend. */
export function fingerprintOf(diagnostics: readonly LspDiagnostic[]): string {
  const parts: string[] = [];
  for (const d of diagnostics) {
    const related = d.relatedInformation?.map((info) => `${info.location.range.start.line}:${info.location.range.start.character}:${info.location.range.end.line}:${info.location.range.end.character}:${info.message}`).join('|') ?? '';
    parts.push(`${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${d.severity}:${String(d.code)}:${d.message}:${related}:${d.tags?.join(',') ?? ''}`);
  }
  return parts.join('\n');
}
