import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  TextEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../helpers/edits';
import { fosteringReview } from '../helpers/frameworks';
import { at, LspClient, td, uriOf } from '../helpers/lsp-client';
import { readSeed, repoRoot } from '../helpers/paths';


describe('language server over JSON-RPC (push diagnostics)', function () {
  this.timeout(30000);
  let client: LspClient;
  let dir: string;
  const seed001 = readSeed('slac-2011-rutland');
  const seed003 = readSeed('apa-2007-rotherham');

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-lsp-'));
    client = await LspClient.start();
  });
  after(async () => {
    const code = await client.stop();
    assert.strictEqual(code, 0, 'the server exits cleanly after shutdown and exit');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces its features and registers for configuration and .inspection-lint.json changes', async () => {
    const capabilities = client.initializeResult.capabilities;
    assert.strictEqual(client.initializeResult.serverInfo?.name, 'inspection-report-language-server');
    assert.deepStrictEqual((capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');
    for (const provider of ['documentSymbolProvider', 'workspaceSymbolProvider', 'hoverProvider', 'codeActionProvider', 'foldingRangeProvider', 'completionProvider', 'definitionProvider', 'referencesProvider'] as const) {
      assert.ok(capabilities[provider], provider);
    }
    assert.strictEqual(capabilities.diagnosticProvider, undefined, 'a client without pull support gets pushed diagnostics');
    await client.registered('workspace/didChangeWatchedFiles');
    await client.registered('workspace/didChangeConfiguration');
  });

  it('publishes seed 001’s real slips on open, with rule ids, docs links and related locations', async () => {
    const uri = await client.open(path.join(dir, 'seed-001.txt'), seed001);
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    assert.deepStrictEqual(diagnostics.map((d) => [d.range.start.line + 1, d.code, d.severity]), [
      [379, 'record-group-mismatch', 2],
      [384, 'record-entry-without-section', 2],
      [399, 'record-entry-without-section', 2],
    ]);
    assert.match(diagnostics[0]!.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/record-group-mismatch\.md$/);
    assert.ok(fs.existsSync(new URL(diagnostics[0]!.codeDescription!.href)));
    assert.deepStrictEqual(diagnostics[0]!.relatedInformation?.map((related) => related.location.range.start.line + 1), [380, 381, 382, 383]);
  });

  it('reports a problem as the text changes and clears it when it is fixed, without saving', async () => {
    const uri = await client.open(path.join(dir, 'rotherham.txt'), seed003);
    assert.deepStrictEqual((await client.diagnosticsForVersion(uri, 1)).diagnostics, []);
    // "Grade 4" of Making a positive contribution (line 110) becomes "Grade 2": one character typed
    await client.change(uri, 2, [{ range: { start: at(109, 6), end: at(109, 7) }, text: '2' }]);
    const broken = (await client.diagnosticsForVersion(uri, 2)).diagnostics;
    const wording = broken.find((d) => d.code === 'grade-wording-mismatch')!;
    assert.ok(wording, JSON.stringify(broken));
    assert.strictEqual(wording.message, 'Grade 2 means adequate on the APA 2007 scale, but the judgement sentence says outstanding.');
    const termAt = seed003.split('\n')[113]!.indexOf('outstanding');
    assert.deepStrictEqual(wording.range, { start: at(113, termAt), end: at(113, termAt + 'outstanding'.length) });
    assert.deepStrictEqual(wording.relatedInformation?.[0]?.location.range, { start: at(109, 0), end: at(109, 7) });
    assert.ok(broken.some((d) => d.code === 'summary-contradiction'), 'the overall section also says it is outstanding');
    await client.change(uri, 3, [{ range: { start: at(109, 6), end: at(109, 7) }, text: '4' }]);
    assert.deepStrictEqual((await client.diagnosticsForVersion(uri, 3)).diagnostics, []);
  });

  it('leaves plain-text and Markdown files that are not reports alone', async () => {
    const uri = await client.open(path.join(dir, 'notes.md'), '# Notes\n\nGrade 5\n\nWe spoke about the grade 5 exam.\n', 'markdown');
    assert.deepStrictEqual((await client.diagnosticsForVersion(uri, 1)).diagnostics, []);
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', td(uri)), []);
  });

  it('lints any document in the inspection-report language, even with no framework recognised', async () => {
    const uri = await client.open(path.join(dir, 'draft.report.txt'), '<!-- framework: slac-2012 -->\n\nBeing healthy\n\nGrade 3\n', 'inspection-report');
    const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['unknown-framework']);
  });

  it('gives an outline of parts and sections, each judgement with its grade, and the record as its own node', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', td(uriOf(path.join(dir, 'seed-001.txt'))));
    const names = symbols.map((symbol) => symbol.name);
    assert.deepStrictEqual(names, ['Contents', 'About this inspection', 'The inspection judgements and what they mean', 'Service information', 'Safeguarding services', 'Services for looked after children', 'Record of main findings']);
    const safeguarding = symbols[4]!;
    assert.strictEqual(safeguarding.children?.[0]?.name, 'Overall effectiveness');
    assert.strictEqual(safeguarding.children?.[0]?.detail, 'Grade 3 · Adequate');
    assert.deepStrictEqual(safeguarding.children?.[0]?.selectionRange, { start: at(88, 0), end: at(88, 21) });
    const outcomes = symbols[5]!.children!.find((child) => child.name.startsWith('How good'))!;
    assert.deepStrictEqual(outcomes.children?.map((child) => `${child.name}: ${child.detail}`), [
      'Being healthy: Grade 1 · Outstanding',
      'Staying safe: Grade 1 · Outstanding',
      'Enjoying and achieving: Grade 2 · Good',
      'Making a positive contribution, including user engagement: Grade 3 · Adequate',
      'Economic well-being: Grade 1 · Outstanding',
    ]);
    const record = symbols[6]!;
    assert.strictEqual(record.children?.length, 6, 'six group rows');
    assert.strictEqual(record.children?.[0]?.children?.[0]?.name, 'Overall effectiveness');
    for (const symbol of symbols) assert.ok(symbol.range.start.line <= symbol.selectionRange.start.line && symbol.range.end.line >= symbol.selectionRange.end.line);
  });

  it('finds judgements across open reports with workspace symbols', async () => {
    const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'staysafe' });
    const found = symbols.map((symbol) => `${symbol.name} · ${symbol.containerName} · ${path.basename(symbol.location.uri)}`).sort();
    assert.deepStrictEqual(found, ['Staying safe · Grade 3 · Good · rotherham.txt', 'Staying safe · Services for looked after children · Grade 1 · Outstanding · seed-001.txt']);
  });

  it('hovers a grade with the framework’s whole scale, this grade marked and the best end named', async () => {
    const result = await client.request<Hover>('textDocument/hover', { ...td(uriOf(path.join(dir, 'seed-001.txt'))), position: at(90, 3) });
    const value = (result.contents as { value: string }).value;
    assert.match(value, /\*\*SLAC 2011 scale\*\* — Grade 1 \(Outstanding\) is best, Grade 4 \(Inadequate\) is worst/);
    assert.match(value, /\| ▶ \| 3 \| \*\*Adequate\*\* \| A service that only meets minimum requirements \|/);
    assert.match(value, /\|  \| 1 \| Outstanding \| A service that significantly exceeds minimum requirements \|/);
    assert.deepStrictEqual(result.range, { start: at(90, 0), end: at(90, 18) });
    // the label already says the level: not "Grade 3 (Adequate) means Adequate"
    assert.match(value, /\*Grade 3 \(Adequate\)\* is level 3 of four, counting from the best\./);
  });

  it('hovers the APA scale the other way round', async () => {
    const result = await client.request<Hover>('textDocument/hover', { ...td(uriOf(path.join(dir, 'rotherham.txt'))), position: at(20, 2) });
    const value = (result.contents as { value: string }).value;
    assert.match(value, /Grade 4 \(Outstanding\) is best, Grade 1 \(Inadequate\) is worst[\s\S]*\| ▶ \| 3 \| \*\*Good\*\*/);
    assert.match(value, /\*Grade 3\* means \*\*Good\*\*, level 2 of four, counting from the best\./);
  });

  it('hovers an evaluative term, a record row and a heading', async () => {
    const uri = uriOf(path.join(dir, 'seed-001.txt'));
    const term = await client.request<Hover>('textDocument/hover', { ...td(uri), position: at(92, 70) });
    assert.match((term.contents as { value: string }).value, /\*\*adequate\*\* expresses \*\*Adequate\*\* \(grade 3\) on the SLAC 2011 scale\.\n\n✓ Agrees with the grade \*Grade 3 \(Adequate\)\*/);
    const row = await client.request<Hover>('textDocument/hover', { ...td(uri), position: at(380, 3) });
    assert.match((row.contents as { value: string }).value, /Record row \*\*Leadership and management\*\* · Adequate\n\nSection \*Leadership and management\* in Safeguarding services \(line 190\), graded \*Grade 3 \(Adequate\)\*\. ✓ Same grade\./);
    const heading = await client.request<Hover>('textDocument/hover', { ...td(uri), position: at(215, 3) });
    assert.match((heading.contents as { value: string }).value, /\*\*Partnership working\*\* — a graded judgement of \*SLAC 2011\*.*, in \*Safeguarding services\*\.[\s\S]*Record of main findings: line 383 \(Good\)\./);
  });

  it('folds sections, parts, the record, the contents and the lists of improvements', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', td(uriOf(path.join(dir, 'seed-001.txt'))));
    const has = (start: number, end: number) => ranges.some((range) => range.startLine === start - 1 && range.endLine === end - 1);
    assert.ok(has(87, 225), 'the safeguarding part');
    assert.ok(has(89, 97), 'a section');
    assert.ok(has(370, 399), 'the record');
    assert.ok(has(23, 52), 'the contents');
    assert.ok(has(115, 120), 'a timescale list');
  });

  it('completes a grade after "Grade " with the scale, best first, in the framework’s notation', async () => {
    const uri = await client.open(path.join(dir, 'complete.txt'), seed001.replace('Grade 3 (Adequate)\n\n11.', 'Grade \n\n11.'));
    const items = await client.request<CompletionItem[]>('textDocument/completion', { ...td(uri), position: at(90, 6) });
    assert.deepStrictEqual(items.map((item) => item.label), ['Grade 1 (Outstanding)', 'Grade 2 (Good)', 'Grade 3 (Adequate)', 'Grade 4 (Inadequate)']);
    assert.match((items[1]!.documentation as { value: string }).value, /A service that exceeds minimum requirements/);
    assert.deepStrictEqual((items[0]!.textEdit as TextEdit).range, { start: at(90, 0), end: at(90, 6) });
  });

  it('completes a grade in an APA letter as APA writes it, also after a judgement\'s title on the same line', async () => {
    const letter = readSeed('apa-2007-rutland');
    const lines = letter.split('\n');
    const heading = lines.findIndex((line) => line.startsWith('Being healthy Grade'));
    lines[heading] = 'Being healthy Grade ';
    const uri = await client.open(path.join(dir, 'apa-complete.txt'), lines.join('\n'));
    const items = await client.request<CompletionItem[]>('textDocument/completion', { ...td(uri), position: at(heading, lines[heading]!.length) });
    assert.deepStrictEqual(items.map((item) => [item.label, item.detail]), [['Grade 4', 'Outstanding'], ['Grade 3', 'Good'], ['Grade 2', 'Adequate'], ['Grade 1', 'Inadequate']]);
    assert.deepStrictEqual((items[0]!.textEdit as TextEdit).range, { start: at(heading, 14), end: at(heading, 20) });
    // not after any words: "the Grade " in a sentence is not a grade being written
    lines[heading] = 'Being healthy';
    lines[heading + 2] = 'Results are above the Grade ';
    await client.change(uri, 2, [{ text: lines.join('\n') }]);
    await client.diagnosticsForVersion(uri, 2);
    assert.deepStrictEqual(await client.request<CompletionItem[]>('textDocument/completion', { ...td(uri), position: at(heading + 2, lines[heading + 2]!.length) }), []);
  });

  it('completes the judgement headings a part does not have yet', async () => {
    const text = seed001.replace('Partnership working\n\nGrade 2 (Good)', 'Part\n\nGrade 2 (Good)');
    const uri = await client.open(path.join(dir, 'headings.txt'), text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { ...td(uri), position: at(215, 4) });
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('Partnership working'), labels.join(', '));
    assert.ok(labels.includes('Equality and diversity'));
    assert.ok(!labels.includes('Quality of provision'), 'already in this part');
    assert.match((items.find((item) => item.label === 'Partnership working')!.textEdit as TextEdit).newText, /^Partnership working\n\n\$\{1\|Grade 1 \(Outstanding\),Grade 2 \(Good\)/);
  });

  it("completes a heading's grade and a record cell as the report writes its other grades", async () => {
    // the seed with every grade written "Adequate (Grade 3)", the framework writing "Grade 3 (Adequate)"
    const text = seed001.replace('Partnership working\n\nGrade 2 (Good)', 'Part\n\nGrade 2 (Good)').replace(/^Grade (\d) \(([A-Za-z]+)\)$/gm, '$2 (Grade $1)');
    const uri = await client.open(path.join(dir, 'headings-as-written.txt'), text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { ...td(uri), position: at(215, 4) });
    assert.match((items.find((item) => item.label === 'Partnership working')!.textEdit as TextEdit).newText, /^Partnership working\n\n\$\{1\|Outstanding \(Grade 1\),Good \(Grade 2\)/);
    // a record whose cells are labels in lower case
    const lines = seed001.replace(/^([^\t\n]+)\t(Outstanding|Good|Adequate|Inadequate)$/gm, (_row, title: string, label: string) => `${title}\t${label.toLowerCase()}`).split('\n');
    const row = lines.lastIndexOf('Partnership working\tgood');
    lines[row] = 'Partnership working\t';
    const recordUri = await client.open(path.join(dir, 'record-as-written.txt'), lines.join('\n'));
    const cellItems = await client.request<CompletionItem[]>('textDocument/completion', { ...td(recordUri), position: at(row, lines[row]!.length) });
    assert.deepStrictEqual(cellItems.map((item) => item.label), ['outstanding', 'good', 'adequate', 'inadequate']);
  });

  it('goes from a record row and a contents entry to the section, and back with references', async () => {
    const uri = uriOf(path.join(dir, 'seed-001.txt'));
    const fromRow = await client.request<Location>('textDocument/definition', { ...td(uri), position: at(396, 5) });
    assert.strictEqual(fromRow.range.start.line + 1, 348, 'row 397 → LAC Leadership and management');
    const fromContents = await client.request<Location>('textDocument/definition', { ...td(uri), position: at(37, 3) });
    assert.strictEqual(fromContents.range.start.line + 1, 216, 'contents entry → Partnership working');
    const refs = await client.request<Location[]>('textDocument/references', { ...td(uri), position: at(215, 3), context: { includeDeclaration: true } });
    assert.deepStrictEqual(refs.map((ref) => ref.range.start.line + 1), [216, 383, 38]);
  });

  describe('quick fixes', () => {
    // a SLAC report with one problem of each fixable kind
    const broken = [
      'Inspection of safeguarding and looked after children services',
      '',
      'Safeguarding services',
      '',
      'Overall effectiveness',
      '',
      'Grade 3 (Adequate)',
      '',
      '1. The overall effectiveness of safeguarding services is good. Evidence follows here.',
      '',
      'Quality of provision',
      '',
      'Grade 2 (Adequate)',
      '',
      '2. The quality of safeguarding provision is good. Evidence follows here.',
      '',
      'Partnership working',
      '',
      '4. Partnership working arrangements are good. The board is effective.',
      '',
      'Leadership and management',
      '',
      'Grade 2 (Good)',
      '',
      '5. Leadership and management of safeguarding services are good. More follows here.',
      '',
      'Record of main findings',
      '',
      'Safeguarding services\t',
      'Overall effectiveness\tGood',
      'Quality of provision\tGood',
    ].join('\n');

    it('each fix removes its own diagnostic and changes nothing outside its edit', async () => {
      const file = path.join(dir, 'fixes.txt');
      const uri = await client.open(file, broken);
      const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
      const codes = diagnostics.map((d) => d.code).sort();
      assert.deepStrictEqual(codes, ['grade-label-mismatch', 'grade-wording-mismatch', 'missing-grade', 'missing-record-entry', 'paragraph-numbering', 'record-grade-mismatch']);
      let version = 1;
      let checked = 0;
      for (const diagnostic of diagnostics) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { ...td(uri), range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
        const fixes = actions.filter((action) => action.diagnostics?.length);
        assert.ok(fixes.length > 0, `no fix for ${diagnostic.code}`);
        if (diagnostic.code === 'grade-wording-mismatch') {
          assert.ok(fixes.length >= 2 && fixes.every((fix) => !fix.isPreferred), 'grade or wording: both offered, neither guessed');
        }
        for (const fix of fixes) {
          const edits = fix.edit!.changes![uri]!;
          const fixed = applyEdits(broken, edits);
          version++;
          await client.change(uri, version, [{ text: fixed }]);
          const after = (await client.diagnosticsForVersion(uri, version)).diagnostics;
          assert.ok(!after.some((d) => d.code === diagnostic.code && d.message === diagnostic.message), `"${fix.title}" left ${diagnostic.code}`);
          assertUnchangedOutside(broken, fixed, edits);
          checked++;
        }
        version++;
        await client.change(uri, version, [{ text: broken }]);
        await client.diagnosticsForVersion(uri, version);
      }
      assert.ok(checked >= 8, `only ${checked} fixes checked`);
    });

    it('"fix all" applies the preferred fixes together', async () => {
      const uri = uriOf(path.join(dir, 'fixes.txt'));
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { ...td(uri), range: { start: at(0, 0), end: at(0, 0) }, context: { diagnostics: [], only: ['source.fixAll'] } });
      const fixAll = actions.find((action) => action.kind === 'source.fixAll.inspection-report');
      assert.ok(fixAll);
      const fixed = applyEdits(broken, fixAll!.edit!.changes![uri]!);
      await client.change(uri, 100, [{ text: fixed }]);
      const remaining = (await client.diagnosticsForVersion(uri, 100)).diagnostics.map((d) => d.code).sort();
      // grade against wording has no single right answer, and a missing grade is the inspector's to give; nor is the
      // record row of "Overall effectiveness" copied from a grade its own sentence (and the record) disagree with
      assert.deepStrictEqual(remaining, ['grade-wording-mismatch', 'missing-grade', 'record-grade-mismatch']);
    });

    it('"fix all" renumbers paragraphs in rounds, so that a gap and a repeat further on both come out right', async () => {
      const numbers = [1, 2, 3, 5, 6, 7, 8, 8, 9, 10, 11, 14, 13, 14, 16, 17];
      const text = [
        'Inspection of safeguarding and looked after children services',
        '',
        'About this inspection',
        '',
        ...numbers.map((n, i) => `${n}. Paragraph text number ${i + 1} of the inspection, with evidence.`),
      ].join('\n');
      const uri = await client.open(path.join(dir, 'numbering.txt'), text);
      const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
      // a gap, a repeat, one mistyped number (14 between 11 and 13) and another gap: four problems, not a cascade;
      // fixed one at a time against the first text, the second gap's fix would leave a gap (16 renumbered to 15)
      assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.range.start.line + 1]), [['paragraph-numbering', 8], ['paragraph-numbering', 12], ['paragraph-numbering', 16], ['paragraph-numbering', 19]]);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { ...td(uri), range: { start: at(0, 0), end: at(0, 0) }, context: { diagnostics: [], only: ['source.fixAll'] } });
      const edits = actions.find((action) => action.kind === 'source.fixAll.inspection-report')!.edit!.changes![uri]!;
      const fixed = applyEdits(text, edits);
      assert.deepStrictEqual(fixed.split('\n').slice(4).map((line) => Number(line.split('.')[0])), numbers.map((_, i) => i + 1));
      assertUnchangedOutside(text, fixed, edits);
      // only the numbers are edited
      assert.ok(edits.every((edit) => edit.range.start.line === edit.range.end.line && edit.range.end.character <= 2), JSON.stringify(edits));
    });
  });
});

/** Every character outside the edited ranges is still there, in order. */
function assertUnchangedOutside(before: string, after: string, edits: TextEdit[]): void {
  const marker = '\u0000';
  const pieces = applyEdits(before, edits.map((edit) => ({ ...edit, newText: marker }))).split(marker);
  let cursor = 0;
  for (const piece of pieces) {
    const found = after.indexOf(piece, cursor);
    assert.ok(found >= cursor, `text outside the edits changed near ${JSON.stringify(piece.slice(0, 40))}`);
    cursor = found + piece.length;
  }
}

describe('language server: pull diagnostics, live configuration and robustness', function () {
  this.timeout(30000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspection-lsp2-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers pull diagnostics (LSP 3.17) and pushes nothing to a client that pulls', async () => {
    const client = await LspClient.start({ pull: true });
    try {
      assert.ok(client.initializeResult.capabilities.diagnosticProvider);
      const uri = await client.open(path.join(dir, 'pull.txt'), readSeed('slac-2011-rutland'));
      const report = await client.request<{ kind: string; items: Diagnostic[]; resultId: string }>('textDocument/diagnostic', td(uri));
      assert.strictEqual(report.kind, 'full');
      assert.deepStrictEqual(report.items.map((d) => d.code), ['record-group-mismatch', 'record-entry-without-section', 'record-entry-without-section']);
      const again = await client.request<{ kind: string }>('textDocument/diagnostic', { ...td(uri), previousResultId: report.resultId });
      assert.strictEqual(again.kind, 'unchanged');
      // typing inside a paragraph far from every problem changes no diagnostic: nothing is sent again
      const seed = readSeed('slac-2011-rutland').split('\n');
      const paragraph = seed.findIndex((line) => line.startsWith('14. The capacity of safeguarding services'));
      await client.change(uri, 2, [{ range: { start: at(paragraph, 30), end: at(paragraph, 30) }, text: 'x' }]);
      const typed = await client.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { ...td(uri), previousResultId: report.resultId });
      assert.strictEqual(typed.kind, 'unchanged');
      // a change that moves the problems sends them in full, with a new result id
      await client.change(uri, 3, [{ range: { start: at(0, 0), end: at(0, 0) }, text: '\n' }]);
      const moved = await client.request<{ kind: string; items: Diagnostic[]; resultId: string }>('textDocument/diagnostic', { ...td(uri), previousResultId: typed.resultId });
      assert.strictEqual(moved.kind, 'full');
      assert.notStrictEqual(moved.resultId, report.resultId);
      assert.strictEqual(moved.items[0]?.range.start.line, report.items[0]!.range.start.line + 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.strictEqual(client.published.get(uri), undefined);
    } finally {
      await client.stop();
    }
  });

  it('takes settings pushed by a client that is not asked for them, and an empty rules object removes every override', async () => {
    const client = await LspClient.start({ pushSettingsOnly: true });
    try {
      const uri = await client.open(path.join(dir, 'pushed.txt'), readSeed('slac-2011-rutland'));
      assert.strictEqual((await client.diagnosticsForVersion(uri, 1)).diagnostics.length, 3);
      await client.changeSettings({ rules: { 'record-entry-without-section': 'off' } });
      await client.diagnostics(uri, (params) => params.diagnostics.length === 1);
      await client.changeSettings({ rules: {} });
      await client.diagnostics(uri, (params) => params.diagnostics.length === 3 && params === client.published.get(uri)!.at(-1));
    } finally {
      await client.stop();
    }
  });

  it('applies changed editor settings and .inspection-lint.json without a restart', async () => {
    const client = await LspClient.start();
    try {
      const uri = await client.open(path.join(dir, 'seed.txt'), readSeed('slac-2011-rutland'));
      assert.strictEqual((await client.diagnosticsForVersion(uri, 1)).diagnostics.length, 3);
      await client.changeSettings({ rules: { 'record-entry-without-section': 'off' } });
      await client.diagnostics(uri, (params) => params.diagnostics.length === 1);
      await client.changeSettings({});
      await client.diagnostics(uri, (params) => params.diagnostics.length === 3 && params.diagnostics[1]!.severity === 2);
      fs.writeFileSync(path.join(dir, '.inspection-lint.json'), JSON.stringify({ rules: { 'record-group-mismatch': 'error' } }));
      await client.configFileChanged(path.join(dir, '.inspection-lint.json'));
      const { diagnostics } = await client.diagnostics(uri, (params) => params.diagnostics[0]?.severity === 1);
      assert.strictEqual(diagnostics[0]!.code, 'record-group-mismatch');
    } finally {
      fs.rmSync(path.join(dir, '.inspection-lint.json'), { force: true });
      await client.stop();
    }
  });

  it('reports an open .inspection-lint.json’s problems in place, as it is typed', async () => {
    const client = await LspClient.start();
    try {
      const uri = await client.open(path.join(dir, '.inspection-lint.json'), '{\n  "rules": { "missing-grade": "loud" }\n}\n', 'json');
      const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
      assert.strictEqual(diagnostics[0]?.message, 'rules.missing-grade: must be "error", "warning", "info" or "off", not "loud"');
      assert.deepStrictEqual(diagnostics[0]?.range.start, at(1, 30));
      assert.strictEqual(diagnostics[0]?.severity, 1);
      // a setting that works but may not be what was meant is a warning
      await client.change(uri, 2, [{ text: JSON.stringify({ customFrameworks: [{ ...fosteringReview(), id: 'slac-2011' }] }, null, 2) }]);
      const replaced = (await client.diagnosticsForVersion(uri, 2)).diagnostics;
      assert.deepStrictEqual(replaced.map((d) => [d.severity, String(d.message).split(';')[0]]), [[2, 'customFrameworks[0].id: "slac-2011" replaces the built-in framework Inspection of safeguarding and looked after children services (2011) in this workspace']]);
    } finally {
      await client.stop();
    }
  });

  it('ignores frameworks defined in .inspection-lint.json until the workspace is trusted', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'trust-'));
    const custom = {
      id: 'fostering-review',
      name: 'Fostering review',
      years: { from: 2024 },
      scale: { direction: 'higher-is-better', levels: [{ key: 'strong', number: 2, label: 'Strong', terms: ['strong'] }, { key: 'weak', number: 1, label: 'Weak', terms: ['weak'] }] },
      judgements: [{ id: 'placements', title: 'Placements' }],
      notation: { styles: ['grade-number-label'], preferred: 'grade-number-label' },
      detection: { titles: ['fostering review'], phrases: [] },
    };
    fs.writeFileSync(path.join(folder, '.inspection-lint.json'), JSON.stringify({ customFrameworks: [custom] }));
    const text = 'Fostering review 2025\n\nPlacements\n\nGrade 2 (Weak)\n\nPlacements are weak across the service.\n';
    const untrusted = await LspClient.start({ settings: { allowCustomFrameworks: false } });
    try {
      const uri = await untrusted.open(path.join(folder, 'review.report.txt'), text, 'inspection-report');
      assert.deepStrictEqual((await untrusted.diagnosticsForVersion(uri, 1)).diagnostics, [], 'no framework of its own: nothing to check');
      await untrusted.changeSettings({ allowCustomFrameworks: true });
      const trusted = await untrusted.diagnostics(uri, (params) => params.diagnostics.length > 0);
      assert.deepStrictEqual(trusted.diagnostics.map((d) => d.code), ['grade-label-mismatch']);
    } finally {
      await untrusted.stop();
    }
  });

  it('makes a record of main findings from the sections, and declines for a framework that has none', async () => {
    const client = await LspClient.start();
    try {
      const slac = readSeed('slac-2011-rutland');
      const withoutRecord = slac.slice(0, slac.indexOf('Record of main findings:'));
      const uri = await client.open(path.join(dir, 'no-record.txt'), '');
      // made for the version it answers: the client refuses it for any other, where its edits would land elsewhere
      await client.change(uri, 2, [{ text: withoutRecord }]);
      await client.diagnosticsForVersion(uri, 2);
      const made = await client.request<{ created: boolean; declined?: string; version: number; edit: { changes: Record<string, TextEdit[]> } }>('inspectionReport/recordOfFindingsEdit', td(uri));
      assert.strictEqual(made.created, true);
      assert.strictEqual(made.version, 2);
      const record = applyEdits(withoutRecord, made.edit.changes[uri]!).slice(withoutRecord.length);
      // the seed's own record, as it should have been: both parts, their groups, a row for every graded section
      assert.match(record, /^\n*Record of main findings\n\nSafeguarding services\t\nOverall effectiveness\tAdequate\n/);
      assert.strictEqual((record.match(/\t[A-Z][a-z]+\n/g) ?? []).length, 20);
      const apa = await client.open(path.join(dir, 'letter.txt'), readSeed('apa-2007-rutland'));
      await client.diagnosticsForVersion(apa, 1);
      const declined = await client.request<{ created: boolean; declined?: string; edit: { changes: Record<string, TextEdit[]> } }>('inspectionReport/recordOfFindingsEdit', td(apa));
      assert.strictEqual(declined.declined, 'APA 2007 reports have no record of main findings.');
      assert.deepStrictEqual(declined.edit.changes[apa], []);
    } finally {
      await client.stop();
    }
  });

  it('leaves "fix all" unresolved until it is chosen, for clients that resolve code actions, and refuses a stale one', async () => {
    const client = await LspClient.start({ resolveCodeActions: true });
    try {
      assert.strictEqual((client.initializeResult.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
      const text = readSeed('slac-2011-rutland').replace('12. The LSCB', '14. The LSCB');
      const uri = await client.open(path.join(dir, 'lazy.txt'), text);
      await client.diagnosticsForVersion(uri, 1);
      const params = { ...td(uri), range: { start: at(0, 0), end: at(0, 0) }, context: { diagnostics: [], only: ['source.fixAll'] } };
      const [lazy] = await client.request<CodeAction[]>('textDocument/codeAction', params);
      assert.ok(lazy && !lazy.edit && lazy.data, 'offered without its edit');
      const resolved = await client.request<CodeAction>('codeAction/resolve', lazy);
      const fixed = applyEdits(text, resolved.edit!.changes![uri]!);
      assert.strictEqual(fixed, readSeed('slac-2011-rutland'));
      await client.change(uri, 2, [{ range: { start: at(0, 0), end: at(0, 0) }, text: ' ' }]);
      await client.diagnosticsForVersion(uri, 2);
      assert.strictEqual((await client.request<CodeAction>('codeAction/resolve', lazy)).edit, undefined, 'no edit for a text that has changed');
    } finally {
      await client.stop();
    }
  });

  it('runs the same from the bundle the extension ships (dist/server.js), and checks a configuration with zod beside it', async () => {
    const client = await LspClient.start({ serverScript: path.join(repoRoot, 'dist', 'server.js') });
    try {
      const uri = await client.open(path.join(dir, 'bundled.txt'), readSeed('slac-2011-rutland'));
      const { diagnostics } = await client.diagnosticsForVersion(uri, 1);
      assert.deepStrictEqual(diagnostics.map((d) => d.code), ['record-group-mismatch', 'record-entry-without-section', 'record-entry-without-section']);
      assert.ok(fs.existsSync(new URL(diagnostics[0]!.codeDescription!.href)), 'the docs page it links to exists');
      // the bundle starts without zod (dist/zod.js) and loads it for the first configuration it reads
      const config = await client.open(path.join(dir, 'bundled', '.inspection-lint.json'), '{ "rules": { "missing-grade": "loud" } }', 'json');
      const problems = (await client.diagnosticsForVersion(config, 1)).diagnostics;
      assert.deepStrictEqual(problems.map((d) => d.message), ['rules.missing-grade: must be "error", "warning", "info" or "off", not "loud"']);
    } finally {
      await client.stop();
    }
  });
});
