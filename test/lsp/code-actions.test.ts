import * as assert from 'assert';
import * as fc from 'fast-check';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol/node';
import { Analyzer } from '../../server/src/lsp/analysis';
import { codeActions } from '../../server/src/lsp/features/code-actions';
import { diagnosticFinder, diagnosticsFor } from '../../server/src/lsp/features/diagnostics';
import { LineDocument } from '../../server/src/lsp/line-document';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { applyMutations, mutationArbitrary } from '../helpers/mutations';
import { readSeed, seedNames } from '../helpers/paths';

function open(text: string) {
  // every problem shown: these tests hand back tens of thousands of them, as a client whose user raised the limit would
  const analyzer = new Analyzer({ ...DEFAULT_SETTINGS, maxNumberOfProblems: Number.MAX_SAFE_INTEGER });
  const document = LineDocument.create('file:///report.txt', 'inspection-report', 1, text);
  return { analyzer, document, analysis: analyzer.get(document) };
}

describe('code actions: the diagnostics a client hands back', () => {
  it('are found again as a search of every diagnostic would find them, as sent or altered by the client', () => {
    const seeds = seedNames().map(readSeed);
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { minLength: 1, maxLength: 12 }), (seed, edits) => {
        const { analysis } = open(applyMutations(seed, edits));
        const searchAll = (lsp: LspDiagnostic) =>
          analysis.diagnostics.find(
            (diagnostic) =>
              diagnostic.ruleId === lsp.code &&
              diagnostic.range.start.line === lsp.range.start.line &&
              diagnostic.range.start.character === lsp.range.start.character &&
              (diagnostic.message === lsp.message || diagnostic.range.end.character === lsp.range.end.character),
          );
        const find = diagnosticFinder(analysis);
        for (const sent of diagnosticsFor(analysis, DEFAULT_SETTINGS.maxFileSize)) {
          const variants: LspDiagnostic[] = [
            sent,
            { ...sent, message: 'reworded by the client' },
            { ...sent, message: 'reworded', range: { ...sent.range, end: { ...sent.range.end, character: sent.range.end.character + 1 } } },
            { ...sent, code: 7 },
            { ...sent, code: undefined },
            { ...sent, code: 'no-such-rule' },
          ];
          for (const lsp of variants) assert.strictEqual(find(lsp), searchAll(lsp));
        }
      }),
      { numRuns: 60 },
    );
  });

  // a generous bound: searching every diagnostic for each one sent took 4.7 s for these 47 000
  it('for a selection carrying tens of thousands of them, are found in linear time', () => {
    const text = Array.from({ length: 48_000 }, (_, index) => `${(index * 7) % 50}. Some paragraph text.`).join('\n');
    const { analyzer, document, analysis } = open(text);
    const diagnostics = diagnosticsFor(analysis, DEFAULT_SETTINGS.maxFileSize);
    assert.ok(diagnostics.length > 40_000);
    const started = performance.now();
    const range = { start: { line: 0, character: 0 }, end: { line: document.lineCount, character: 0 } };
    const actions = codeActions(analysis, { textDocument: { uri: document.uri }, range, context: { diagnostics } }, text, (changed) => analyzer.diagnosticsForText(document, changed), true);
    assert.ok(performance.now() - started < 3000);
    assert.strictEqual(actions.filter((action) => action.kind === 'quickfix' && action.edit).length, diagnostics.length);
  });
});
