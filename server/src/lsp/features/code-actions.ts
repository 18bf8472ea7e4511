import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { Diagnostic } from '../../lint/engine';
import { editsBetween, fixAll, hasPreferredFix } from '../../lint/fix';
import type { Fix } from '../../rules/rule';
import type { Analysis } from '../analysis';
import { contains } from '../locate';
import { diagnosticFinder, SOURCE, toLspDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** Checks a text as the document would be checked: for fixing in rounds. */
export type Recheck = (text: string) => readonly Diagnostic[];

/** Every preferred fix, in as many rounds as it takes (fixes that depend on each other come out right), as minimal edits. */
export function fixAllEdits(analysis: Analysis, text: string, recheck: Recheck): TextEdit[] {
  const fixed = fixAll(text, recheck, analysis.diagnostics);
  return editsBetween(text, fixed.text);
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

/** What a "fix all" action carries when its edit is computed on resolve (fixing in rounds re-checks the text). */
export interface FixAllData {
  fixAll: { uri: string; version: number };
}

export function isFixAllData(data: unknown): data is FixAllData {
  const fixAllData = (data as FixAllData | null)?.fixAll;
  return typeof fixAllData?.uri === 'string' && typeof fixAllData.version === 'number';
}

/**
 * The code actions at a place. With `lazy`, "fix all" actions come without their edit, which the client asks for
 * when the user picks one (codeAction/resolve): editors ask for actions at every move of the cursor.
 */
export function codeActions(analysis: Analysis, params: CodeActionParams, text: string, recheck: Recheck, lazy = false): CodeAction[] {
  const fixAllAction = (title: string, kind: string): CodeAction =>
    lazy
      ? { title, kind, data: { fixAll: { uri: analysis.uri, version: analysis.version } } satisfies FixAllData }
      : { title, kind, edit: { changes: { [analysis.uri]: fixAllEdits(analysis, text, recheck) } } };
  if (!analysis.isReport) return [];
  const { uri } = analysis;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const given = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE || diagnostic.source === undefined);
    const pairs: [Diagnostic, LspDiagnostic][] = [];
    const find = given.length ? diagnosticFinder(analysis) : null;
    for (const lsp of given) {
      const found = find?.(lsp);
      if (found) pairs.push([found, lsp]);
    }
    // some clients send no diagnostics in the context: offer the fixes of the problems under the cursor
    if (!given.length) {
      for (const diagnostic of analysis.diagnostics) {
        if (contains(diagnostic.range, params.range.start) || contains(params.range, diagnostic.range.start)) pairs.push([diagnostic, toLspDiagnostic(uri, diagnostic)]);
      }
    }
    for (const [diagnostic, lsp] of pairs) for (const fix of diagnostic.fixes) actions.push(action(uri, fix, lsp));
    // offered beside a problem that has a fix of its own, when there are others to fix with it
    const fixable = analysis.diagnostics.filter(hasPreferredFix).length;
    const besideAFix = pairs.some(([diagnostic]) => hasPreferredFix(diagnostic));
    if (besideAFix && fixable > 1) actions.push(fixAllAction(`Fix all inspection report problems in this file (${fixable})`, CodeActionKind.QuickFix));
  }
  const anyFix = analysis.diagnostics.some(hasPreferredFix);
  if (only && wants(only, FIX_ALL_KIND) && anyFix) actions.push(fixAllAction('Fix all inspection report problems', FIX_ALL_KIND));
  return actions;
}
