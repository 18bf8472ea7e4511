import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { Diagnostic } from '../../lint/engine';
import type { Fix } from '../../rules/rule';
import type { Analysis } from '../analysis';
import { contains } from '../locate';
import { findDiagnostic, SOURCE, toLspDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (x: TextEdit['range']['end'], y: TextEdit['range']['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  const emptyA = a.range.start.line === a.range.end.line && a.range.start.character === a.range.end.character;
  const emptyB = b.range.start.line === b.range.end.line && b.range.start.character === b.range.end.character;
  if (emptyA && emptyB) return false;
  return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}

/** The preferred fix of every problem in the document, leaving out any whose edits would collide with one already taken. */
export function fixAllEdits(analysis: Analysis): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const diagnostic of analysis.diagnostics) {
    const fix = diagnostic.fixes.find((candidate) => candidate.preferred);
    if (!fix) continue;
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

function action(uri: string, fix: Fix, diagnostic: LspDiagnostic): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: Boolean(fix.preferred),
    edit: { changes: { [uri]: fix.edits } },
  };
}

export function codeActions(analysis: Analysis, params: CodeActionParams): CodeAction[] {
  if (!analysis.isReport) return [];
  const { uri } = analysis;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const given = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE || diagnostic.source === undefined);
    const pairs: [Diagnostic, LspDiagnostic][] = [];
    for (const lsp of given) {
      const found = findDiagnostic(analysis, lsp);
      if (found) pairs.push([found, lsp]);
    }
    // some clients send no diagnostics in the context: offer the fixes of the problems under the cursor
    if (!given.length) {
      for (const diagnostic of analysis.diagnostics) {
        if (contains(diagnostic.range, params.range.start) || contains(params.range, diagnostic.range.start)) pairs.push([diagnostic, toLspDiagnostic(uri, diagnostic)]);
      }
    }
    for (const [diagnostic, lsp] of pairs) for (const fix of diagnostic.fixes) actions.push(action(uri, fix, lsp));
    const fixable = analysis.diagnostics.filter((diagnostic) => diagnostic.fixes.some((fix) => fix.preferred)).length;
    if (pairs.length && fixable > 1) {
      actions.push({ title: `Fix all inspection report problems in this file (${fixable})`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: fixAllEdits(analysis) } } });
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(analysis);
    if (edits.length) actions.push({ title: 'Fix all inspection report problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}
