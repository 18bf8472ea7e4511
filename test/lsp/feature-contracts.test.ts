import * as assert from 'assert';
import * as fc from 'fast-check';
import type { CodeAction, DocumentSymbol, Position, Range, TextEdit } from 'vscode-languageserver/node';
import { Analyzer } from '../../server/src/lsp/analysis';
import { codeActions, fixAllEdits } from '../../server/src/lsp/features/code-actions';
import { completions } from '../../server/src/lsp/features/completion';
import { judgementSummary, recordOfFindingsEdit } from '../../server/src/lsp/features/custom';
import { diagnosticsFor } from '../../server/src/lsp/features/diagnostics';
import { foldingRanges } from '../../server/src/lsp/features/folding';
import { hover } from '../../server/src/lsp/features/hover';
import { definition, references } from '../../server/src/lsp/features/navigation';
import { documentSymbols } from '../../server/src/lsp/features/symbols';
import { LineDocument } from '../../server/src/lsp/line-document';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { LINE_SHAPES } from '../helpers/line-shapes';
import { applyMutations, mutationArbitrary } from '../helpers/mutations';
import { readSeed, seedNames } from '../helpers/paths';
import { reportsWithTables, rewriteTable, TABLE_STYLES, writeTable } from '../helpers/tables';

// What VS Code refuses, feature by feature. A refusal is not a crash of ours, but it costs the user the whole answer:
// one document symbol with an empty name or a selection outside its range and the Outline shows nothing ("name must
// not be falsy", "selectionRange must be contained in fullRange"); overlapping edits and the fix is not applied.

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
const show = (value: unknown) => JSON.stringify(value);

function checkRange(lines: readonly string[], range: Range, what: string): void {
  assert.ok(before(range.start, range.end), `${what}: ends before it starts ${show(range)}`);
  for (const position of [range.start, range.end]) {
    assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < lines.length, `${what}: line outside the document ${show(range)}`);
    const line = lines[position.line] ?? '';
    assert.ok(position.character >= 0 && position.character <= line.length, `${what}: character outside its line ${show(range)}`);
    // an edit there would cut a character written as two code units (an emoji, a rare letter) in half
    const previous = line.charCodeAt(position.character - 1);
    const next = line.charCodeAt(position.character);
    assert.ok(!(previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff), `${what}: splits a surrogate pair ${show(range)}`);
  }
}

function checkSymbols(lines: readonly string[], symbols: readonly DocumentSymbol[]): void {
  for (const symbol of symbols) {
    assert.ok(symbol.name, `a document symbol with no name at ${show(symbol.range)}`);
    checkRange(lines, symbol.range, `symbol "${symbol.name}"`);
    checkRange(lines, symbol.selectionRange, `selection of symbol "${symbol.name}"`);
    assert.ok(contains(symbol.range, symbol.selectionRange), `symbol "${symbol.name}": selection ${show(symbol.selectionRange)} outside its range ${show(symbol.range)}`);
    checkSymbols(lines, symbol.children ?? []);
  }
}

const compare = (a: Position, b: Position) => a.line - b.line || a.character - b.character;

/** Edits of one document, as VS Code applies them: inside it, and none starting before the one ahead of it ends. */
function checkEdits(lines: readonly string[], edits: readonly TextEdit[], what: string): void {
  for (const edit of edits) checkRange(lines, edit.range, what);
  const sorted = edits.map((edit) => edit.range).sort((a, b) => compare(a.start, b.start) || compare(a.end, b.end));
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    const next = sorted[index]!;
    assert.ok(before(previous.end, next.start), `${what}: edits overlap ${show(previous)} and ${show(next)}`);
  }
}

function checkAction(lines: readonly string[], uri: string, action: CodeAction): void {
  const changes = action.edit?.changes ?? {};
  for (const [target, edits] of Object.entries(changes)) {
    assert.strictEqual(target, uri, `"${action.title}" edits another document`);
    checkEdits(lines, edits, `"${action.title}"`);
  }
}

const probe = fc.record({ line: fc.nat(), character: fc.nat({ max: 400 }) });
type Probe = { line: number; character: number };
type Met = Record<'symbols' | 'folds' | 'hovers' | 'completions' | 'definitions' | 'actions' | 'recordEdits', number>;

/** Asks every feature of the document, and hover, completion, navigation and code actions at each probe. */
function checkFeatures(text: string, probes: readonly Probe[], met: Met): void {
  const analyzer = new Analyzer({ ...DEFAULT_SETTINGS });
  const document = LineDocument.create('file:///report.txt', 'inspection-report', 1, text);
  const analysis = analyzer.get(document);
  const { lines, uri } = analysis;

  const symbols = documentSymbols(analysis);
  met.symbols += symbols.length;
  checkSymbols(lines, symbols);
  for (const fold of foldingRanges(analysis)) {
    met.folds++;
    assert.ok(fold.startLine < fold.endLine && fold.endLine < lines.length, `folding ${show(fold)} in ${lines.length} lines`);
  }
  const diagnostics = diagnosticsFor(analysis, DEFAULT_SETTINGS.maxFileSize);
  for (const diagnostic of diagnostics) checkRange(lines, diagnostic.range, `diagnostic ${diagnostic.code}`);
  for (const row of judgementSummary(analysis)) checkRange(lines, row.range, `summary row ${row.title}`);
  const recordEdits = recordOfFindingsEdit(analysis).edits;
  met.recordEdits += recordEdits.length;
  checkEdits(lines, recordEdits, 'record of main findings');

  const recheck = (changed: string) => analyzer.diagnosticsForText(document, changed);
  checkEdits(lines, fixAllEdits(analysis, text, recheck), 'fix all');
  // and the start of one problem, so that quick fixes are asked in every run that has a problem
  const problem = diagnostics.length ? diagnostics[(probes[0]?.line ?? 0) % diagnostics.length]!.range.start : null;
  for (const { line: rawLine, character: rawCharacter } of problem ? [...probes, problem] : probes) {
    const line = rawLine % lines.length;
    const lineText = lines[line] ?? '';
    let character = rawCharacter % (lineText.length + 1);
    // an editor's cursor never stands inside a surrogate pair
    if (/[\ud800-\udbff]/.test(lineText.charAt(character - 1)) && /[\udc00-\udfff]/.test(lineText.charAt(character))) character--;
    const position = { line, character };
    const hovered = hover(analysis, position);
    if (hovered?.range) {
      met.hovers++;
      checkRange(lines, hovered.range, 'hover');
      assert.ok(contains(hovered.range, { start: position, end: position }), `hover range ${show(hovered.range)} misses ${show(position)}`);
    }
    for (const item of completions(analysis, position, true)) {
      const edit = item.textEdit;
      if (!edit || !('range' in edit)) continue;
      met.completions++;
      checkRange(lines, edit.range, `completion "${item.label}"`);
      // VS Code drops an item whose range spans lines, is not on the cursor's line or does not reach the cursor
      assert.ok(edit.range.start.line === position.line && edit.range.end.line === position.line, `completion "${item.label}" off the line ${show(edit.range)}`);
      assert.ok(contains(edit.range, { start: position, end: position }), `completion "${item.label}" ${show(edit.range)} misses ${show(position)}`);
    }
    const target = definition(analysis, position);
    if (target) {
      met.definitions++;
      checkRange(lines, target.range, 'definition');
    }
    for (const location of references(analysis, position, true)) checkRange(lines, location.range, 'reference');
    const range = { start: position, end: position };
    const here = diagnostics.filter((diagnostic) => contains(diagnostic.range, range));
    for (const action of codeActions(analysis, { textDocument: { uri }, range, context: { diagnostics: here } }, text, recheck)) {
      if (action.edit) met.actions++;
      checkAction(lines, uri, action);
    }
  }
}

const RUNS = Number(process.env.CONTRACT_RUNS ?? 300);
const FRAMEWORKS = ['annual-rating-2009', 'apa-2007', 'ilacs', 'lac-2013', 'sif', 'slac-2011'];

/** Fails when a feature answered nothing in all the runs: the probes would no longer reach it. */
function assertMet(met: Met, features: readonly (keyof Met)[]): void {
  for (const feature of features) assert.ok(met[feature] > 0, `no ${feature} in any run: the probes no longer reach that feature`);
}

const emptyMet = (): Met => ({ symbols: 0, folds: 0, hovers: 0, completions: 0, definitions: 0, actions: 0, recordEdits: 0 });

describe('editor features answer what VS Code accepts, at any position', function () {
  this.timeout(120_000);

  it('on every seed mutated by random edits', () => {
    const seeds = seedNames().map(readSeed);
    const met = emptyMet();
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutationArbitrary, { maxLength: 10 }), fc.array(probe, { minLength: 1, maxLength: 8 }), (seed, edits, probes) =>
        checkFeatures(applyMutations(seed, edits), probes, met),
      ),
      { numRuns: RUNS },
    );
    assertMet(met, ['symbols', 'folds', 'hovers', 'completions', 'definitions', 'actions', 'recordEdits']);
  });

  it('on reports whose tables of judgements are written as converters, editors and PDF extractors write them, mutated', () => {
    const documents = reportsWithTables().flatMap(({ text, table }) => Object.values(TABLE_STYLES).map((style) => rewriteTable(text.split('\n'), table, writeTable(table, style))));
    // probes on the table's lines as often as elsewhere: the reports are long and their tables short
    const nearTable = (document: string) => {
      const lines = document.split('\n');
      const record = lines.findIndex((line, index) => index > lines.length / 2 && /^Record of main findings|^\s*(?:\||<t|\+-|-{3}|Judgement)/.test(line));
      return record;
    };
    const met = emptyMet();
    fc.assert(
      fc.property(
        fc.constantFrom(...documents),
        fc.array(mutationArbitrary, { maxLength: 4 }),
        fc.array(probe, { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ offset: fc.nat({ max: 60 }), character: fc.nat({ max: 80 }) }), { maxLength: 6 }),
        (document, edits, probes, tableProbes) => {
          const start = Math.max(0, nearTable(document));
          const near = tableProbes.map(({ offset, character }) => ({ line: start + offset, character }));
          checkFeatures(applyMutations(document, edits), [...probes, ...near], met);
        },
      ),
      { numRuns: RUNS },
    );
    assertMet(met, ['symbols', 'folds', 'hovers', 'definitions', 'actions', 'recordEdits']);
  });

  it('on drafts made of report vocabulary, under every framework', () => {
    const token = fc.constantFrom(
      'Grade 3', 'Grade 2 (Good)', 'Grade ', '**', '<b>', '</b>', '\t', '\n', '\r\n', '\n\n', '# ', '## ', '| ', ' |', '- ', '1. ', '2.3 ',
      'good', 'not yet ', 'Record of main findings', 'Contents', 'Being healthy', 'Safeguarding services', 'Immediately:',
      'Performs well (3)', 'Overall effectiveness', 'is adequate.', ' ', ':', 'Outstanding (Grade 1)', 'Capacity for improvement',
      'The overall effectiveness of services is inadequate. ', 'Areas for improvement', 'Within three months:', '(LSCB)',
      '\u{1F600}', '\u{1D4D6}ood', '\ud83d', 'Grade 2\u{1F600}', '\u{1F600}Grade 3',
    );
    const met = emptyMet();
    fc.assert(
      fc.property(fc.constantFrom(...FRAMEWORKS), fc.array(token, { minLength: 20, maxLength: 300, size: 'max' }), fc.array(probe, { minLength: 1, maxLength: 8 }), (framework, tokens, probes) =>
        checkFeatures(`<!-- framework: ${framework} -->\n${tokens.join('')}`, probes, met),
      ),
      { numRuns: RUNS },
    );
    assertMet(met, ['symbols', 'folds', 'hovers', 'completions', 'actions']);
  });

  it('on drafts made of whole lines of tables, lists and headings, under every framework', () => {
    const met = emptyMet();
    fc.assert(
      fc.property(fc.constantFrom(...FRAMEWORKS), fc.array(fc.constantFrom(...LINE_SHAPES), { minLength: 1, maxLength: 40 }), fc.array(probe, { minLength: 1, maxLength: 8 }), (framework, lines, probes) =>
        checkFeatures(`<!-- framework: ${framework} -->\n${lines.join('\n')}`, probes, met),
      ),
      { numRuns: RUNS },
    );
    assertMet(met, ['symbols', 'folds', 'hovers', 'completions', 'actions', 'recordEdits']);
  });
});
