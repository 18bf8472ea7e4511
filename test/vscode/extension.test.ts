import * as assert from 'assert';
import * as vscode from 'vscode';
import { pacingNote } from '../../client/src/status';
import { api, codes, eventually, open, workspaceFile } from './helpers';

// Runs inside a real VS Code extension host (code-server here, or a downloaded desktop VS Code).
describe('Inspection Report extension in VS Code', function () {
  this.timeout(60000);

  before(async () => {
    await api();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('assigns the inspection-report language to *.report.txt and leaves other text as plain text', async () => {
    assert.strictEqual((await open('draft.report.txt')).document.languageId, 'inspection-report');
    assert.strictEqual((await open('slac-2011-rutland.txt')).document.languageId, 'plaintext');
  });

  it('types a tab, not spaces, in a report: the tab between a record row\'s title and grade', async () => {
    const editor = await open('draft.report.txt');
    assert.strictEqual(editor.options.insertSpaces, false);
    const end = editor.document.lineAt(0).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('tab');
    assert.strictEqual(editor.document.lineAt(0).text, 'Being healthy\t');
    assert.strictEqual(vscode.workspace.getConfiguration('editor', editor.document).get('wordWrap'), 'on');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('lints a plain-text file that is a report: seed 001’s real slips, with links to the rule docs', async () => {
    const { document } = await open('slac-2011-rutland.txt');
    const diagnostics = await eventually('diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.length === 3 && found;
    });
    assert.deepStrictEqual(diagnostics.map((d) => [d.range.start.line + 1, (d.code as { value: string }).value]), [
      [379, 'record-group-mismatch'],
      [384, 'record-entry-without-section'],
      [399, 'record-entry-without-section'],
    ]);
    const target = (diagnostics[0]!.code as { target: vscode.Uri }).target;
    assert.match(target.toString(), /docs\/rules\/record-group-mismatch\.md$/);
  });

  it('leaves a text file that is not a report alone', async () => {
    const { document } = await open('notes.txt');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepStrictEqual(vscode.languages.getDiagnostics(document.uri), []);
  });

  it('reports a broken copy as it is edited and clears the problem when it is fixed', async () => {
    const editor = await open('broken.report.txt');
    const uri = editor.document.uri;
    await eventually('the wording problem', () => codes(uri).includes('grade-wording-mismatch'));
    const line = editor.document.lineAt(90);
    assert.strictEqual(line.text, 'Grade 2 (Good)');
    await editor.edit((edit) => edit.replace(line.range, 'Grade 3 (Adequate)'));
    await eventually('the problem to clear', () => !codes(uri).includes('grade-wording-mismatch'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('gives the outline: sections with their grades', async () => {
    const { document } = await open('slac-2011-rutland.txt');
    const symbols = await eventually('symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found?.length ? found : undefined;
    });
    const safeguarding = symbols.find((symbol) => symbol.name === 'Safeguarding services');
    assert.ok(safeguarding);
    assert.deepStrictEqual(
      safeguarding.children.slice(0, 2).map((child) => `${child.name}: ${child.detail}`),
      ['Overall effectiveness: Grade 3 · Adequate', 'Capacity for improvement: Grade 3 · Adequate'],
    );
    assert.ok(symbols.some((symbol) => symbol.name === 'Record of main findings'));
  });

  it('hovers a grade with the framework’s scale', async () => {
    const { document } = await open('slac-2011-rutland.txt');
    const hovers = await eventually('a hover', async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(90, 3));
      return found?.length ? found : undefined;
    });
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /SLAC 2011 scale/);
    assert.match(text, /\| ▶ \| 3 \| \*\*Adequate\*\*/);
  });

  it('fixes a problem with a quick fix applied through the workspace', async () => {
    const editor = await open('label.report.txt');
    const uri = editor.document.uri;
    const diagnostic = await eventually('the label problem', () => vscode.languages.getDiagnostics(uri).find((d) => (d.code as { value: string }).value === 'grade-label-mismatch'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.find((action) => action.isPreferred && action.edit);
    assert.ok(preferred, `no preferred fix among ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
    assert.strictEqual(editor.document.lineAt(diagnostic.range.start.line).text, 'Grade 3 (Adequate)');
    await eventually('the problem to clear', () => !codes(uri).includes('grade-label-mismatch'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows the judgement summary of every judgement, with agreement', async () => {
    await open('slac-2011-rutland.txt');
    const rows = await vscode.commands.executeCommand<{ title: string; grade: { text: string } | null; record: { agrees: boolean | null } | null }[]>('inspectionReport.showJudgementSummary');
    assert.strictEqual(rows.length, 20);
    assert.deepStrictEqual([rows[0]!.title, rows[0]!.grade?.text, rows[0]!.record?.agrees], ['Overall effectiveness', 'Grade 3 (Adequate)', true]);
  });

  it('inserts a record of main findings made from the sections', async () => {
    const editor = await open('no-record.report.txt');
    await eventually('the server to know the report', async () => (await (await api()).status.refresh())?.isReport);
    assert.ok(await vscode.commands.executeCommand<boolean>('inspectionReport.updateRecordOfFindings'));
    const text = editor.document.getText();
    assert.match(text, /Record of main findings\n\nSafeguarding services\t\nOverall effectiveness\tAdequate\nPartnership working\tGood\n$/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows the framework in the status bar and lets the user choose another', async () => {
    const { document } = await open('apa-2007-rutland.txt');
    const { status } = await api();
    const info = await eventually('the status', async () => (await status.refresh())?.framework ?? undefined);
    assert.strictEqual(info.shortName, 'APA 2007');
    await vscode.commands.executeCommand('inspectionReport.chooseFramework', 'slac-2011');
    // read on the SLAC scale, Grade 3 is adequate while the sentences say good
    await eventually('problems under the other scale', () => codes(document.uri).includes('grade-wording-mismatch'));
    // the choice outlives a restart of the server
    await vscode.commands.executeCommand('inspectionReport.restartServer');
    await eventually('the chosen scale after the restart', async () => (await status.refresh())?.framework?.id === 'slac-2011');
    await vscode.commands.executeCommand('inspectionReport.chooseFramework', null);
    await eventually('the problems to clear', () => codes(document.uri).length === 0);
  });

  it('marks a report whose check is slower than slowCheckMs in the status bar: it is checked once typing pauses', async () => {
    await open('slac-2011-rutland.txt');
    const { status } = await api();
    assert.strictEqual((await eventually('the status', () => status.refresh()))?.check.whenTypingPauses, false);
    const config = vscode.workspace.getConfiguration('inspectionReport');
    await config.update('slowCheckMs', 0, vscode.ConfigurationTarget.Workspace);
    try {
      const info = await eventually('the report to be paced', async () => {
        const found = await status.refresh();
        return found?.check.whenTypingPauses && found;
      });
      assert.strictEqual(info.check.slowCheckMs, 0);
      assert.match(pacingNote(info), /Checked once typing pauses: its last check took \d+ ms, over the 0 ms of `inspectionReport\.slowCheckMs`/);
    } finally {
      await config.update('slowCheckMs', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await eventually('the report to be checked at every change again', async () => (await status.refresh())?.check.whenTypingPauses === false);
  });

  it('applies a changed setting without a restart', async () => {
    const { document } = await open('slac-2011-rutland.txt');
    await eventually('the real slips', () => codes(document.uri).length === 3);
    const config = vscode.workspace.getConfiguration('inspectionReport');
    await config.update('rules', { 'record-entry-without-section': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await eventually('the rule to be off', () => codes(document.uri).length === 1);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await eventually('the rule to be back', () => codes(document.uri).length === 3);
  });

  it('validates .inspection-lint.json with the generated schema', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('.inspection-lint.json'));
    assert.strictEqual(document.languageId, 'jsonc');
    await vscode.window.showTextDocument(document);
    // VS Code's own JSON validation, from the schema the extension contributes (our server reports it too)
    const problems = await eventually('the schema problem', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return found.some((problem) => problem.source !== 'inspection-report') ? found : undefined;
    });
    const fromSchema = problems.filter((problem) => problem.source !== 'inspection-report');
    assert.ok(fromSchema.some((problem) => /"off"/.test(problem.message) && problem.range.start.line === 1), fromSchema.map((p) => `${p.source}: ${p.message}`).join('\n'));
    assert.ok(problems.some((problem) => problem.source === 'inspection-report' && /loud/.test(problem.message)), 'and the server names the key');
  });
});
